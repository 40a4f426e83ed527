import type { CatalogueEntry } from './schema.js';

/**
 * Sage GE catalogue entries (seed 000, the set-up article, and seed 002, the rejections article).
 * Messages marked `documented: true` are quoted word for word from seed 002; the others are the
 * simulator's own wording for situations the seeds describe without quoting a message. Sage GE's
 * wire API is not public: every `wire` code is the simulator's own choice.
 */

const PREREQ = 'What are the prerequisites to configure in Sage GE?';
const ACTIVATE = 'How can I activate the Qonto connector in Sage GE?';
const REFDATA = 'How does the synchronization of the accounting reference data work?';
const LIMITS = 'Entries: limits to know';
const CONSTRAINTS = 'What Sage GE accounting constraints must I respect?';
const REJECTIONS = 'What are the main Sage GE rejection reasons and how to fix them?';
const STUCK = 'What to do if my entries remain synchronizing?';
const RED_TRIANGLE = 'What to do if a red triangle appears on the Integration page?';
const DISCONNECTED = 'What to do if the Sage GE connector is disconnected?';
const FIRST_CONNECTION = 'What to do if Sage GE reports batches to import just after the first connection?';

const MARK_VERIFIED =
  'In Qonto, mark the invoice as verified: the invoice entries will be resent at the next synchronization';
const RED_TRIANGLE_REMEDY = [
  "In Sage GE, open the relevant folder via the Accounting button and position yourself on the fiscal year covering today's date",
  "Go to Year Menu > Fiscal Year Period and verify that the fiscal year covers today's date",
  'Keep at most two consecutive fiscal years open, without interruption between them; adjust the open fiscal years if needed',
  "On the folder's Marketplace (Cart button), double-click the Qonto line, click Deactivate and confirm",
  'Double-click Qonto again, check "I accept the interactions described above" and click Activate',
  'Once activated, click Resynchronize fiscal years from the Marketplace screen',
];

