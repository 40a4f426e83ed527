import type { CatalogueEntry } from './schema.js';

/**
 * The hub's own behaviours and actions (seed 001, "How do the APIs work to synchronize my
 * accounting entries with Qonto?", and the hub parts of the Sage GE error article, seed 002).
 * No vendor message and no wire answer: these happen on the hub side.
 */

const FLOWS = 'How does the synchronization of entries work?';
const CONNECTION = 'How can I start the connection in my Qontable Space?';
const IDENTIFY = 'How can I identify an entry with a synchronization error?';
const SAGE_REJECTIONS = 'What are the main Sage GE rejection reasons and how to fix them?';

export const hubCatalogue = [
  {
    id: 'HUB-FILE-ASSOCIATION',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Associating Qonto client files with accounting-software files',
    messages: [],
    symptoms: [
      {
        en: 'associate Qonto client file with accounting software file',
        fr: 'associer dossier client Qonto dossier logiciel comptable',
      },
    ],
    cause:
      'In the connection wizard, a table shows, if applicable, the existing client files in Qonto on the left and the files found in the accounting software on the right; a Qonto file can be associated with a file from the accounting software. Qonto then lists the files with a Status column used to activate the integration on each file.',
    remedy: [
      'On the association screen, associate each Qonto file with a file from your accounting software',
      'If you do not have one, skip this step by clicking Confirm',
      'In the table listing the files, use the Status column to activate the integration on the files',
    ],
    scenarioId: 'hub/file-association',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-REFDATA-ON-LINK',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Reference data retrieved when a file is created',
    messages: [],
    symptoms: [
      {
        en: 'reference data retrieved when a file is created in Qonto',
        fr: 'données de référence récupérées à la création du dossier dans Qonto',
      },
    ],
    cause:
      'When a file is created in Qonto, the accounting reference data from the accounting software is automatically retrieved: general chart of accounts, subsidiary accounts, and journal codes. It is then used as a working base in Qonto for processing supporting documents and generating entries.',
    remedy: [],
    scenarioId: 'hub/refdata-on-link',
    source: { seed: '001', section: FLOWS },
  },
  {
    id: 'HUB-REFRESH-REFDATA',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Refresh accounting data for a file',
    messages: [],
    status: [{ en: 'Refresh accounting data', fr: 'Rafraîchir les données comptables' }],
    symptoms: [{ en: 'refresh accounting data', fr: 'rafraîchir les données comptables' }],
    cause:
      'Refresh accounting data immediately retrieves the general chart of accounts and subsidiary accounts from the accounting software to update the Qonto file.',
    remedy: [
      "In the Integrations menu, use the [...] buttons at the top right or on the file's line",
      'Click Refresh accounting data',
    ],
    scenarioId: 'hub/refresh-refdata',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-WEEKLY-ACCOUNT-SYNC',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Weekly automatic synchronization of accounting accounts',
    messages: [],
    symptoms: [
      {
        en: 'new accounts appear in Qonto a week later',
        fr: 'nouveaux comptes apparaissent dans Qonto une semaine après',
      },
      {
        en: 'automatic synchronization of accounting accounts once a week',
        fr: 'synchronisation automatique des comptes comptables une fois par semaine',
      },
    ],
    cause:
      "With automatic synchronization of accounting accounts enabled, once a week the accounts newly created in the accounting software's chart of accounts and subsidiary accounts are created in Qonto in the client files connected to the API.",
    remedy: ['In the connection wizard, enable automatic synchronization of accounting accounts'],
    scenarioId: 'hub/weekly-account-sync',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-SYNC-REALTIME',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Real-time synchronization frequency',
    messages: [],
    symptoms: [{ en: 'sync frequency real-time', fr: 'fréquence de synchronisation temps réel' }],
    cause:
      'With the Real-time frequency, accounting entries are sent to the accounting software immediately after entry creation, as soon as they are validated, with their supporting documents.',
    remedy: ['In the connection wizard, set the frequency of accounting data synchronization to Real-time'],
    scenarioId: 'hub/sync-realtime',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-SYNC-DAILY',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Daily synchronization frequency',
    messages: [],
    symptoms: [
      {
        en: 'daily frequency entries sent once a day in the evening',
        fr: 'fréquence quotidienne écritures envoyées une fois par jour le soir',
      },
      { en: 'daily sync frequency', fr: 'fréquence quotidienne' },
    ],
    cause:
      'With the Daily frequency, accounting entries are sent to the accounting software automatically once a day in the evening.',
    remedy: ['In the connection wizard, set the frequency of accounting data synchronization to Daily'],
    scenarioId: 'hub/sync-daily',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-SYNC-MANUAL',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Manual synchronization frequency',
    messages: [],
    symptoms: [
      {
        en: 'manual frequency entries sent when clicking Synchronize',
        fr: 'fréquence manuelle écritures envoyées en cliquant sur Synchroniser',
      },
      { en: 'manual sync frequency', fr: 'fréquence manuelle' },
    ],
    cause:
      "With the Manual frequency, accounting entries are sent to the accounting software only when clicking the Synchronize button on the client's Accounting page.",
    remedy: [
      'In the connection wizard, set the frequency of accounting data synchronization to Manual',
      "Click the Synchronize button on the client's Accounting page to send the entries",
    ],
    scenarioId: 'hub/sync-manual',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-SYNC-FAILED',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Rejected entries shown as Synchronization Failed',
    messages: [],
    status: [{ en: 'Synchronization Failed', fr: 'Échec de synchronisation' }],
    symptoms: [
      { en: 'entries in Synchronization Failed status', fr: 'écritures en statut Échec de synchronisation' },
      { en: 'status Synchronization Failed', fr: 'statut Échec de synchronisation' },
    ],
    cause:
      'Entries rejected by the accounting software appear in the client\'s "To Verify" tab with the status Synchronization Failed; hovering over that status shows the error message returned by the accounting software.',
    remedy: [
      'In the Accounting area, on the left, select your Client',
      'Click on the "To Verify" tab',
      'Find the entries with the status Synchronization Failed in the Status column, or filter on the status',
      'Hover your mouse over the Synchronization Failed message to see the error message returned by your accounting software',
      'Click on the entry to review and correct it in Qonto (or adjust the settings in your accounting software depending on the case)',
      'Mark the entry as verified',
    ],
    scenarioId: 'hub/sync-failed',
    source: { seed: '002', section: IDENTIFY },
  },
  {
    id: 'HUB-MARK-VERIFIED-RESEND',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Entries marked as verified are resent',
    messages: [],
    symptoms: [
      { en: 'marked the entry as verified when resent', fr: "marqué l'écriture comme vérifiée quand renvoyée" },
    ],
    cause:
      'Once an entry is marked as verified in Qonto, it is resent at the next click on the Synchronize button or automatically the following night, depending on the automatic sending settings.',
    remedy: [
      'In Qonto, mark the entry as verified',
      'Click the Synchronize button, or wait for the automatic sending the following night, depending on your automatic sending settings',
    ],
    scenarioId: 'hub/mark-verified-resend',
    source: { seed: '002', section: IDENTIFY },
  },
  {
    id: 'HUB-EXCLUDE-ENTRY',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Excluding an invoice from the Qontable Space',
    messages: [],
    symptoms: [{ en: 'exclude old invoice from Qontable Space', fr: "exclure facture ancienne de l'Espace Qontable" }],
    cause:
      'An invoice that is too old (Sage GE error 5, a closed fiscal year or account; error 6, a fiscal year not among the last 2 open fiscal years) can be excluded from the Qontable Space instead of being corrected and resent.',
    remedy: ['Exclude the invoice from the Qontable Space if it is too old'],
    scenarioId: 'hub/exclude-entry',
    source: { seed: '002', section: SAGE_REJECTIONS },
  },
  {
    id: 'HUB-DISABLE-INTEGRATION',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Disable integration / API connection',
    messages: [],
    status: [{ en: 'Disable integration / API connection', fr: "Désactiver l'intégration / connexion API" }],
    symptoms: [{ en: 'disable the integration', fr: "désactiver l'intégration" }],
    cause: 'Disable integration / API connection stops synchronizations.',
    remedy: [
      "In the Integrations menu, use the [...] buttons at the top right or on the file's line",
      'Click Disable integration / API connection',
    ],
    scenarioId: 'hub/disable-integration',
    source: { seed: '001', section: CONNECTION },
  },
  {
    id: 'HUB-EDIT-CREDENTIALS',
    vendor: 'hub',
    kind: 'behaviour',
    title: 'Edit API connection',
    messages: [],
    status: [{ en: 'Edit API connection', fr: 'Modifier la connexion API' }],
    symptoms: [{ en: 'edit API connection change keys', fr: 'modifier la connexion API changer les clés' }],
    cause: 'Edit API connection changes the API keys if they are incorrect.',
    remedy: [
      "In the Integrations menu, use the [...] buttons at the top right or on the file's line",
      'Click Edit API connection and enter the correct API keys',
    ],
    scenarioId: 'hub/edit-credentials',
    source: { seed: '001', section: CONNECTION },
  },
] as const satisfies readonly CatalogueEntry[];
