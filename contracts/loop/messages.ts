/**
 * Loop's own validation messages (French, as Loop answers). The ones marked [C] are quoted from
 * the public Loop API documentation (vendor-facts.md §3.3, EcritureComptableImportPerso.html);
 * the others are the simulator's own wording, modelled on them. The catalogue (LOOP-*) holds the
 * messages of the documented rejections; these are the plain input-validation answers around them.
 * Every one is a whole sentence ending with a period: the validation hook answers such a message as
 * it is, and prefixes any other (zod's own) with the field it is about.
 */
export const LOOP_MESSAGES = {
  /** [C] "Le codeIbs n'est pas spécifié." */
  codeIbsMissing: "Le codeIbs n'est pas spécifié.",
  /** [C] "Le dossier {codeIBS} n'existe pas sur le domaine." Also what another firm's folder code gets. */
  folderUnknown: (code: string) => `Le dossier ${code} n'existe pas sur le domaine.`,
  /** Simulator's own choice, on the model of codeIbs. */
  codeDossierMissing: "Le codeDossier n'est pas spécifié.",
  dataMissing: "Les données de l'import (data) ne sont pas spécifiées.",
  ecrituresMissing: "La liste des écritures (data.ecritures) n'est pas spécifiée ou est vide.",
  base64: 'Le contenu de la pièce jointe (contenuBase64) doit être encodé en base64.',
  mimeType: 'Le type de la pièce jointe (typeMime) doit être un type MIME, par exemple application/pdf.',
  siret: 'Le SIRET doit comporter 14 chiffres.',
  contexteMissing: 'Le contexte (data.contexte) est obligatoire sauf si options.multiPeriode vaut true.',
  contexteDate: 'Les dates du contexte (from, to) sont au format iso : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SS.sssZ.',
  contexteOrder: 'La date de fin du contexte (to) précède sa date de début (from).',
  outsideContexte: (date: string, from: string, to: string) =>
    `La date ${date} est hors de la période du contexte (${from} au ${to}).`,
  unbalanced: "L'écriture n'est pas équilibrée : le total des débits doit être égal au total des crédits.",
  lineAmount: 'Une ligne porte soit un débit, soit un crédit, strictement positif.',
  invalidFilter: (reason: string) => `Le filtre est invalide : ${reason}`,
  invalidSort: (reason: string) => `Le tri est invalide : ${reason}`,
  invalidSelect: (field: string) => `Le champ ${field} demandé dans select n'existe pas.`,
  /** EcritureComptable.html [C]: "un filtre sur codeLettrage ou ecritureOrigine est obligatoire" (wording ours). */
  ecritureFilterRequired: 'Un filtre sur codeLettrage ou ecritureOrigine est obligatoire.',
  skipTake: (name: string) => `Le paramètre ${name} doit être un entier positif ou nul.`,
  importUnknown: (id: string) => `La demande d'import ${id} n'existe pas.`,
  accountingImportRequestIdMissing: "L'accountingImportRequestId n'est pas spécifié.",
  // Per-entry answers of an import, in the import status (simulator's own wording).
  journalUnknown: (code: string, folder: string) => `Le journal ${code} n'existe pas dans le dossier ${folder}.`,
  accountUnknown: (numero: string, folder: string) => `Le compte ${numero} n'existe pas dans le dossier ${folder}.`,
  accountClosed: (numero: string) => `Le compte ${numero} est fermé.`,
  folderGone: (code: string) => `Le dossier ${code} n'existe plus sur le domaine.`,
} as const;
