import type { CatalogueEntry } from './schema.js';

/**
 * Cegid Quadra catalogue entries (seed 003, "How can I synchronize my accounting entries with
 * Cegid Quadra?"). The only vendor texts the seed quotes are `ContainerNotFoundInSicSettings`
 * and the "Failed check" message; every other message below is the simulator's own wording
 * (`documented: false`), as are all wire codes except `ContainerNotFoundInSicSettings`.
 */

const KEYS = 'How can I generate my API keys in Cegid Quadra?';
const PREREQUISITES = 'What prerequisites should I check in Cegid Quadra before starting?';
const CONSTRAINTS = 'What constraints should I be aware of regarding the chart of accounts and subsidiary accounts?';
const SYNC = 'How does automatic synchronization of entries work?';
const TROUBLESHOOTING = 'What should I do if my entries do not synchronize correctly?';

export const quadraCatalogue = [
  {
    id: 'QDR-CPA-AUTH',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'Wrong CPA API key or secret',
    messages: [
      {
        en: 'The CPA API key or its secret is invalid.',
        fr: 'La clé API CPA ou son secret est invalide.',
        documented: false,
      },
    ],
    // RFC 6749 §5.2's code: the token route answers in OAuth 2.0's error body.
    wire: { status: 401, code: 'invalid_client' },
    symptoms: [{ en: 'CPA API key invalid', fr: 'clé API CPA invalide' }],
    cause:
      'The CPA API key or its secret entered in the Qonto Accounting Hub does not match the one generated in Cegid Life. The secret is only shown once: it is no longer visible after closing or refreshing the page.',
    remedy: [
      'Log in to Cegid Life with your firm administrator account (SIC code + passport credentials)',
      'Follow the Cegid documentation to generate the CPA API key and the secret again, and note them before closing or refreshing the page',
      'In the Qonto Accounting Hub, Integrations menu, use Edit API connection to enter the CPA API key and its secret',
    ],
    scenarioId: 'quadra/cpa-auth',
    source: { seed: '003', section: KEYS },
  },
  {
    id: 'QDR-CPA-NO-PORTAL',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'No access to the Cegid Collaborative Portal',
    messages: [
      {
        en: 'Access to the Cegid Collaborative Portal is required to use this API.',
        fr: "L'accès au Portail Collaboratif Cegid est nécessaire pour utiliser cette API.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'CollaborativePortalAccessRequired' },
    cause:
      'The firm does not have access to the Cegid Collaborative Portal. Without this access, the API will not work.',
    remedy: [
      'Contact your Cegid sales representative to obtain access to the Cegid Collaborative Portal',
      'Then generate the CPA API key and its secret in Cegid Life with your firm administrator account',
    ],
    scenarioId: 'quadra/cpa-no-portal',
    source: { seed: '003', section: KEYS },
  },
  {
    id: 'QDR-CFE-AUTH',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'Wrong CFE API key or secret',
    messages: [
      {
        en: 'The Cegid File Exchange API key or its secret is invalid.',
        fr: 'La clé API Cegid File Exchange ou son secret est invalide.',
        documented: false,
      },
    ],
    wire: { status: 401, code: 'InvalidCfeCredentials' },
    symptoms: [{ en: 'CFE API key invalid', fr: 'clé API CFE invalide' }],
    cause:
      'The CFE (Cegid File Exchange) API key or its secret entered in the Qonto Accounting Hub does not match the one generated in Cegid Life. The CFE key is essential for sending entries to Quadra.',
    remedy: [
      'In your Cegid Life space, go to Administration > User Management > API Keys and generate the key, selecting the Cegid File Exchange service, following the official Cegid procedure',
      'In the Qonto Accounting Hub, Integrations menu, use Edit API connection to enter the CFE API key and its secret',
    ],
    scenarioId: 'quadra/cfe-auth',
    source: { seed: '003', section: KEYS },
  },
  {
    id: 'QDR-CFE-NOT-ACTIVATED',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'CFE API key not activated',
    messages: [
      {
        en: 'The Cegid File Exchange API key has not been activated.',
        fr: "La clé API Cegid File Exchange n'a pas été activée.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'CfeKeyNotActivated' },
    cause:
      'The last step of the CFE procedure in the Quadra guide, which validates the activation of the key, was not done.',
    remedy: [
      'Follow the CFE procedure in the Quadra guide to its last step, which validates the activation of the CFE API key',
    ],
    scenarioId: 'quadra/cfe-not-activated',
    source: { seed: '003', section: KEYS },
  },
  {
    id: 'QDR-CONTAINER-NOT-FOUND',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'ContainerNotFoundInSicSettings on the first synchronization',
    messages: [{ en: 'ContainerNotFoundInSicSettings', fr: 'ContainerNotFoundInSicSettings', documented: true }],
    wire: { status: 404, code: 'ContainerNotFoundInSicSettings' },
    cause:
      'Technical error during the first synchronization, with the code ContainerNotFoundInSicSettings. The article does not state the cause; its remedy points to the CFE API key (the key in Cegid Life not matching the one entered in the Cegid Quadra settings).',
    remedy: [
      'Contact Qonto support: perform the following actions only upon its invitation',
      'Regenerate the CFE API key in Cegid Life',
      'Verify that the CFE key in Cegid Life (Administration > User Management > API Keys) matches the one entered in the Cegid Quadra settings (Tools > API Keys > Cegid File Exchange)',
    ],
    scenarioId: 'quadra/container-not-found',
    source: { seed: '003', section: TROUBLESHOOTING },
  },
  {
    id: 'QDR-PERIOD-NOT-OPEN',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'No open accounting period',
    messages: [
      {
        en: 'No accounting period is open in file {file}.',
        fr: "Aucune période comptable n'est ouverte dans le dossier {file}.",
        documented: false,
      },
      // Variant 1: one line of an imported file, in the rejection report (QuadraCOMPTA refuses
      // "écriture sur période clôturée"; vendor-facts §1.5).
      {
        en: 'Line {line}: the date {date} is not in an open accounting period of file {file}.',
        fr: "Ligne {line} : la date {date} n'est pas dans une période comptable ouverte du dossier {file}.",
        documented: false,
      },
    ],
    wire: { status: 422, code: 'AccountingPeriodNotOpen' },
    symptoms: [{ en: 'no open accounting period in Quadra', fr: 'aucune période comptable ouverte' }],
    cause: 'The file in Cegid Quadra has no open accounting period.',
    remedy: [
      'In Cegid Quadra, access the Accounting Administration or Period Management section, usually accessible via the Processing or Administration menu',
      'Make sure the previous period has been properly closed before creating a new one',
      'Open the accounting period',
    ],
    scenarioId: 'quadra/period-not-open',
    source: { seed: '003', section: PREREQUISITES },
  },
  {
    id: 'QDR-INCOMPLETE-FILE',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'Incomplete chart of accounts or journals not open',
    messages: [
      {
        en: 'File {file} is incomplete: the chart of accounts is incomplete or no journal is open.',
        fr: "Le dossier {file} est incomplet : le plan comptable est incomplet ou aucun journal n'est ouvert.",
        documented: false,
      },
      // Variant 1: one line of an imported file names a journal that exists but is locked (rejection report).
      {
        en: 'Line {line}: journal {journal} is not open in file {file}.',
        fr: "Ligne {line} : le journal {journal} n'est pas ouvert dans le dossier {file}.",
        documented: false,
      },
      // Variant 2: one line names a journal the file does not have at all: kept apart from a
      // locked one, since the remedies differ (create it in Quadra, or fix the code sent).
      {
        en: 'Line {line}: journal {journal} does not exist in file {file}.',
        fr: "Ligne {line} : le journal {journal} n'existe pas dans le dossier {file}.",
        documented: false,
      },
    ],
    wire: { status: 422, code: 'IncompleteFile' },
    cause: 'The file in Cegid Quadra does not include a complete chart of accounts or open journals.',
    remedy: ['In Cegid Quadra, complete the chart of accounts of the file', 'Open the journals of the file'],
    scenarioId: 'quadra/incomplete-file',
    source: { seed: '003', section: PREREQUISITES },
  },
  {
    id: 'QDR-NO-LABELS',
    vendor: 'quadra',
    kind: 'behaviour',
    title: 'Accounts created in Quadra without a label',
    messages: [],
    symptoms: [{ en: 'accounts created in Quadra without label', fr: 'comptes créés dans Quadra sans libellé' }],
    cause:
      'The Quadra format does not allow sending account labels (general chart of accounts or subsidiary accounts). If a PCG or subsidiary account exists in Qonto but not in Quadra, it is automatically created in Quadra when sending entries, but without an associated label.',
    remedy: [
      'Complete the label manually in Quadra',
      'To avoid this, if you create a PCG or subsidiary account in Qonto, create it identically in Cegid Quadra before the next entries are sent',
    ],
    scenarioId: 'quadra/no-labels',
    source: { seed: '003', section: CONSTRAINTS },
  },
  {
    id: 'QDR-ACCOUNT-8-CHARS',
    vendor: 'quadra',
    kind: 'behaviour',
    title: 'Account numbers truncated to 8 characters',
    messages: [],
    symptoms: [{ en: 'account cut to 8 characters in Quadra', fr: 'compte tronqué à 8 caractères dans Quadra' }],
    cause:
      'The account number (PCG or subsidiary) is limited to 8 characters in Cegid Quadra. Any number exceeding this limit is truncated when sent.',
    remedy: [
      'If you create a PCG or subsidiary account in Qonto, create it identically in Cegid Quadra before the next entries are sent',
    ],
    scenarioId: 'quadra/account-8-chars',
    source: { seed: '003', section: CONSTRAINTS },
  },
  {
    id: 'QDR-IMPORT-ON-OPEN',
    vendor: 'quadra',
    kind: 'stuck',
    title: 'Entries retrieved only when the file is opened in Quadra',
    messages: [],
    symptoms: [
      {
        en: 'entries appear in Quadra only when the file is opened',
        fr: "écritures apparaissent dans Quadra à l'ouverture du dossier",
      },
    ],
    cause:
      'Verified entries are sent to the Quadra API (CFE); Quadra retrieves them only when the relevant file is opened. The entries appear in Quadra a few minutes after sending.',
    remedy: [
      'After sending, open the relevant file in Quadra to trigger the retrieval of entries',
      'Then you can close it again: the entries appear in Quadra a few minutes later',
    ],
    scenarioId: 'quadra/import-on-open',
    source: { seed: '003', section: SYNC },
  },
  {
    id: 'QDR-READBACK-POSTED',
    vendor: 'quadra',
    kind: 'behaviour',
    title: 'Read-back 12 hours after sending',
    messages: [],
    status: [{ en: 'Posted', fr: 'Comptabilisées' }],
    symptoms: [
      {
        en: 'entries move to Posted tab 12 hours after sending',
        fr: "écritures passent dans l'onglet Comptabilisées 12 heures après l'envoi",
      },
    ],
    cause:
      '12 hours after sending, Qonto collects the entries in Quadra and compares them to those previously sent. Entries found in Quadra move to the Posted tab.',
    remedy: [],
    scenarioId: 'quadra/readback-posted',
    source: { seed: '003', section: SYNC },
  },
  {
    id: 'QDR-RETRY-NIGHTS',
    vendor: 'quadra',
    kind: 'behaviour',
    title: 'Entries not found are retried for 3 consecutive nights',
    messages: [],
    symptoms: [
      {
        en: 'entries not found in Quadra retried 3 nights',
        fr: 'écritures non trouvées dans Quadra renvoyées 3 nuits',
      },
    ],
    cause:
      'Entries not found in Quadra by the read-back 12 hours after sending remain pending sending, and a new attempt is made for 3 consecutive nights.',
    remedy: [],
    scenarioId: 'quadra/retry-nights',
    source: { seed: '003', section: SYNC },
  },
  {
    id: 'QDR-FAILED-CHECK',
    vendor: 'quadra',
    kind: 'rejection',
    title: 'Failed check after 3 unsuccessful attempts',
    messages: [
      {
        en: 'A problem seems to have occurred during the synchronization of this entry. Please verify.',
        fr: 'Un problème semble être survenu lors de la synchronisation de cette écriture. Veuillez vérifier.',
        documented: true,
      },
    ],
    status: [{ en: 'Failed check', fr: 'Échec de vérification' }],
    symptoms: [{ en: 'entries in the Failed check tab', fr: "écritures dans l'onglet Échec de vérification" }],
    cause:
      'After 3 unsuccessful attempts (entries still not found in Quadra), if other entries from the same batch or subsequent batches have been successfully posted, the failed entries move to the Failed check tab.',
    remedy: [
      'Verify the entry in Cegid Quadra',
      'For any unresolved synchronization issue, contact Qonto support describing the error message displayed in the Failed check tab',
    ],
    scenarioId: 'quadra/failed-check',
    source: { seed: '003', section: SYNC },
  },
] as const satisfies readonly CatalogueEntry[];
