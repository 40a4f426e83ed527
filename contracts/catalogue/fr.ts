import type { CatalogueId } from './schema.js';

/**
 * Every catalogue entry's cause and remedy steps in French, for the explanation support forwards
 * (`explain`). The help articles (seeds 000 to 004) are English: all of this is our translation
 * (`documented: false`), written as a French accountant reads the vendor's screens. Where a public
 * French source quotes the vendor's own menu path, the step uses it word for word and `quoted`
 * names the path and its source (vendor-facts.md §4); the other menu and button names are our
 * translation of the English article's. The Qonto names ("Espace Qontable", "Intégrations", "À
 * vérifier", "Échec de synchronisation") are those of the French hub.
 *
 * One step per English step, in the same order (catalogue.test.ts checks the counts), so that the
 * two explanations say the same thing.
 */
export interface EntryFr {
  cause: string;
  remedy: string[];
  /** Whether the French text is quoted from a public source; false: our translation. */
  documented: boolean;
  /** Menu paths quoted word for word from a French vendor source, with the source. */
  quoted?: { path: string; source: string }[];
}

const MARK_VERIFIED =
  'Dans Qonto, marquez la facture comme vérifiée : ses écritures seront renvoyées à la prochaine synchronisation';
const RED_TRIANGLE_REMEDY = [
  "Dans Sage GE, ouvrez le dossier concerné avec le bouton Comptabilité et placez-vous sur l'exercice qui couvre la date du jour",
  "Allez dans le menu Exercice > Période de l'exercice et vérifiez que l'exercice couvre la date du jour",
  'Gardez au plus deux exercices ouverts, consécutifs et sans interruption entre eux ; ajustez les exercices ouverts si besoin',
  'Dans la Marketplace du dossier (bouton Panier), double-cliquez sur la ligne Qonto, cliquez sur Désactiver et confirmez',
  "Double-cliquez de nouveau sur Qonto, cochez « J'accepte les interactions décrites ci-dessus » et cliquez sur Activer",
  "Une fois le connecteur activé, cliquez sur Resynchroniser les exercices depuis l'écran de la Marketplace",
];
const REAUTHENTICATE = {
  path: 'Traitements > Connecteur GE > Administrateur de référence > Authentifier',
  source: 'fr-kb.sage.com, articles 211010160116390 and 221116101732330 (vendor-facts.md §4)',
};
const INTEGRATIONS_MENU =
  'Dans le menu Intégrations, utilisez les boutons [...] en haut à droite ou sur la ligne du dossier';