export const sageGeCatalogue = [
  {
    id: 'SGE-API-RIGHTS-MISSING',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Sage API rights not signed',
    messages: [
      {
        en: 'The Sage API usage rights are not activated for the entity {entity}.',
        fr: "Les droits d'utilisation de l'API Sage ne sont pas activés pour l'entité {entity}.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'ApiRightsMissing' },
    symptoms: [{ en: 'Sage API rights not signed', fr: 'droits API Sage non signés' }],
    cause: 'The accountant has not signed with Sage the right to use the API: without it, the API will not work.',
    remedy: ["Contact Sage's sales department to sign the right to use the API"],
    scenarioId: 'sage-ge/api-rights-missing',
    source: { seed: '000', section: PREREQ },
  },
  {
    id: 'SGE-ENTITY-CONNECTOR-INACTIVE',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Connector not activated on the firm entity',
    messages: [
      {
        en: 'The Regate / Qonto connector is not activated on the entity {entity}.',
        fr: "Le connecteur Regate / Qonto n'est pas activé sur l'entité {entity}.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'EntityConnectorNotActivated' },
    symptoms: [
      { en: 'connector not activated on the firm entity', fr: "connecteur non activé sur l'entité du cabinet" },
    ],
    cause: "The Regate / Qonto connector has not been activated in the Marketplace of the firm's entity.",
    remedy: [
      "In Sage GE, on the home page, click on Entities and open your firm's entity via Open an entity",
      'Click on the Marketplace icon (shopping cart icon) and double-click on Regate / Qonto',
      'Check the box "I accept the interactions described above" and click Activate (do not uncheck the box if it is already checked)',
    ],
    scenarioId: 'sage-ge/entity-connector-inactive',
    source: { seed: '000', section: ACTIVATE },
  },
  {
    id: 'SGE-FILE-CONNECTOR-INACTIVE',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Connector not activated on the file (connector shown disconnected)',
    messages: [
      {
        en: 'The Regate / Qonto connector is not activated on the file {file}.',
        fr: "Le connecteur Regate / Qonto n'est pas activé sur le dossier {file}.",
        documented: false,
      },
    ],
    wire: { status: 403, code: 'FileConnectorNotActivated' },
    // The French badge is the hub's own, quoted from Regate's connector statuses page; the English is our translation.
    status: [
      { en: 'Sage GE connector disconnected', fr: 'connecteur Sage GE déconnecté' },
      { en: 'Regate plugin deactivated in the marketplace', fr: 'Plugin Regate désactivé dans la market place' },
    ],
    symptoms: [{ en: 'Sage GE connector disconnected', fr: 'connecteur Sage GE déconnecté' }],
    cause:
      "The file-level box of the Qonto connector is not checked in the file's Marketplace: the connector indicator appears disconnected on the Accounting page.",
    remedy: [
      'Open Sage GE and the relevant folder',
      "In the folder's Marketplace (Cart button), check the status of the Qonto connector",
      'If the box is not checked, double-click the Qonto icon to open the activation window',
      'Check "I accept the interactions described above" and click Activate',
      'Return to the Accounting page of the Qontable Space: the connector indicator should turn green',
    ],
    scenarioId: 'sage-ge/file-connector-inactive',
    source: { seed: '002', section: DISCONNECTED },
  },
  {
    id: 'SGE-BULK-ACTIVATION',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Activate the connector on all files in bulk',
    messages: [],
    symptoms: [
      {
        en: 'activate all files at once multi-file marketplace',
        fr: 'activer tous les dossiers en une fois marketplace multi-dossiers',
      },
      { en: 'activate connector on all files', fr: 'activer le connecteur sur tous les dossiers' },
    ],
    cause: 'The Multi-file Marketplace activates Qonto on every selected file at once, instead of file by file.',
    remedy: ['In Sage GE, click on Multi-file Marketplace', 'Select all relevant files', 'Click on Activate Files'],
    scenarioId: 'sage-ge/bulk-activation',
    source: { seed: '000', section: ACTIVATE },
  },
  {
    id: 'SGE-FY-NOT-COVERING-TODAY',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'No open fiscal year covers today (red triangle)',
    messages: [
      {
        en: 'No open fiscal year of the file {file} covers the current date {date}.',
        fr: 'Aucun exercice ouvert du dossier {file} ne couvre la date du jour {date}.',
        documented: false,
      },
    ],
    wire: { status: 409, code: 'FiscalYearNotCoveringToday' },
    symptoms: [
      {
        en: 'red triangle fiscal year does not cover today',
        fr: 'triangle rouge exercice ne couvre pas la date du jour',
      },
    ],
    cause:
      'An accounting period covering the current date must be open in Sage GE; otherwise the API does not work and the Integration page shows a red triangle.',
    remedy: RED_TRIANGLE_REMEDY,
    scenarioId: 'sage-ge/fy-not-covering-today',
    source: { seed: '002', section: RED_TRIANGLE },
  },
  {
    id: 'SGE-FY-OPEN-RULES',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'More than two open fiscal years, or not consecutive (red triangle)',
    messages: [
      {
        en: 'The open fiscal years of the file {file} ({years}) must be at most two, consecutive and not overlapping.',
        fr: 'Les exercices ouverts du dossier {file} ({years}) doivent être au plus deux, consécutifs et sans chevauchement.',
        documented: false,
      },
    ],
    wire: { status: 409, code: 'FiscalYearOpenRules' },
    symptoms: [
      { en: 'red triangle three fiscal years open', fr: 'triangle rouge trois exercices ouverts' },
      { en: 'more than two fiscal years open', fr: 'plus de deux exercices ouverts' },
    ],
    cause:
      'A maximum of two accounting periods may be open; they must be consecutive and not overlap (2025 alone, or 2024 + 2025).',
    remedy: RED_TRIANGLE_REMEDY,
    scenarioId: 'sage-ge/fy-open-rules',
    source: { seed: '002', section: RED_TRIANGLE },
  },
  {
    id: 'SGE-FY-INCOMPLETE',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'An open fiscal year has no chart of accounts or no open journal',
    messages: [
      {
        en: 'The open fiscal year {year} of the file {file} has no complete chart of accounts or no open journal.',
        fr: "L'exercice ouvert {year} du dossier {file} n'a pas de plan comptable complet ou aucun journal ouvert.",
        documented: false,
      },
    ],
    wire: { status: 409, code: 'FiscalYearIncomplete' },
    symptoms: [{ en: 'open fiscal year without chart of accounts', fr: 'exercice ouvert sans plan comptable' }],
    cause: 'Each open fiscal year in Sage GE must include a complete chart of accounts and open journals.',
    remedy: [
      'In Sage GE, complete the chart of accounts and open the journals of each open fiscal year',
      "Then click Resynchronize fiscal years from the file's Marketplace screen",
    ],
    scenarioId: 'sage-ge/fy-incomplete',
    source: { seed: '000', section: PREREQ },
  },
  {
    id: 'SGE-REFDATA-PULL',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Reference data pulled when the file is created',
    messages: [],
    symptoms: [
      { en: 'chart of accounts not retrieved from Sage GE', fr: 'plan comptable Sage GE pas récupéré' },
      {
        en: 'chart of accounts pulled from Sage GE when the file is created',
        fr: 'plan comptable récupéré de Sage GE à la création du dossier',
      },
    ],
    cause:
      'At start-up, when the file is created in Qonto, the chart of accounts of the current fiscal year and the existing subsidiary codes (and journal codes) are retrieved from Sage GE.',
    remedy: [],
    scenarioId: 'sage-ge/refdata-pull',
    source: { seed: '000', section: REFDATA },
  },
  {
    id: 'SGE-THIRD-PARTY-UPSERT',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Third parties and subsidiary accounts created or updated when entries are sent',
    messages: [],
    symptoms: [{ en: 'third parties created in Sage GE', fr: 'tiers créés dans Sage GE' }],
    cause: 'Third parties and subsidiary accounts are sent, created or updated in Sage GE when entries are sent.',
    remedy: [],
    scenarioId: 'sage-ge/third-party-upsert',
    source: { seed: '000', section: REFDATA },
  },
  {
    id: 'SGE-PCG-AUTOCREATE',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Unknown PCG accounts created with the label "Compte <number>" ("Account <number>" in the English article)',
    // The label Sage GE writes is French on the French product: "Compte" is the seed's "Account".
    messages: [{ en: 'Account {account}', fr: 'Compte {account}', documented: true, frDocumented: true }],
    symptoms: [
      { en: 'account created in Sage with the label Account', fr: 'compte créé dans Sage avec le libellé Compte' },
    ],
    cause:
      'If an account does not exist in Sage GE when entries are sent, it is created with the label "Account" followed by the number (610123456 - Account 610123456).',
    remedy: ['Correct the label of the created account manually in Sage GE'],
    scenarioId: 'sage-ge/pcg-autocreate',
    source: { seed: '000', section: REFDATA },
  },
  {
    id: 'SGE-BANK-LABEL-30',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Bank entry labels cut at 30 characters, full label in the comment',
    messages: [],
    symptoms: [{ en: 'bank labels cut at 30 characters', fr: 'libellés de banque tronqués à 30 caractères' }],
    cause:
      "The label of bank entries is limited to 30 characters in Sage GE and is truncated beyond that; the full label remains in the entry's comment.",
    remedy: [],
    scenarioId: 'sage-ge/bank-label-30',
    source: { seed: '000', section: LIMITS },
  },
  {
    id: 'SGE-BANK-ONE-ATTACHMENT',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'One attachment per bank entry',
    messages: [],
    symptoms: [
      { en: 'only first attachment of bank entry in Sage GE', fr: 'une seule pièce jointe écriture de banque Sage GE' },
    ],
    cause:
      'Sage GE does not allow retrieving multiple attachments attached to the same bank entry (a software limitation): only the first is kept.',
    remedy: [],
    scenarioId: 'sage-ge/bank-one-attachment',
    source: { seed: '000', section: LIMITS },
  },
  {
    id: 'SGE-TRACKING-CODE',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: "The #AAAAA# tracking code in every entry's comment",
    messages: [],
    symptoms: [{ en: 'code in the comment of every entry', fr: 'code dans le commentaire des écritures' }],
    cause:
      'Qonto adds a code of the form #AAAAA# to the comment of each entry; it is how the creation of the entry in Sage GE is verified. Do not delete it.',
    remedy: [],
    scenarioId: 'sage-ge/tracking-code',
    source: { seed: '000', section: LIMITS },
  },
  {
    id: 'SGE-TECHNICAL-DOCNUMBER',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'A unique technical document number when there is no attachment',
    messages: [],
    symptoms: [
      {
        en: 'document number technical identifier no attachment',
        fr: 'numéro de pièce identifiant technique sans justificatif',
      },
    ],
    cause:
      'If there is no attachment, Qonto fills the Sage GE document number with a unique technical identifier, which lets it identify rejections; with an attachment the document number is the invoice number. Do not modify it.',
    remedy: [],
    scenarioId: 'sage-ge/technical-docnumber',
    source: { seed: '000', section: LIMITS },
  },
  {
    id: 'SGE-AUTONUMBER',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Per-journal automatic document numbering when the number is empty',
    messages: [],
    symptoms: [
      { en: 'document numbered automatically empty number', fr: 'numérotation automatique des pièces numéro vide' },
    ],
    cause:
      "Sage GE numbers documents automatically, as configured on the journal, when the entry's document number is empty.",
    remedy: [],
    scenarioId: 'sage-ge/autonumber',
    source: { seed: '000', section: LIMITS },
  },
  {
    id: 'SGE-JOURNAL-LOCKED',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 1: journal locked or read-only',
    errorNumber: 1,
    messages: [
      {
        en: 'The purchase, sales, OD journal, etc. is locked or read-only',
        fr: "Le journal d'achats, de ventes, d'OD, etc. est verrouillé ou en lecture seule",
        documented: true,
      },
    ],
    wire: { status: 422, code: 'JournalLocked' },
    symptoms: [{ en: 'journal locked or read-only', fr: 'journal verrouillé ou en lecture seule' }],
    cause:
      'The Sage GE journal is not open: the posting date may fall within a fiscal year not opened in Sage GE, or the journal is locked despite an open fiscal year.',
    remedy: ['Open the necessary journals in Sage GE', MARK_VERIFIED],
    scenarioId: 'sage-ge/journal-locked',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-ANALYTIC-AXIS-MISSING',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 2: analytical axis does not exist',
    errorNumber: 2,
    messages: [
      {
        en: 'The analytical axis does not exist. On-the-fly creation is not allowed',
        fr: "L'axe analytique n'existe pas. La création à la volée n'est pas autorisée",
        documented: true,
      },
    ],
    wire: { status: 422, code: 'AnalyticAxisMissing' },
    cause: 'Analytical data is expected by Sage GE, but Qonto does not provide analytical data.',
    remedy: ['In Sage, allow the import of entries without analytical data', MARK_VERIFIED],
    scenarioId: 'sage-ge/analytic-axis-missing',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-ANALYTIC-ALLOCATION',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 3: incorrect analytical allocation',
    errorNumber: 3,
    messages: [
      {
        en: 'At least one line has a failure status; the allocation of the line amount is incorrect on at least one of the analytical axes',
        fr: "Au moins une ligne est en statut d'échec ; la ventilation du montant de la ligne est incorrecte sur au moins un des axes analytiques",
        documented: true,
      },
    ],
    wire: { status: 422, code: 'AnalyticAllocation' },
    cause: 'Analytical data is expected by Sage GE, but Qonto does not provide analytical data.',
    remedy: ['In Sage, allow the import of entries without analytical data', MARK_VERIFIED],
    scenarioId: 'sage-ge/analytic-allocation',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-COLLECTIVE-ACCOUNT',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 4: collective account without a subsidiary account',
    errorNumber: 4,
    messages: [
      {
        en: 'Account ({account}) or other is collective',
        fr: 'Compte ({account}) ou autre est collectif',
        documented: true,
      },
    ],
    wire: { status: 422, code: 'CollectiveAccount' },
    cause:
      'A collective account (401, 411, 421...) was used without an associated auxiliary account in the accounting allocation.',
    remedy: [
      'In Qonto, edit the invoice by adding the missing auxiliary account',
      'Mark the invoice as verified: the corrected invoice entries will be resent at the next synchronization',
    ],
    scenarioId: 'sage-ge/collective-account',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-ACCOUNT-LOCKED',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 5: account locked',
    errorNumber: 5,
    messages: [{ en: 'Account {account} is locked', fr: 'Le compte {account} est verrouillé', documented: true }],
    wire: { status: 422, code: 'AccountLocked' },
    symptoms: [{ en: 'account locked in Sage GE', fr: 'compte verrouillé dans Sage GE' }],
    cause:
      'The entry attempts to be sent to a closed fiscal year or a closed account, often because of an input error in the posting date.',
    remedy: [
      'Either, in Qonto, edit the invoice (posting date, account) then mark it as verified: the corrected invoice entries will be resent',
      'Or exclude the invoice from the Qontable Space if it is too old',
      'Or modify the account or fiscal year settings in Sage GE, then mark the invoice as verified in Qonto: the entries will be resent at the next synchronization',
    ],
    scenarioId: 'sage-ge/account-locked',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-FY-NOT-LAST-TWO',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 6: fiscal year not among the last two open',
    errorNumber: 6,
    messages: [
      {
        en: 'The fiscal year ({years}) is not part of the last 2 open fiscal years',
        fr: "L'exercice ({years}) ne fait pas partie des 2 derniers exercices ouverts",
        documented: true,
      },
    ],
    wire: { status: 422, code: 'FiscalYearNotLastTwo' },
    cause:
      'The entry is sent to a fiscal year that is not among the two most recent open fiscal years in Sage GE (with 2022, 2023 and 2024 open, entries for 2022 are rejected).',
    remedy: [
      'Either adjust the open fiscal years in Sage GE (at most two consecutive fiscal years, one of them covering the posting date)',
      'Or modify the invoice posting date in Qonto',
      'Or exclude the invoice in the Qontable Space if it is too old',
    ],
    scenarioId: 'sage-ge/fy-not-last-two',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-IMPORT-CURSOR-LOCKED',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 7: import cursor locked',
    errorNumber: 7,
    messages: [{ en: 'Import cursor locked', fr: "Curseur d'import verrouillé", documented: true }],
    wire: { status: 422, code: 'ImportCursorLocked' },
    symptoms: [{ en: 'import cursor locked', fr: "curseur d'import verrouillé" }],
    cause: 'Periods are locked in the Sage GE import settings.',
    remedy: [
      'In Sage GE, go to Utilities > Import Cursor Settings > Lock Tab and uncheck the locked periods',
      'Mark the invoice as verified in Qonto: the invoice entries will be resent at the next synchronization',
    ],
    scenarioId: 'sage-ge/import-cursor-locked',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    vendor: 'sage-ge',
    kind: 'stuck',
    title: 'Error 8: entries stuck "synchronizing" until the file\'s accounting is opened',
    errorNumber: 8,
    messages: [],
    status: [{ en: 'Entries synchronizing', fr: 'Écritures en cours de synchronisation' }],
    symptoms: [{ en: 'entries stuck synchronizing', fr: 'écritures bloquées en synchronisation' }],
    cause:
      "Qonto has sent the entries to the Sage cloud, but they have not yet been injected into Sage GE: injection happens when the folder's accounting is opened.",
    remedy: [
      'In Sage GE, open the relevant folder and click the Accounting button: this triggers the injection of the entries sent by Qonto',
      "If you were already in the folder's accounting, close it and reopen it",
    ],
    scenarioId: 'sage-ge/stuck-accounting-not-opened',
    source: { seed: '002', section: STUCK },
  },
  {
    id: 'SGE-STUCK-MARKETPLACE-DEACTIVATED',
    vendor: 'sage-ge',
    kind: 'stuck',
    title: 'Error 8: entries stuck while the Qonto Marketplace is deactivated',
    errorNumber: 8,
    messages: [],
    symptoms: [
      {
        en: 'entries synchronizing Qonto marketplace deactivated',
        fr: 'écritures synchronisation marketplace Qonto désactivée',
      },
    ],
    cause:
      'The Qonto Marketplace is deactivated on the folder: opening the accounting does not inject the entries waiting in the Sage cloud.',
    remedy: [
      'In Sage GE, open the relevant folder and click the Marketplace button (shopping cart icon)',
      'If the Qonto Marketplace is deactivated, activate it',
      'Reopen the Accounting page of the folder in Sage GE to trigger the injection of pending entries',
    ],
    scenarioId: 'sage-ge/stuck-marketplace-deactivated',
    source: { seed: '002', section: STUCK },
  },
  {
    id: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
    vendor: 'sage-ge',
    kind: 'stuck',
    title: "Error 8: entries stuck while the reference administrator's certificate has expired",
    errorNumber: 8,
    messages: [
      {
        en: 'For security reasons, the GE Connector security certificate has expired... It is necessary for the reference administrator to identify again.',
        fr: "Pour des raisons de sécurité, le certificat de sécurité du GE Connecteur a expiré... Il est nécessaire que l'administrateur de référence s'identifie à nouveau.",
        documented: true,
      },
    ],
    symptoms: [{ en: 'GE Connector certificate expired', fr: 'certificat GE Connecteur expiré' }],
    cause:
      'The GE Connector security certificate of the reference administrator has expired: Sage GE shows the message at each opening and injects nothing.',
    remedy: [
      'Ask your Sage GE administrator to re-authenticate via Processes > GE Connector > Reference Administrator > Authenticate Reference Administrator Account',
      'Once the Marketplace is active, reopen the Accounting page of the folder in Sage GE to trigger the injection of pending entries',
    ],
    scenarioId: 'sage-ge/stuck-admin-cert-expired',
    source: { seed: '002', section: STUCK },
  },
  {
    id: 'SGE-OTHER-ERROR',
    vendor: 'sage-ge',
    kind: 'rejection',
    title: 'Error 9: other errors',
    errorNumber: 9,
    messages: [
      { en: 'Object reference not set', fr: "La référence d'objet n'est pas définie", documented: true },
      {
        en: 'String or binary data would be truncated',
        fr: 'Les données de chaîne ou binaires seront tronquées',
        documented: true,
      },
      { en: 'Record not found', fr: 'Enregistrement introuvable', documented: true },
      { en: 'The document is not settled', fr: "La pièce n'est pas soldée", documented: true },
    ],
    wire: { status: 422, code: 'OtherError' },
    cause: 'An error inside Sage GE that the documentation does not explain.',
    remedy: ['Contact Qonto support indicating the exact error message displayed'],
    scenarioId: 'sage-ge/other-error',
    source: { seed: '002', section: REJECTIONS },
  },
  {
    id: 'SGE-FY-NOT-OPEN-PENDING',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Entries dated in a non-open fiscal year stay pending in the hub',
    messages: [],
    symptoms: [{ en: 'entries fiscal year not open pending', fr: 'écritures exercice non ouvert en attente' }],
    cause:
      'Entries whose posting date corresponds to a fiscal year that is not open in Sage GE remain pending on the Accounting page and cannot be sent.',
    remedy: [
      'Open the fiscal year in Sage GE (at most two consecutive open years) and resynchronize fiscal years, or change the posting date in Qonto',
    ],
    scenarioId: 'sage-ge/fy-not-open-pending',
    source: { seed: '000', section: CONSTRAINTS },
  },
  {
    id: 'SGE-FIRST-CONNECTION-BATCHES',
    vendor: 'sage-ge',
    kind: 'behaviour',
    title: 'Rejected third-party batches reported just after the first connection (harmless)',
    messages: [
      {
        en: 'The batch of third parties {batch} was rejected: it contains no entries to import.',
        fr: 'Le lot de tiers {batch} a été rejeté : il ne contient aucune écriture à importer.',
        documented: false,
      },
    ],
    status: [{ en: 'Rejections tab', fr: 'Onglet Rejets' }],
    symptoms: [
      {
        en: 'third party batches rejected after the first connection',
        fr: 'lots de tiers rejetés après la première connexion',
      },
    ],
    cause:
      'At the first connection Qonto sends third parties and accounts without entries, and Sage GE rejects those batches when the accounting is opened. These messages have no consequences.',
    remedy: [
      'Ignore these messages and click OK; rejections of real entries are shown in the Qontable Space, Accounting menu > Rejections tab',
    ],
    scenarioId: 'sage-ge/first-connection-batches',
    source: { seed: '002', section: FIRST_CONNECTION },
  },
] as const satisfies readonly CatalogueEntry[];
