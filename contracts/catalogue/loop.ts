import type { CatalogueEntry } from './schema.js';

/**
 * Cegid Loop catalogue entries (seed 004, "How can I synchronize my accounting entries with
 * Cegid Loop?"). The only vendor text the seed quotes is the "collaborator does not have access
 * to the folder" mass rejection; every other message below is the simulator's own wording
 * (`documented: false`), as are all wire codes. LOOP-DESCRIPTION-35 and LOOP-AUX-CODE-17 stay
 * behaviours (the connector truncates), but carry the message the Loop API answers when it
 * receives a longer value (simulators/loop/README.md).
 */

const CONFIGURE = 'How can I retrieve my API keys and configure Cegid Loop?';
const ENTER_KEYS = 'How can I enter my API keys in the Qonto Accounting Hub?';
const CONSTRAINTS = 'What constraints should I be aware of for proper API functioning?';
const ALL_REJECTED = 'What should I do if all my entries are rejected by Loop?';

export const loopCatalogue = [
  {
    id: 'LOOP-AUTH',
    vendor: 'loop',
    kind: 'rejection',
    title: 'Wrong API key, secret or domain',
    messages: [
      {
        en: 'The API key, API secret or domain is invalid.',
        fr: 'La clé API, le secret API ou le domaine est invalide.',
        documented: false,
      },
    ],
    wire: { status: 401, code: 'InvalidApiKey' },
    symptoms: [{ en: 'Loop API key invalid', fr: 'clé API Loop invalide' }],
    cause:
      "The API Key, API Secret or Domain (the firm's Loop code) entered in the Qonto Accounting Hub does not match the ones in the Loop Hub portal.",
    remedy: [
      "Retrieve the API Key and the API Secret from the Loop Hub portal, and the Domain (your firm's Loop code) from Loop Hub",
      'If you do not have the necessary administrator rights, contact Cegid Loop support or your Loop CSM to obtain this information',
      'In the Qonto Accounting Hub, Integrations menu, use Edit API connection to enter the API Key, API Secret and Domain',
    ],
    scenarioId: 'loop/auth',
    source: { seed: '004', section: CONFIGURE },
  },
  {
    id: 'LOOP-FOLDER-NOT-ASSOCIATED',
    vendor: 'loop',
    kind: 'rejection',
    title: 'Folder not associated with the API key in Loop Hub',
    messages: [
      {
        en: 'The folder {folder} is not associated with this API key.',
        fr: "Le dossier {folder} n'est pas associé à cette clé API.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'FolderNotAssociated' },
    cause:
      'The folder was not checked on the API key in Loop Hub. Without this association, no folder is synchronized with Qonto.',
    remedy: [
      'In Loop Hub, go to the API key you generated (identifiable by the name you assigned it, for example "QONTO")',
      'Click on the pencil icon on the right to edit the key',
      'Click Next',
      'Check the folders to publish and synchronize with Qonto',
      'Click Next then Validate',
    ],
    scenarioId: 'loop/folder-not-associated',
    source: { seed: '004', section: CONFIGURE },
  },
  {
    id: 'LOOP-INCOMPLETE-FOLDER',
    vendor: 'loop',
    kind: 'rejection',
    title: 'Incomplete chart of accounts or journals not open',
    messages: [
      {
        en: 'The folder {folder} is incomplete: the chart of accounts is incomplete or no journal is open for fiscal year {fiscalYear}.',
        fr: "Le dossier {folder} est incomplet : le plan comptable est incomplet ou aucun journal n'est ouvert pour l'exercice {fiscalYear}.",
        documented: false,
      },
      // When Loop's import service meets an entry in a closed journal of an otherwise open folder:
      // the same prerequisite ("Open journals"), reported on that entry in the import status.
      {
        en: 'The journal {journal} of the folder {folder} is closed.',
        fr: 'Le journal {journal} du dossier {folder} est fermé.',
        documented: false,
      },
    ],
    wire: { status: 422, code: 'IncompleteFolder' },
    cause:
      'An open fiscal year of the folder in Cegid Loop does not include a complete chart of accounts or open journals (the whole import is refused), or an entry is sent to a journal that is closed, or has a posting date in no open fiscal year of the folder, as a fiscal year closed or not created in Cegid Loop has no open journals (that entry is rejected).',
    remedy: [
      'In Cegid Loop, complete the chart of accounts of each open fiscal year of the folder',
      'Open the journals of each open fiscal year, the one named in the message first',
      'If the posting date falls in a fiscal year closed or not created in Cegid Loop, open or create that fiscal year (with a complete chart of accounts and open journals), or modify the invoice posting date in Qonto',
      'Then mark the rejected invoices as verified: their entries will be resent at the next synchronization',
    ],
    scenarioId: 'loop/incomplete-folder',
    source: { seed: '004', section: CONFIGURE },
  },
  {
    id: 'LOOP-REFDATA-PULL',
    vendor: 'loop',
    kind: 'behaviour',
    title: 'Reference data retrieved for each associated folder',
    messages: [],
    symptoms: [
      { en: 'chart of accounts of Loop folder not retrieved', fr: 'plan comptable du dossier Loop pas récupéré' },
    ],
    cause:
      'Once the codes are entered and the connection validated, the folders associated in Loop Hub are recognized in Qonto, and the accounting reference data (chart of accounts, auxiliary accounts, journal codes) of each folder is automatically retrieved; entry synchronization can then begin.',
    remedy: [],
    scenarioId: 'loop/refdata-pull',
    source: { seed: '004', section: ENTER_KEYS },
  },
  {
    id: 'LOOP-DESCRIPTION-35',
    vendor: 'loop',
    kind: 'behaviour',
    title: 'Entry descriptions truncated to 35 characters',
    // The Loop API refuses a longer description with a field-level validation error (the
    // simulator's own wording); the connector must cut it to 35 before sending.
    messages: [
      {
        en: 'The description {description} is longer than the 35 characters accepted by the Cegid Loop API.',
        fr: "Le libellé {description} dépasse les 35 caractères acceptés par l'API Cegid Loop.",
        documented: false,
      },
    ],
    wire: { status: 400, code: 'DescriptionTooLong' },
    symptoms: [{ en: 'labels cut at 35 characters in Loop', fr: 'libellés coupés à 35 caractères dans Loop' }],
    cause:
      'The Cegid Loop API limits entry descriptions to 35 characters. Any description exceeding this limit is automatically truncated when sent from Qonto.',
    remedy: ['Structure your descriptions so that the essential information appears within the first 35 characters'],
    scenarioId: 'loop/description-35',
    source: { seed: '004', section: CONSTRAINTS },
  },
  {
    id: 'LOOP-AUX-CODE-17',
    vendor: 'loop',
    kind: 'behaviour',
    title: 'Auxiliary codes truncated to 17 characters',
    // The Loop API refuses a longer auxiliary code with a field-level validation error (the
    // simulator's own wording); the connector must cut it to 17 before sending.
    messages: [
      {
        en: 'The auxiliary account code {code} is longer than the 17 characters accepted by the Cegid Loop API.',
        fr: "Le code de compte auxiliaire {code} dépasse les 17 caractères acceptés par l'API Cegid Loop.",
        documented: false,
      },
    ],
    wire: { status: 400, code: 'AuxiliaryCodeTooLong' },
    symptoms: [
      {
        en: 'auxiliary codes cut at 17 characters in Loop',
        fr: 'codes auxiliaires tronqués à 17 caractères dans Loop',
      },
    ],
    cause:
      'Auxiliary account codes are limited to 17 characters by the Cegid Loop API. Any code longer than this limit is truncated when sending entries from Qonto.',
    remedy: ['Check the length of your auxiliary codes before starting synchronization'],
    scenarioId: 'loop/aux-code-17',
    source: { seed: '004', section: CONSTRAINTS },
  },
  {
    id: 'LOOP-COLLABORATOR-NO-ACCESS',
    vendor: 'loop',
    kind: 'rejection',
    title: 'Collaborator does not have access to the folder (mass rejection)',
    messages: [
      {
        en: 'An error occurred during the JSON import request: The collaborator {collaborator} does not have access to the folder {folder}',
        fr: "Une erreur est survenue lors de la requête d'import JSON : Le collaborateur {collaborator} n'a pas accès au dossier {folder}",
        documented: true,
      },
    ],
    wire: { status: 403, code: 'CollaboratorNoFolderAccess' },
    symptoms: [{ en: 'all entries rejected by Loop', fr: 'toutes les écritures rejetées par Loop' }],
    cause: 'Massive rejections of entries: the Qonto connector is not activated on the concerned folder in Loop.',
    remedy: [
      'In Cegid Loop, go to the folder portfolio',
      'Add the "Action" column',
      'Activate the Qonto connector for the concerned folder; if it still appears under the old name "Regate by Qonto", select it as it appears: it is indeed the Qonto connector',
    ],
    scenarioId: 'loop/collaborator-no-access',
    source: { seed: '004', section: ALL_REJECTED },
  },
  {
    // The message is Loop's own, in French as Loop answers it, quoted by its public API
    // documentation (EcritureComptableImportPerso.html, vendor-facts.md §3.3): both forms are that
    // text, as QDR-CONTAINER-NOT-FOUND's are. Cause and remedy are inferred from it and from seed
    // 004's "Domain: your firm's Loop code" (no help article describes this case).
    id: 'LOOP-FOLDER-UNKNOWN',
    vendor: 'loop',
    kind: 'rejection',
    title: "Folder code unknown on the firm's Loop domain",
    messages: [
      {
        en: "Le dossier {folder} n'existe pas sur le domaine.",
        fr: "Le dossier {folder} n'existe pas sur le domaine.",
        documented: false,
        frDocumented: true,
      },
    ],
    wire: { status: 400, code: 'FolderNotFound' },
    symptoms: [{ en: 'Loop folder does not exist on the domain', fr: "le dossier Loop n'existe pas sur le domaine" }],
    cause:
      "The folder code the Qonto file is linked to is not a folder of the firm's Loop domain: the folder was archived or deleted in Loop, recreated under another code, or belongs to another firm (another Domain).",
    remedy: [
      'In Cegid Loop, check that the folder named in the message is still in the folder portfolio of your domain, and restore it if it was archived',
      'If the folder now has another code, or belongs to another firm, check the Domain with Edit API connection in the Integrations menu of the Qonto Accounting Hub and link the Qonto file to the right folder',
      'Mark the rejected invoices as verified: their entries will be resent at the next synchronization',
    ],
    scenarioId: 'loop/folder-unknown',
    source: { seed: '004', section: ENTER_KEYS },
  },
] as const satisfies readonly CatalogueEntry[];