export const catalogueFr: Record<CatalogueId, EntryFr> = {
  'SGE-API-RIGHTS-MISSING': {
    cause: "Le cabinet n'a pas signé avec Sage le droit d'utilisation de l'API : sans lui, l'API ne fonctionne pas.",
    remedy: ["Contactez le service commercial de Sage pour signer le droit d'utilisation de l'API"],
    documented: false,
  },
  'SGE-ENTITY-CONNECTOR-INACTIVE': {
    cause: "Le connecteur Regate / Qonto n'a pas été activé dans la Marketplace de l'entité du cabinet.",
    remedy: [
      "Dans Sage GE, sur la page d'accueil, cliquez sur Entités et ouvrez l'entité de votre cabinet avec Ouvrir une entité",
      "Cliquez sur l'icône Marketplace (le caddie) et double-cliquez sur Regate / Qonto",
      "Cochez « J'accepte les interactions décrites ci-dessus » et cliquez sur Activer (ne décochez pas la case si elle l'est déjà)",
    ],
    documented: false,
  },
  'SGE-FILE-CONNECTOR-INACTIVE': {
    cause:
      "La case du connecteur Qonto au niveau du dossier n'est pas cochée dans la Marketplace du dossier : le voyant du connecteur apparaît déconnecté sur la page Comptabilité.",
    remedy: [
      'Ouvrez Sage GE et le dossier concerné',
      "Dans la Marketplace du dossier (bouton Panier), regardez l'état du connecteur Qonto",
      "Si la case n'est pas cochée, double-cliquez sur l'icône Qonto pour ouvrir la fenêtre d'activation",
      "Cochez « J'accepte les interactions décrites ci-dessus » et cliquez sur Activer",
      "Revenez sur la page Comptabilité de l'Espace Qontable : le voyant du connecteur doit passer au vert",
    ],
    documented: false,
  },
  'SGE-BULK-ACTIVATION': {
    cause:
      'La Marketplace multi-dossiers active Qonto sur tous les dossiers sélectionnés en une fois, au lieu de dossier par dossier.',
    remedy: [
      'Dans Sage GE, cliquez sur Marketplace multi-dossiers',
      'Sélectionnez tous les dossiers concernés',
      'Cliquez sur Activer les dossiers',
    ],
    documented: false,
  },
  'SGE-FY-NOT-COVERING-TODAY': {
    cause:
      "Un exercice couvrant la date du jour doit être ouvert dans Sage GE ; sinon l'API ne fonctionne pas et la page Intégration affiche un triangle rouge.",
    remedy: RED_TRIANGLE_REMEDY,
    documented: false,
  },
  'SGE-FY-OPEN-RULES': {
    cause:
      'Deux exercices au plus peuvent être ouverts ; ils doivent être consécutifs et ne pas se chevaucher (2025 seul, ou 2024 et 2025).',
    remedy: RED_TRIANGLE_REMEDY,
    documented: false,
  },
  'SGE-FY-INCOMPLETE': {
    cause: 'Chaque exercice ouvert dans Sage GE doit avoir un plan comptable complet et des journaux ouverts.',
    remedy: [
      'Dans Sage GE, complétez le plan comptable et ouvrez les journaux de chaque exercice ouvert',
      "Puis cliquez sur Resynchroniser les exercices depuis l'écran Marketplace du dossier",
    ],
    documented: false,
  },
  'SGE-REFDATA-PULL': {
    cause:
      "Au démarrage, quand le dossier est créé dans Qonto, le plan comptable de l'exercice en cours et les comptes auxiliaires existants (et les codes journaux) sont récupérés de Sage GE.",
    remedy: [],
    documented: false,
  },
  'SGE-THIRD-PARTY-UPSERT': {
    cause:
      "Les tiers et les comptes auxiliaires sont envoyés, créés ou mis à jour dans Sage GE lors de l'envoi des écritures.",
    remedy: [],
    documented: false,
  },
  'SGE-PCG-AUTOCREATE': {
    cause:
      "Si un compte n'existe pas dans Sage GE lors de l'envoi des écritures, il est créé avec le libellé « Compte » suivi du numéro (610123456 - Compte 610123456).",
    remedy: ['Corrigez à la main le libellé du compte créé dans Sage GE'],
    documented: false,
  },
  'SGE-BANK-LABEL-30': {
    cause:
      "Le libellé des écritures de banque est limité à 30 caractères dans Sage GE et tronqué au-delà ; le libellé complet reste dans le commentaire de l'écriture.",
    remedy: [],
    documented: false,
  },
  'SGE-BANK-ONE-ATTACHMENT': {
    cause:
      'Sage GE ne permet pas de récupérer plusieurs pièces jointes rattachées à une même écriture de banque (une limite du logiciel) : seule la première est gardée.',
    remedy: [],
    documented: false,
  },
  'SGE-TRACKING-CODE': {
    cause:
      "Qonto ajoute un code de la forme #AAAAA# au commentaire de chaque écriture ; c'est ainsi que la création de l'écriture dans Sage GE est vérifiée. Ne le supprimez pas.",
    remedy: [],
    documented: false,
  },
  'SGE-TECHNICAL-DOCNUMBER': {
    cause:
      'Sans pièce jointe, Qonto remplit le numéro de pièce Sage GE avec un identifiant technique unique, qui lui permet de retrouver les rejets ; avec une pièce jointe, le numéro de pièce est le numéro de la facture. Ne le modifiez pas.',
    remedy: [],
    documented: false,
  },
  'SGE-AUTONUMBER': {
    cause:
      "Sage GE numérote les pièces automatiquement, selon le paramétrage du journal, quand le numéro de pièce de l'écriture est vide.",
    remedy: [],
    documented: false,
  },
  'SGE-JOURNAL-LOCKED': {
    cause:
      "Le journal Sage GE n'est pas ouvert : la date de comptabilisation tombe peut-être dans un exercice non ouvert dans Sage GE, ou le journal est verrouillé alors que l'exercice est ouvert.",
    remedy: ['Ouvrez les journaux nécessaires dans Sage GE', MARK_VERIFIED],
    documented: false,
  },
  'SGE-ANALYTIC-AXIS-MISSING': {
    cause: "Sage GE attend de l'analytique, mais Qonto n'envoie pas de données analytiques.",
    remedy: ["Dans Sage, autorisez l'import d'écritures sans données analytiques", MARK_VERIFIED],
    documented: false,
  },
  'SGE-ANALYTIC-ALLOCATION': {
    cause: "Sage GE attend de l'analytique, mais Qonto n'envoie pas de données analytiques.",
    remedy: ["Dans Sage, autorisez l'import d'écritures sans données analytiques", MARK_VERIFIED],
    documented: false,
  },
  'SGE-COLLECTIVE-ACCOUNT': {
    cause:
      "Un compte collectif (401, 411, 421...) a été utilisé sans compte auxiliaire associé dans l'imputation comptable.",
    remedy: [
      'Dans Qonto, modifiez la facture en ajoutant le compte auxiliaire manquant',
      'Marquez la facture comme vérifiée : les écritures corrigées seront renvoyées à la prochaine synchronisation',
    ],
    documented: false,
  },
  'SGE-ACCOUNT-LOCKED': {
    cause:
      "L'écriture est envoyée sur un exercice clôturé ou un compte fermé, souvent à cause d'une erreur de saisie de la date de comptabilisation.",
    remedy: [
      'Soit, dans Qonto, modifiez la facture (date de comptabilisation, compte) puis marquez-la comme vérifiée : les écritures corrigées seront renvoyées',
      "Soit excluez la facture de l'Espace Qontable si elle est trop ancienne",
      "Soit modifiez le paramétrage du compte ou de l'exercice dans Sage GE, puis marquez la facture comme vérifiée dans Qonto : les écritures seront renvoyées à la prochaine synchronisation",
    ],
    documented: false,
  },
  'SGE-FY-NOT-LAST-TWO': {
    cause:
      "L'écriture est envoyée sur un exercice qui ne fait pas partie des deux derniers exercices ouverts dans Sage GE (avec 2022, 2023 et 2024 ouverts, les écritures de 2022 sont rejetées).",
    remedy: [
      "Soit ajustez les exercices ouverts dans Sage GE (au plus deux exercices consécutifs, dont l'un couvre la date de comptabilisation)",
      'Soit modifiez la date de comptabilisation de la facture dans Qonto',
      "Soit excluez la facture de l'Espace Qontable si elle est trop ancienne",
    ],
    documented: false,
  },
  'SGE-IMPORT-CURSOR-LOCKED': {
    cause: "Des périodes sont verrouillées dans le paramétrage d'import de Sage GE.",
    remedy: [
      "Dans Sage GE, allez dans Utilitaires > Paramétrage du curseur d'import > onglet Verrouillage et décochez les périodes verrouillées",
      'Marquez la facture comme vérifiée dans Qonto : ses écritures seront renvoyées à la prochaine synchronisation',
    ],
    documented: false,
  },
  'SGE-STUCK-ACCOUNTING-NOT-OPENED': {
    cause:
      "Qonto a envoyé les écritures dans le cloud Sage, mais elles ne sont pas encore intégrées dans Sage GE : l'intégration se fait à l'ouverture de la comptabilité du dossier.",
    remedy: [
      "Dans Sage GE, ouvrez le dossier concerné et cliquez sur le bouton Comptabilité : cela déclenche l'intégration des écritures envoyées par Qonto",
      'Si vous étiez déjà dans la comptabilité du dossier, fermez-la et rouvrez-la',
    ],
    documented: false,
  },
  'SGE-STUCK-MARKETPLACE-DEACTIVATED': {
    cause:
      "La Marketplace Qonto est désactivée sur le dossier : ouvrir la comptabilité n'intègre pas les écritures qui attendent dans le cloud Sage.",
    remedy: [
      'Dans Sage GE, ouvrez le dossier concerné et cliquez sur le bouton Marketplace (le caddie)',
      'Si la Marketplace Qonto est désactivée, activez-la',
      "Rouvrez la page Comptabilité du dossier dans Sage GE pour déclencher l'intégration des écritures en attente",
    ],
    documented: false,
  },
  'SGE-STUCK-ADMIN-CERT-EXPIRED': {
    cause:
      "Le certificat de sécurité du Connecteur GE de l'administrateur de référence a expiré : Sage GE affiche le message à chaque ouverture et n'intègre rien.",
    remedy: [
      `Demandez à votre administrateur Sage GE de s'authentifier de nouveau par ${REAUTHENTICATE.path}`,
      "Une fois la Marketplace active, rouvrez la page Comptabilité du dossier dans Sage GE pour déclencher l'intégration des écritures en attente",
    ],
    documented: false,
    quoted: [REAUTHENTICATE],
  },
  'SGE-OTHER-ERROR': {
    cause: "Une erreur interne à Sage GE que la documentation n'explique pas.",
    remedy: ["Contactez le support Qonto en indiquant le message d'erreur exact affiché"],
    documented: false,
  },
  'SGE-FY-NOT-OPEN-PENDING': {
    cause:
      'Les écritures dont la date de comptabilisation tombe dans un exercice non ouvert dans Sage GE restent en attente sur la page Comptabilité et ne peuvent pas être envoyées.',
    remedy: [
      "Ouvrez l'exercice dans Sage GE (au plus deux exercices ouverts consécutifs) et resynchronisez les exercices, ou changez la date de comptabilisation dans Qonto",
    ],
    documented: false,
  },
  'SGE-FIRST-CONNECTION-BATCHES': {
    cause:
      "À la première connexion, Qonto envoie des tiers et des comptes sans écritures, et Sage GE rejette ces lots à l'ouverture de la comptabilité. Ces messages sont sans conséquence.",
    remedy: [
      "Ignorez ces messages et cliquez sur OK ; les rejets de vraies écritures s'affichent dans l'Espace Qontable, menu Comptabilité > onglet Rejets",
    ],
    documented: false,
  },
  'QDR-CPA-AUTH': {
    cause:
      "La clé API CPA ou son secret saisis dans le Hub Comptable Qonto ne correspondent pas à ceux générés dans Cegid Life. Le secret ne s'affiche qu'une fois : il n'est plus visible après la fermeture ou l'actualisation de la page.",
    remedy: [
      'Connectez-vous à Cegid Life avec le compte administrateur du cabinet (code SIC et identifiants passeport)',
      "Suivez la documentation Cegid pour générer de nouveau la clé API CPA et son secret, et notez-les avant de fermer ou d'actualiser la page",
      'Dans le Hub Comptable Qonto, menu Intégrations, utilisez Modifier la connexion API pour saisir la clé API CPA et son secret',
    ],
    documented: false,
  },
  'QDR-CPA-NO-PORTAL': {
    cause: "Le cabinet n'a pas accès au Portail Collaboratif Cegid. Sans cet accès, l'API ne fonctionne pas.",
    remedy: [
      "Contactez votre commercial Cegid pour obtenir l'accès au Portail Collaboratif Cegid",
      'Puis générez la clé API CPA et son secret dans Cegid Life avec le compte administrateur du cabinet',
    ],
    documented: false,
  },
  'QDR-CFE-AUTH': {
    cause:
      "La clé API CFE (Cegid File Exchange) ou son secret saisis dans le Hub Comptable Qonto ne correspondent pas à ceux générés dans Cegid Life. La clé CFE est indispensable à l'envoi des écritures dans Quadra.",
    remedy: [
      'Dans votre espace Cegid Life, allez dans Administration > Gestion des utilisateurs > Clés API et générez la clé en choisissant le service Cegid File Exchange, selon la procédure officielle de Cegid',
      'Dans le Hub Comptable Qonto, menu Intégrations, utilisez Modifier la connexion API pour saisir la clé API CFE et son secret',
    ],
    documented: false,
  },
  'QDR-CFE-NOT-ACTIVATED': {
    cause:
      "La dernière étape de la procédure CFE du guide Quadra, qui valide l'activation de la clé, n'a pas été faite.",
    remedy: [
      "Suivez la procédure CFE du guide Quadra jusqu'à sa dernière étape, qui valide l'activation de la clé API CFE",
    ],
    documented: false,
  },
  'QDR-CONTAINER-NOT-FOUND': {
    cause:
      "Erreur technique lors de la première synchronisation, avec le code ContainerNotFoundInSicSettings. L'article n'en donne pas la cause ; sa solution désigne la clé API CFE (la clé de Cegid Life ne correspond pas à celle saisie dans les paramètres de Cegid Quadra).",
    remedy: [
      "Contactez le support Qonto : ne faites les actions suivantes qu'à son invitation",
      'Générez de nouveau la clé API CFE dans Cegid Life',
      'Vérifiez que la clé CFE de Cegid Life (Administration > Gestion des utilisateurs > Clés API) est celle saisie dans les paramètres de Cegid Quadra (Outils > Clés API > Cegid File Exchange)',
    ],
    documented: false,
  },
  'QDR-PERIOD-NOT-OPEN': {
    cause: "Le dossier Cegid Quadra n'a aucune période comptable ouverte.",
    remedy: [
      "Dans Cegid Quadra, allez dans l'administration comptable ou la gestion des périodes, en général par le menu Traitements ou Administration",
      "Vérifiez que la période précédente a bien été clôturée avant d'en créer une nouvelle",
      'Ouvrez la période comptable',
    ],
    documented: false,
  },
  'QDR-INCOMPLETE-FILE': {
    cause: "Le dossier Cegid Quadra n'a pas de plan comptable complet ou pas de journaux ouverts.",
    remedy: ['Dans Cegid Quadra, complétez le plan comptable du dossier', 'Ouvrez les journaux du dossier'],
    documented: false,
  },
  'QDR-NO-LABELS': {
    cause:
      "Le format Quadra ne permet pas d'envoyer les libellés des comptes (plan comptable général ou comptes auxiliaires). Si un compte général ou auxiliaire existe dans Qonto mais pas dans Quadra, il est créé automatiquement dans Quadra à l'envoi des écritures, mais sans libellé.",
    remedy: [
      'Complétez le libellé à la main dans Quadra',
      "Pour l'éviter, si vous créez un compte général ou auxiliaire dans Qonto, créez-le à l'identique dans Cegid Quadra avant le prochain envoi d'écritures",
    ],
    documented: false,
  },
  'QDR-ACCOUNT-8-CHARS': {
    cause:
      "Le numéro de compte (général ou auxiliaire) est limité à 8 caractères dans Cegid Quadra. Un numéro plus long est tronqué à l'envoi.",
    remedy: [
      "Si vous créez un compte général ou auxiliaire dans Qonto, créez-le à l'identique dans Cegid Quadra avant le prochain envoi d'écritures",
    ],
    documented: false,
  },
  'QDR-IMPORT-ON-OPEN': {
    cause:
      "Les écritures vérifiées sont envoyées à l'API Quadra (CFE) ; Quadra ne les récupère qu'à l'ouverture du dossier concerné. Elles apparaissent dans Quadra quelques minutes après l'envoi.",
    remedy: [
      "Après l'envoi, ouvrez le dossier concerné dans Quadra pour déclencher la récupération des écritures",
      'Vous pouvez ensuite le refermer : les écritures apparaissent dans Quadra quelques minutes plus tard',
    ],
    documented: false,
  },
  'QDR-READBACK-POSTED': {
    cause:
      "12 heures après l'envoi, Qonto relit les écritures dans Quadra et les compare à celles envoyées. Les écritures retrouvées dans Quadra passent dans l'onglet Comptabilisées.",
    remedy: [],
    documented: false,
  },
  'QDR-RETRY-NIGHTS': {
    cause:
      "Les écritures que la relecture, 12 heures après l'envoi, ne retrouve pas dans Quadra restent à envoyer, et un nouvel essai est fait pendant 3 nuits consécutives.",
    remedy: [],
    documented: false,
  },
  'QDR-FAILED-CHECK': {
    cause:
      "Après 3 essais sans succès (écritures toujours introuvables dans Quadra), si d'autres écritures du même lot ou de lots suivants ont bien été comptabilisées, les écritures en échec passent dans l'onglet Échec de vérification.",
    remedy: [
      "Vérifiez l'écriture dans Cegid Quadra",
      "Pour tout problème de synchronisation non résolu, contactez le support Qonto en décrivant le message d'erreur affiché dans l'onglet Échec de vérification",
    ],
    documented: false,
  },
  'LOOP-AUTH': {
    cause:
      'La clé API, le secret API ou le domaine (le code Loop du cabinet) saisis dans le Hub Comptable Qonto ne correspondent pas à ceux du portail Loop Hub.',
    remedy: [
      'Récupérez la clé API et le secret API dans le portail Loop Hub, et le domaine (le code Loop de votre cabinet) dans Loop Hub',
      "Si vous n'avez pas les droits d'administrateur nécessaires, demandez ces informations au support Cegid Loop ou à votre CSM Loop",
      'Dans le Hub Comptable Qonto, menu Intégrations, utilisez Modifier la connexion API pour saisir la clé API, le secret API et le domaine',
    ],
    documented: false,
  },
  'LOOP-FOLDER-NOT-ASSOCIATED': {
    cause:
      "Le dossier n'a pas été coché sur la clé API dans Loop Hub. Sans cette association, aucun dossier n'est synchronisé avec Qonto.",
    remedy: [
      'Dans Loop Hub, allez sur la clé API que vous avez générée (reconnaissable au nom que vous lui avez donné, par exemple « QONTO »)',
      "Cliquez sur l'icône crayon à droite pour modifier la clé",
      'Cliquez sur Suivant',
      'Cochez les dossiers à publier et à synchroniser avec Qonto',
      'Cliquez sur Suivant puis sur Valider',
    ],
    documented: false,
  },
  'LOOP-INCOMPLETE-FOLDER': {
    cause:
      "Un exercice ouvert du dossier Cegid Loop n'a pas de plan comptable complet ou pas de journaux ouverts (tout l'import est refusé), ou une écriture est envoyée dans un journal fermé, ou a une date de comptabilisation hors de tout exercice ouvert du dossier, un exercice clôturé ou non créé dans Cegid Loop n'ayant pas de journaux ouverts (cette écriture est rejetée).",
    remedy: [
      'Dans Cegid Loop, complétez le plan comptable de chaque exercice ouvert du dossier',
      'Ouvrez les journaux de chaque exercice ouvert, en commençant par celui que nomme le message',
      'Si la date de comptabilisation tombe dans un exercice clôturé ou non créé dans Cegid Loop, ouvrez ou créez cet exercice (avec un plan comptable complet et des journaux ouverts), ou modifiez la date de comptabilisation de la facture dans Qonto',
      'Marquez ensuite les factures rejetées comme vérifiées : leurs écritures seront renvoyées à la prochaine synchronisation',
    ],
    documented: false,
  },
  'LOOP-FOLDER-UNKNOWN': {
    cause:
      "Le code du dossier auquel le dossier Qonto est associé n'est pas un dossier du domaine Loop du cabinet : le dossier a été archivé ou supprimé dans Loop, recréé sous un autre code, ou appartient à un autre cabinet (autre Domaine).",
    remedy: [
      "Dans Cegid Loop, vérifiez que le dossier nommé dans le message figure toujours dans le portefeuille de dossiers de votre domaine, et restaurez-le s'il a été archivé",
      "Si le dossier a maintenant un autre code, ou appartient à un autre cabinet, vérifiez le Domaine avec Modifier la connexion API dans le menu Intégrations de l'Espace Qontable et associez le dossier Qonto au bon dossier",
      'Marquez les factures rejetées comme vérifiées : leurs écritures seront renvoyées à la prochaine synchronisation',
    ],
    documented: false,
  },
  'LOOP-REFDATA-PULL': {
    cause:
      'Une fois les codes saisis et la connexion validée, les dossiers associés dans Loop Hub sont reconnus dans Qonto, et les données comptables de référence (plan comptable, comptes auxiliaires, codes journaux) de chaque dossier sont récupérées automatiquement ; la synchronisation des écritures peut alors commencer.',
    remedy: [],
    documented: false,
  },
  'LOOP-DESCRIPTION-35': {
    cause:
      "L'API Cegid Loop limite les libellés d'écriture à 35 caractères. Un libellé plus long est tronqué automatiquement à l'envoi depuis Qonto.",
    remedy: ["Rédigez vos libellés pour que l'essentiel tienne dans les 35 premiers caractères"],
    documented: false,
  },
  'LOOP-AUX-CODE-17': {
    cause:
      "Les codes des comptes auxiliaires sont limités à 17 caractères par l'API Cegid Loop. Un code plus long est tronqué à l'envoi des écritures depuis Qonto.",
    remedy: ['Vérifiez la longueur de vos codes auxiliaires avant de lancer la synchronisation'],
    documented: false,
  },
  'LOOP-COLLABORATOR-NO-ACCESS': {
    cause: "Rejets massifs des écritures : le connecteur Qonto n'est pas activé sur le dossier concerné dans Loop.",
    remedy: [
      'Dans Cegid Loop, allez dans le portefeuille de dossiers',
      'Ajoutez la colonne « Action »',
      "Activez le connecteur Qonto pour le dossier concerné ; s'il apparaît encore sous son ancien nom « Regate by Qonto », choisissez-le tel quel : c'est bien le connecteur Qonto",
    ],
    documented: false,
  },
  'HUB-FILE-ASSOCIATION': {
    cause:
      "Dans l'assistant de connexion, un tableau montre, le cas échéant, les dossiers clients existants dans Qonto à gauche et les dossiers trouvés dans le logiciel comptable à droite ; un dossier Qonto peut être associé à un dossier du logiciel comptable. Qonto liste ensuite les dossiers avec une colonne Statut qui sert à activer l'intégration sur chaque dossier.",
    remedy: [
      "Sur l'écran d'association, associez chaque dossier Qonto à un dossier de votre logiciel comptable",
      "Si vous n'en avez pas, passez cette étape en cliquant sur Confirmer",
      "Dans le tableau des dossiers, utilisez la colonne Statut pour activer l'intégration sur les dossiers",
    ],
    documented: false,
  },
  'HUB-REFDATA-ON-LINK': {
    cause:
      "À la création d'un dossier dans Qonto, les données comptables de référence du logiciel comptable sont récupérées automatiquement : plan comptable général, comptes auxiliaires et codes journaux. Elles servent ensuite de base de travail dans Qonto pour traiter les justificatifs et générer les écritures.",
    remedy: [],
    documented: false,
  },
  'HUB-REFRESH-REFDATA': {
    cause:
      'Rafraîchir les données comptables récupère aussitôt le plan comptable général et les comptes auxiliaires du logiciel comptable pour mettre à jour le dossier Qonto.',
    remedy: [INTEGRATIONS_MENU, 'Cliquez sur Rafraîchir les données comptables'],
    documented: false,
  },
  'HUB-WEEKLY-ACCOUNT-SYNC': {
    cause:
      "Avec la synchronisation automatique des comptes comptables activée, une fois par semaine, les comptes nouvellement créés dans le plan comptable et les comptes auxiliaires du logiciel comptable sont créés dans Qonto, dans les dossiers clients connectés à l'API.",
    remedy: ["Dans l'assistant de connexion, activez la synchronisation automatique des comptes comptables"],
    documented: false,
  },
  'HUB-SYNC-REALTIME': {
    cause:
      'Avec la fréquence Temps réel, les écritures sont envoyées au logiciel comptable juste après leur création, dès leur validation, avec leurs justificatifs.',
    remedy: [
      "Dans l'assistant de connexion, réglez la fréquence de synchronisation des données comptables sur Temps réel",
    ],
    documented: false,
  },
  'HUB-SYNC-DAILY': {
    cause:
      'Avec la fréquence Quotidienne, les écritures sont envoyées au logiciel comptable automatiquement une fois par jour, le soir.',
    remedy: [
      "Dans l'assistant de connexion, réglez la fréquence de synchronisation des données comptables sur Quotidienne",
    ],
    documented: false,
  },
  'HUB-SYNC-MANUAL': {
    cause:
      "Avec la fréquence Manuelle, les écritures ne sont envoyées au logiciel comptable qu'au clic sur le bouton Synchroniser de la page Comptabilité du client.",
    remedy: [
      "Dans l'assistant de connexion, réglez la fréquence de synchronisation des données comptables sur Manuelle",
      'Cliquez sur le bouton Synchroniser de la page Comptabilité du client pour envoyer les écritures',
    ],
    documented: false,
  },
  'HUB-SYNC-FAILED': {
    cause:
      "Les écritures rejetées par le logiciel comptable apparaissent dans l'onglet « À vérifier » du client avec le statut Échec de synchronisation ; le survol de ce statut affiche le message d'erreur renvoyé par le logiciel comptable.",
    remedy: [
      "Dans l'espace Comptabilité, à gauche, choisissez votre client",
      "Cliquez sur l'onglet « À vérifier »",
      'Repérez les écritures au statut Échec de synchronisation dans la colonne Statut, ou filtrez sur ce statut',
      "Survolez le message Échec de synchronisation pour voir le message d'erreur renvoyé par votre logiciel comptable",
      "Cliquez sur l'écriture pour la revoir et la corriger dans Qonto (ou ajustez le paramétrage de votre logiciel comptable selon le cas)",
      "Marquez l'écriture comme vérifiée",
    ],
    documented: false,
  },
  'HUB-MARK-VERIFIED-RESEND': {
    cause:
      "Une fois une écriture marquée comme vérifiée dans Qonto, elle est renvoyée au prochain clic sur le bouton Synchroniser ou automatiquement la nuit suivante, selon le paramétrage de l'envoi automatique.",
    remedy: [
      "Dans Qonto, marquez l'écriture comme vérifiée",
      "Cliquez sur le bouton Synchroniser, ou attendez l'envoi automatique de la nuit suivante, selon votre paramétrage de l'envoi automatique",
    ],
    documented: false,
  },
  'HUB-EXCLUDE-ENTRY': {
    cause:
      "Une facture trop ancienne (erreur Sage GE 5, exercice ou compte clôturé ; erreur 6, exercice hors des 2 derniers exercices ouverts) peut être exclue de l'Espace Qontable au lieu d'être corrigée et renvoyée.",
    remedy: ["Excluez la facture de l'Espace Qontable si elle est trop ancienne"],
    documented: false,
  },
  'HUB-DISABLE-INTEGRATION': {
    cause: "Désactiver l'intégration / connexion API arrête les synchronisations.",
    remedy: [INTEGRATIONS_MENU, "Cliquez sur Désactiver l'intégration / connexion API"],
    documented: false,
  },
  'HUB-EDIT-CREDENTIALS': {
    cause: 'Modifier la connexion API permet de changer les clés API si elles sont incorrectes.',
    remedy: [INTEGRATIONS_MENU, 'Cliquez sur Modifier la connexion API et saisissez les bonnes clés API'],
    documented: false,
  },
};
