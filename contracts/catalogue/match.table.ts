import type { CatalogueId } from './schema.js';

/**
 * What support receives, written from the seeds and from the way French accountants and support
 * staff write (not from the matcher): every entry in English and in French, with values other
 * than the catalogue's examples, status and tab names, symptoms, whole e-mails with the message
 * inside, typos, ’ and ' apostrophes, missing accents. `unsure` cases are near-misses that must
 * never get a confident answer: a confident wrong answer is the worst outcome.
 */
export interface TableCase {
  text: string;
  expect: CatalogueId | 'unsure';
  lang?: 'en' | 'fr';
  /** Values that must be read from the text (compared after normalization). */
  params?: Record<string, string>;
  /** For an `unsure` case: the one confident answer also acceptable (it is a paraphrase of that entry). */
  orSure?: CatalogueId;
}

export const matchTable: TableCase[] = [
  // Sage GE: set-up
  {
    expect: 'SGE-API-RIGHTS-MISSING',
    lang: 'en',
    text: 'Sage API usage rights are not activated for entity CABINET DURAND',
  },
  {
    expect: 'SGE-API-RIGHTS-MISSING',
    lang: 'fr',
    text: "Bonjour, on a le message « Les droits d'utilisation de l'API Sage ne sont pas activés pour l'entité CABINET DURAND ». Merci",
  },
  {
    expect: 'SGE-ENTITY-CONNECTOR-INACTIVE',
    lang: 'en',
    text: 'The Regate / Qonto connector is not activated on the entity "EXPERTS ASSOCIES"',
  },
  {
    expect: 'SGE-ENTITY-CONNECTOR-INACTIVE',
    lang: 'fr',
    text: 'Le connecteur Regate / Qonto n’est pas activé sur l’entité EXPERTS ASSOCIES',
  },
  {
    expect: 'SGE-FILE-CONNECTOR-INACTIVE',
    lang: 'en',
    text: 'the Regate/Qonto connector is not activated on the file BOULANGERIE PAUL',
  },
  {
    expect: 'SGE-FILE-CONNECTOR-INACTIVE',
    lang: 'fr',
    text: 'Le connecteur Regate / Qonto n est pas active sur le dossier BOULANGERIE PAUL',
  },
  { expect: 'SGE-FILE-CONNECTOR-INACTIVE', lang: 'fr', text: 'Plugin Regate désactivé dans la marketplace' },
  {
    expect: 'SGE-FILE-CONNECTOR-INACTIVE',
    lang: 'en',
    text: 'Sage GE connector shows as disconnected on the Accounting page',
  },
  { expect: 'SGE-FILE-CONNECTOR-INACTIVE', lang: 'fr', text: 'le connecteur Sage GE apparait déconnecté' },
  {
    expect: 'SGE-BULK-ACTIVATION',
    lang: 'en',
    text: 'how do I activate Qonto on all my files at once in Sage? multi-file marketplace',
  },
  {
    expect: 'SGE-BULK-ACTIVATION',
    lang: 'fr',
    text: 'comment activer le connecteur sur tous les dossiers en une fois (marketplace multi-dossiers) ?',
  },
  {
    expect: 'SGE-FY-NOT-COVERING-TODAY',
    lang: 'en',
    text: 'No open fiscal year of the file GARAGE MOREAU covers the current date 2026-12-03.',
  },
  {
    expect: 'SGE-FY-NOT-COVERING-TODAY',
    lang: 'fr',
    text: 'Aucun exercice ouvert du dossier GARAGE MOREAU ne couvre la date du jour 03/12/2026',
  },
  {
    expect: 'SGE-FY-NOT-COVERING-TODAY',
    lang: 'fr',
    text: "j'ai un triangle rouge sur la page Intégration, l'exercice ne couvre pas la date du jour",
  },
  {
    expect: 'SGE-FY-OPEN-RULES',
    lang: 'en',
    text: 'The open fiscal years of the file PHARMACIE LEROY (2023, 2024, 2025) must be at most two, consecutive and not overlapping.',
  },
  {
    expect: 'SGE-FY-OPEN-RULES',
    lang: 'fr',
    text: 'Les exercices ouverts du dossier PHARMACIE LEROY (2023, 2024, 2025) doivent être au plus deux, consécutifs et sans chevauchement.',
  },
  {
    expect: 'SGE-FY-OPEN-RULES',
    lang: 'en',
    text: 'red triangle on the Integration page, we have three fiscal years open',
  },
  {
    expect: 'SGE-FY-INCOMPLETE',
    lang: 'en',
    text: 'The open fiscal year 2025 of the file SCI DES LILAS has no complete chart of accounts or no open journal.',
  },
  {
    expect: 'SGE-FY-INCOMPLETE',
    lang: 'fr',
    text: "L'exercice ouvert 2025 du dossier SCI DES LILAS n'a pas de plan comptable complet ou aucun journal ouvert.",
  },
  {
    expect: 'SGE-REFDATA-PULL',
    lang: 'en',
    text: 'when the file is created, is the chart of accounts pulled from Sage GE?',
  },
  {
    expect: 'SGE-REFDATA-PULL',
    lang: 'fr',
    text: 'le plan comptable Sage GE n’a pas été récupéré à la création du dossier',
  },
  {
    expect: 'SGE-THIRD-PARTY-UPSERT',
    lang: 'en',
    text: 'third parties were created in Sage GE when the entries were sent',
  },
  {
    expect: 'SGE-THIRD-PARTY-UPSERT',
    lang: 'fr',
    text: 'les tiers ont été créés dans Sage GE à l’envoi des écritures',
  },
  { expect: 'SGE-PCG-AUTOCREATE', lang: 'en', text: 'Account 622600', params: { account: '622600' } },
  { expect: 'SGE-PCG-AUTOCREATE', lang: 'fr', text: 'Compte 62260000', params: { account: '62260000' } },
  { expect: 'SGE-PCG-AUTOCREATE', lang: 'fr', text: 'le compte a été créé dans Sage avec le libellé "Compte 622600"' },
  {
    expect: 'SGE-PCG-AUTOCREATE',
    lang: 'en',
    text: 'a new account was created in Sage GE with the label Account 471200',
  },
  { expect: 'SGE-BANK-LABEL-30', lang: 'en', text: 'bank entry labels are cut at 30 characters in Sage' },
  {
    expect: 'SGE-BANK-LABEL-30',
    lang: 'fr',
    text: 'les libellés des écritures de banque sont tronqués à 30 caractères dans Sage GE',
  },
  {
    expect: 'SGE-BANK-ONE-ATTACHMENT',
    lang: 'en',
    text: 'only the first attachment of the bank entry arrives in Sage GE',
  },
  {
    expect: 'SGE-BANK-ONE-ATTACHMENT',
    lang: 'fr',
    text: "une seule pièce jointe par écriture de banque dans Sage GE, les autres justificatifs n'arrivent pas",
  },
  { expect: 'SGE-TRACKING-CODE', lang: 'en', text: 'what is the #KQZTR# code in the comment of every entry?' },
  { expect: 'SGE-TRACKING-CODE', lang: 'fr', text: "c'est quoi le code #PLMWA# dans le commentaire des écritures ?" },
  {
    expect: 'SGE-TECHNICAL-DOCNUMBER',
    lang: 'en',
    text: 'the document number is a strange technical identifier when there is no attachment',
  },
  {
    expect: 'SGE-TECHNICAL-DOCNUMBER',
    lang: 'fr',
    text: "le numéro de pièce est un identifiant technique quand il n'y a pas de justificatif",
  },
  {
    expect: 'SGE-AUTONUMBER',
    lang: 'en',
    text: 'Sage numbered the document automatically, the document number was empty',
  },
  {
    expect: 'SGE-AUTONUMBER',
    lang: 'fr',
    text: 'numérotation automatique des pièces par Sage quand le numéro de pièce est vide',
  },
  // Sage GE: errors 1 to 9
  { expect: 'SGE-JOURNAL-LOCKED', lang: 'en', text: 'The purchase, sales, OD journal, etc. is locked or read only' },
  {
    expect: 'SGE-JOURNAL-LOCKED',
    lang: 'fr',
    text: 'Le journal d’achats, de ventes, d’OD, etc. est verrouillé ou en lecture seule',
  },
  { expect: 'SGE-JOURNAL-LOCKED', lang: 'en', text: 'Sage GE error 1' },
  {
    expect: 'SGE-ANALYTIC-AXIS-MISSING',
    lang: 'en',
    text: 'The analytical axis does not exist. On the fly creation is not allowed',
  },
  {
    expect: 'SGE-ANALYTIC-AXIS-MISSING',
    lang: 'fr',
    text: "L'axe analytique n'existe pas. La création à la volée n'est pas autorisée",
  },
  {
    expect: 'SGE-ANALYTIC-ALLOCATION',
    lang: 'en',
    text: 'at least one line has a failure status; the allocation of the line amount is incorect on at least one of the analytical axes',
  },
  {
    expect: 'SGE-ANALYTIC-ALLOCATION',
    lang: 'fr',
    text: "Au moins une ligne est en statut d'échec ; la ventilation du montant de la ligne est incorrecte sur au moins un des axes analytiques",
  },
  {
    expect: 'SGE-COLLECTIVE-ACCOUNT',
    lang: 'en',
    text: 'Account (401DUPONT) or other is collective',
    params: { account: '401dupont' },
  },
  {
    expect: 'SGE-COLLECTIVE-ACCOUNT',
    lang: 'fr',
    text: 'Compte (411000) ou autre est collectif',
    params: { account: '411000' },
  },
  {
    expect: 'SGE-COLLECTIVE-ACCOUNT',
    lang: 'fr',
    text: 'Bonjour,\n\nJe vous transfère le rejet reçu ce matin :\n> Compte (40100000) ou autre est collectif\n\nCordialement,\nMarie — Cabinet Fabre',
    params: { account: '40100000' },
  },
  { expect: 'SGE-ACCOUNT-LOCKED', lang: 'en', text: 'Account 606400 is locked', params: { account: '606400' } },
  { expect: 'SGE-ACCOUNT-LOCKED', lang: 'fr', text: 'Le compte 606400 est verrouillé', params: { account: '606400' } },
  { expect: 'SGE-ACCOUNT-LOCKED', lang: 'fr', text: 'Compte 512100 est verouillé', params: { account: '512100' } },
  {
    expect: 'SGE-ACCOUNT-LOCKED',
    lang: 'en',
    text: 'Hi team, since yesterday every purchase invoice for this client fails with "Account 62260000 is locked". Can you check? Thanks, Paul',
    params: { account: '62260000' },
  },
  {
    expect: 'SGE-ACCOUNT-LOCKED',
    lang: 'fr',
    text: "Bonjour, l'écriture est en Échec de synchronisation, au survol : Le compte 401000 est verrouillé. Merci d'avance",
    params: { account: '401000' },
  },
  {
    expect: 'SGE-IMPORT-CURSOR-LOCKED',
    lang: 'en',
    text: 'Synchronization Failed - hovering shows: Import cursor locked',
  },
  {
    expect: 'SGE-FY-NOT-LAST-TWO',
    lang: 'en',
    text: 'The fiscal year (2021) is not part of the last 2 open fiscal years',
    params: { years: '2021' },
  },
  {
    expect: 'SGE-FY-NOT-LAST-TWO',
    lang: 'fr',
    text: "L'exercice (2019, 2020) ne fait pas partie des 2 derniers exercices ouverts",
  },
  { expect: 'SGE-IMPORT-CURSOR-LOCKED', lang: 'en', text: 'import cursor locked' },
  { expect: 'SGE-IMPORT-CURSOR-LOCKED', lang: 'fr', text: "Curseur d'import verrouillé" },
  {
    expect: 'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    lang: 'en',
    text: 'my entries have been stuck synchronizing since Monday in Sage GE',
  },
  {
    expect: 'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    lang: 'fr',
    text: 'les écritures restent bloquées en cours de synchronisation depuis lundi (Sage GE)',
  },
  {
    expect: 'SGE-STUCK-MARKETPLACE-DEACTIVATED',
    lang: 'en',
    text: 'entries stay synchronizing even after opening the accounting, the Qonto marketplace is deactivated',
  },
  {
    expect: 'SGE-STUCK-MARKETPLACE-DEACTIVATED',
    lang: 'fr',
    text: 'écritures toujours en synchronisation, la marketplace Qonto est désactivée sur le dossier',
  },
  {
    expect: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
    lang: 'en',
    text: 'For security reasons the GE Connector security certificate has expired',
  },
  {
    expect: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
    lang: 'fr',
    text: "Pour des raisons de sécurité, le certificat de sécurité du GE Connecteur a expiré… Il est nécessaire que l'administrateur de référence s'identifie à nouveau.",
  },
  { expect: 'SGE-OTHER-ERROR', lang: 'en', text: 'Object reference not set to an instance of an object' },
  { expect: 'SGE-OTHER-ERROR', lang: 'en', text: 'String or binary data would be truncated.' },
  { expect: 'SGE-OTHER-ERROR', lang: 'fr', text: 'Enregistrement introuvable' },
  { expect: 'SGE-OTHER-ERROR', lang: 'fr', text: "La pièce n'est pas soldée" },
  {
    expect: 'SGE-FY-NOT-OPEN-PENDING',
    lang: 'en',
    text: 'entries dated in a fiscal year that is not open stay pending on the Accounting page',
  },
  {
    expect: 'SGE-FY-NOT-OPEN-PENDING',
    lang: 'fr',
    text: "les écritures datées sur un exercice non ouvert restent en attente d'envoi",
  },
  {
    expect: 'SGE-FIRST-CONNECTION-BATCHES',
    lang: 'en',
    text: 'The batch of third parties 20261203-0001 was rejected: it contains no entries to import.',
  },
  {
    expect: 'SGE-FIRST-CONNECTION-BATCHES',
    lang: 'fr',
    text: 'Le lot de tiers 20261203-0001 a été rejeté : il ne contient aucune écriture à importer.',
  },
  // Cegid Quadra
  { expect: 'QDR-CPA-AUTH', lang: 'en', text: 'The CPA API key or its secret is invalid' },
  { expect: 'QDR-CPA-AUTH', lang: 'fr', text: 'La clé API CPA ou son secret est invalide.' },
  {
    expect: 'QDR-CPA-NO-PORTAL',
    lang: 'en',
    text: 'access to the Cegid collaborative portal is required to use this API',
  },
  {
    expect: 'QDR-CPA-NO-PORTAL',
    lang: 'fr',
    text: "L'accès au Portail Collaboratif Cegid est nécessaire pour utiliser cette API.",
  },
  { expect: 'QDR-CFE-AUTH', lang: 'en', text: 'The Cegid File Exchange API key or its secret is invalid.' },
  { expect: 'QDR-CFE-AUTH', lang: 'fr', text: 'La clé API Cegid File Exchange ou son secret est invalide' },
  { expect: 'QDR-CFE-NOT-ACTIVATED', lang: 'en', text: 'the Cegid File Exchange API key has not been activated' },
  { expect: 'QDR-CFE-NOT-ACTIVATED', lang: 'fr', text: "La clé API Cegid File Exchange n'a pas été activée." },
  { expect: 'QDR-CONTAINER-NOT-FOUND', lang: 'en', text: 'first sync fails with ContainerNotFoundInSicSettings' },
  {
    expect: 'QDR-CONTAINER-NOT-FOUND',
    lang: 'fr',
    text: 'Erreur technique : ContainerNotFoundInSicSettings lors de la première synchro',
  },
  { expect: 'QDR-PERIOD-NOT-OPEN', lang: 'en', text: 'No accounting period is open in file 000123.' },
  { expect: 'QDR-PERIOD-NOT-OPEN', lang: 'fr', text: "Aucune période comptable n'est ouverte dans le dossier 000123." },
  {
    expect: 'QDR-PERIOD-NOT-OPEN',
    lang: 'fr',
    text: "Ligne 12 : la date 15/01/2025 n'est pas dans une période comptable ouverte du dossier 000123.",
  },
  {
    expect: 'QDR-INCOMPLETE-FILE',
    lang: 'en',
    text: 'File 000777 is incomplete: the chart of accounts is incomplete or no journal is open.',
  },
  {
    expect: 'QDR-INCOMPLETE-FILE',
    lang: 'fr',
    text: "Ligne 3 : le journal HA n'est pas ouvert dans le dossier 000777.",
    params: { journal: 'ha' },
  },
  { expect: 'QDR-NO-LABELS', lang: 'en', text: 'accounts created in Quadra have no label' },
  { expect: 'QDR-NO-LABELS', lang: 'fr', text: 'les comptes créés dans Quadra arrivent sans libellé' },
  { expect: 'QDR-ACCOUNT-8-CHARS', lang: 'en', text: 'the account arrived cut to 8 characters in Quadra' },
  {
    expect: 'QDR-ACCOUNT-8-CHARS',
    lang: 'fr',
    text: 'le numéro de compte 4010000123 est tronqué à 8 caractères dans Quadra',
  },
  { expect: 'QDR-IMPORT-ON-OPEN', lang: 'en', text: 'the entries only show up in Quadra once I open the file' },
  {
    expect: 'QDR-IMPORT-ON-OPEN',
    lang: 'fr',
    text: "les écritures n'apparaissent dans Quadra qu'à l'ouverture du dossier",
  },
  {
    expect: 'QDR-READBACK-POSTED',
    lang: 'en',
    text: 'when do entries move to the Posted tab? 12 hours after sending?',
  },
  {
    expect: 'QDR-READBACK-POSTED',
    lang: 'fr',
    text: "quand est-ce que les écritures passent dans l'onglet Comptabilisées, 12 heures après l'envoi ?",
  },
  { expect: 'QDR-RETRY-NIGHTS', lang: 'en', text: 'entries not found in Quadra are retried for 3 nights in a row' },
  {
    expect: 'QDR-RETRY-NIGHTS',
    lang: 'fr',
    text: 'les écritures non trouvées dans Quadra sont renvoyées pendant 3 nuits consécutives',
  },
  {
    expect: 'QDR-FAILED-CHECK',
    lang: 'en',
    text: 'A problem seems to have occured during the synchronisation of this entry. Please verify.',
  },
  {
    expect: 'QDR-FAILED-CHECK',
    lang: 'fr',
    text: 'Un problème semble être survenu lors de la synchronisation de cette écriture. Veuillez vérifier.',
  },
  { expect: 'QDR-FAILED-CHECK', lang: 'en', text: 'Failed check' },
  { expect: 'QDR-FAILED-CHECK', lang: 'fr', text: 'plusieurs écritures dans l’onglet Échec de vérification' },
  // Cegid Loop
  { expect: 'LOOP-AUTH', lang: 'en', text: 'The API key, API secret or domain is invalid' },
  { expect: 'LOOP-AUTH', lang: 'fr', text: 'La clé API, le secret API ou le domaine est invalide.' },
  {
    expect: 'LOOP-FOLDER-NOT-ASSOCIATED',
    lang: 'en',
    text: 'The folder "TRAITEUR BLANC" is not associated with this API key.',
    params: { folder: 'traiteur blanc' },
  },
  {
    expect: 'LOOP-FOLDER-NOT-ASSOCIATED',
    lang: 'fr',
    text: "Le dossier « TRAITEUR BLANC » n'est pas associé à cette clé API.",
    params: { folder: 'traiteur blanc' },
  },
  {
    expect: 'LOOP-FOLDER-UNKNOWN',
    lang: 'en',
    text: 'Hello, every invoice of this client fails in Loop with: "Le dossier 000451 n\'existe pas sur le domaine." What should we do?',
    params: { folder: '000451' },
  },
  { expect: 'LOOP-FOLDER-UNKNOWN', lang: 'en', text: 'Loop says our folder does not exist on the domain' },
  {
    expect: 'LOOP-FOLDER-UNKNOWN',
    lang: 'fr',
    text: "Bonjour,\nLoop nous répond : Le dossier BOULANGERIE-HENRI n'existe pas sur le domaine.\nMerci",
    params: { folder: 'BOULANGERIE-HENRI' },
  },
  {
    expect: 'LOOP-INCOMPLETE-FOLDER',
    lang: 'en',
    text: 'The folder TRAITEUR BLANC is incomplete: the chart of accounts is incomplete or no journal is open for fiscal year 2024.',
  },
  {
    expect: 'LOOP-INCOMPLETE-FOLDER',
    lang: 'fr',
    text: "Le dossier TRAITEUR BLANC est incomplet : le plan comptable est incomplet ou aucun journal n'est ouvert pour l'exercice 2024.",
  },
  { expect: 'LOOP-REFDATA-PULL', lang: 'en', text: 'the chart of accounts of my Loop folder was not retrieved' },
  { expect: 'LOOP-REFDATA-PULL', lang: 'fr', text: 'le plan comptable du dossier Loop n’a pas été récupéré' },
  { expect: 'LOOP-DESCRIPTION-35', lang: 'en', text: 'labels cut at 35 characters in Loop' },
  { expect: 'LOOP-DESCRIPTION-35', lang: 'fr', text: 'les libellés sont coupés à 35 caractères dans Cegid Loop' },
  {
    expect: 'LOOP-DESCRIPTION-35',
    lang: 'en',
    text: 'The description FACTURE FOURNISSEUR METRO CASH AND CARRY JANVIER is longer than the 35 characters accepted by the Cegid Loop API.',
  },
  { expect: 'LOOP-AUX-CODE-17', lang: 'en', text: 'auxiliary codes truncated to 17 characters in Loop' },
  { expect: 'LOOP-AUX-CODE-17', lang: 'fr', text: 'les codes auxiliaires sont tronqués à 17 caractères dans Loop' },
  {
    expect: 'LOOP-COLLABORATOR-NO-ACCESS',
    lang: 'en',
    text: 'An error occurred during the JSON import request: The collaborator m.petit does not have access to the folder ATELIER NOIR',
    params: { collaborator: 'm petit', folder: 'atelier noir' },
  },
  {
    expect: 'LOOP-COLLABORATOR-NO-ACCESS',
    lang: 'fr',
    text: "Une erreur est survenue lors de la requête d'import JSON : Le collaborateur m.petit n'a pas accès au dossier ATELIER NOIR",
  },
  { expect: 'LOOP-COLLABORATOR-NO-ACCESS', lang: 'en', text: 'all my entries are rejected by Loop' },
  // The hub
  {
    expect: 'HUB-FILE-ASSOCIATION',
    lang: 'en',
    text: 'how do I associate a Qonto client file with a file from my accounting software?',
  },
  {
    expect: 'HUB-FILE-ASSOCIATION',
    lang: 'fr',
    text: 'comment associer un dossier client Qonto à un dossier du logiciel comptable ?',
  },
  {
    expect: 'HUB-REFDATA-ON-LINK',
    lang: 'en',
    text: 'is the reference data retrieved automatically when a file is created in Qonto?',
  },
  {
    expect: 'HUB-REFDATA-ON-LINK',
    lang: 'fr',
    text: 'les données de référence sont-elles récupérées à la création du dossier dans Qonto ?',
  },
  { expect: 'HUB-REFRESH-REFDATA', lang: 'en', text: 'Refresh accounting data' },
  { expect: 'HUB-REFRESH-REFDATA', lang: 'fr', text: 'le bouton Rafraîchir les données comptables ne fait rien' },
  {
    expect: 'HUB-WEEKLY-ACCOUNT-SYNC',
    lang: 'en',
    text: 'new accounts created in Sage only appear in Qonto a week later',
  },
  {
    expect: 'HUB-WEEKLY-ACCOUNT-SYNC',
    lang: 'fr',
    text: 'synchronisation automatique des comptes comptables une fois par semaine',
  },
  { expect: 'HUB-SYNC-REALTIME', lang: 'en', text: 'sync frequency set to real-time' },
  { expect: 'HUB-SYNC-REALTIME', lang: 'fr', text: 'fréquence de synchronisation en temps réel' },
  { expect: 'HUB-SYNC-DAILY', lang: 'en', text: 'daily sync frequency: entries are sent once a day in the evening' },
  {
    expect: 'HUB-SYNC-DAILY',
    lang: 'fr',
    text: 'fréquence quotidienne, les écritures partent une fois par jour le soir',
  },
  { expect: 'HUB-SYNC-MANUAL', lang: 'en', text: 'manual sync frequency, entries only go when I click Synchronize' },
  {
    expect: 'HUB-SYNC-MANUAL',
    lang: 'fr',
    text: 'fréquence manuelle : les écritures ne partent que quand je clique sur Synchroniser',
  },
  { expect: 'HUB-SYNC-FAILED', lang: 'en', text: 'Synchronization Failed' },
  { expect: 'HUB-SYNC-FAILED', lang: 'fr', text: 'Echec de synchronisation' },
  { expect: 'HUB-MARK-VERIFIED-RESEND', lang: 'en', text: 'I marked the entry as verified, when will it be resent?' },
  {
    expect: 'HUB-MARK-VERIFIED-RESEND',
    lang: 'fr',
    text: "j'ai marqué l'écriture comme vérifiée, quand sera-t-elle renvoyée ?",
  },
  { expect: 'HUB-EXCLUDE-ENTRY', lang: 'en', text: 'how do I exclude an old invoice from the Qontable Space?' },
  { expect: 'HUB-EXCLUDE-ENTRY', lang: 'fr', text: "comment exclure une facture trop ancienne de l'Espace Qontable ?" },
  { expect: 'HUB-DISABLE-INTEGRATION', lang: 'en', text: 'Disable integration / API connection' },
  { expect: 'HUB-DISABLE-INTEGRATION', lang: 'fr', text: "désactiver l'intégration / connexion API" },
  { expect: 'HUB-EDIT-CREDENTIALS', lang: 'en', text: 'Edit API connection' },
  { expect: 'HUB-EDIT-CREDENTIALS', lang: 'fr', text: 'modifier la connexion API pour changer les clés' },

  // Near-misses: must be "unsure", never a confident other entry.
  { expect: 'unsure', text: 'Le compte 401000 est collectif', orSure: 'SGE-COLLECTIVE-ACCOUNT' },
  { expect: 'unsure', text: 'Compte 606400 à vérifier avant clôture' },
  { expect: 'unsure', text: 'Account 401000 was reconciled yesterday, thanks' },
  { expect: 'unsure', text: 'the journal is closed for imports' },
  { expect: 'unsure', text: 'Bonjour, pouvez-vous me rappeler ?' },
  { expect: 'unsure', text: 'the weather is nice today' },
  { expect: 'unsure', text: 'Compte' },
  { expect: 'unsure', text: 'The folder ATELIER NOIR' },
  { expect: 'unsure', text: 'error' },
  { expect: 'unsure', text: 'le dossier est verrouillé' },
  { expect: 'unsure', text: 'the API key' },
  { expect: 'unsure', text: 'Sage GE' },

  // A second set, written after the matcher, as a check on what it had not seen: kept as cases.
  { expect: 'SGE-COLLECTIVE-ACCOUNT', text: 'Erreur 4 : Compte (401FOUR) ou autre est collectif' },
  { expect: 'SGE-COLLECTIVE-ACCOUNT', text: 'compte (411CLIENT) ou autre est collectif' },
  { expect: 'SGE-ACCOUNT-LOCKED', text: 'le compte 471000 est verrouille' },
  { expect: 'SGE-ACCOUNT-LOCKED', text: 'Account 4011234 is locked.' },
  { expect: 'SGE-FY-NOT-LAST-TWO', text: 'L’exercice (2022) ne fait pas partie des 2 derniers exercices ouverts' },
  { expect: 'SGE-FY-NOT-LAST-TWO', text: 'the fiscal year (2020, 2021) is not part of the last two open fiscal years' },
  { expect: 'SGE-JOURNAL-LOCKED', text: 'Le journal est verrouillé ou en lecture seule' },
  { expect: 'SGE-IMPORT-CURSOR-LOCKED', text: 'curseur d import verrouille' },
  { expect: 'SGE-STUCK-ACCOUNTING-NOT-OPENED', text: 'Entries stuck in Entries synchronizing tab for 3 days' },
  { expect: 'SGE-STUCK-ACCOUNTING-NOT-OPENED', text: 'mes écritures sont bloquées en synchronisation' },
  { expect: 'HUB-SYNC-FAILED', text: 'statut Échec de synchronisation sur plusieurs factures' },
  { expect: 'QDR-FAILED-CHECK', text: 'Failed check tab shows entries' },
  { expect: 'QDR-ACCOUNT-8-CHARS', text: 'account numbers truncated to 8 characters in Quadra' },
  { expect: 'LOOP-DESCRIPTION-35', text: 'libelles tronques a 35 caracteres dans Loop' },
  {
    expect: 'LOOP-COLLABORATOR-NO-ACCESS',
    text: 'Le collaborateur jean.dupont n’a pas accès au dossier « SARL MARTIN »',
  },
  { expect: 'LOOP-FOLDER-NOT-ASSOCIATED', text: 'the folder SARL MARTIN is not associated with this api key' },
  { expect: 'QDR-CONTAINER-NOT-FOUND', text: 'containernotfoundinsicsettings' },
  { expect: 'SGE-FILE-CONNECTOR-INACTIVE', text: 'the connector is disconnected in Sage GE' },
  { expect: 'SGE-STUCK-ADMIN-CERT-EXPIRED', text: 'le certificat de sécurité du GE Connecteur a expiré' },
  { expect: 'SGE-OTHER-ERROR', text: 'Object reference not set to an instance of an object.' },
  { expect: 'QDR-PERIOD-NOT-OPEN', text: 'aucune periode comptable ouverte dans le dossier 4521' },
  { expect: 'QDR-CPA-AUTH', text: 'cle API CPA invalide' },
  { expect: 'LOOP-AUTH', text: 'API key or secret invalid for Loop' },
  { expect: 'SGE-PCG-AUTOCREATE', text: 'Compte 6226000' },
  { expect: 'unsure', text: 'Le compte 401000 est lettré' },
  { expect: 'unsure', text: 'Account 401000 balance is wrong' },
  { expect: 'unsure', text: 'Le journal HA est clôturé' },
  { expect: 'unsure', text: 'Quadra' },
  { expect: 'unsure', text: 'merci de votre aide' },
  { expect: 'unsure', text: 'The folder is not synchronized' },
  { expect: 'unsure', text: 'Invalid date' },
];
