import type { EcritureImport, TiersImport } from '../../../contracts/loop/wire.js';
import { auxCode17, tiersCode17 } from './aux-code-17.js';
import { description35 } from './description-35.js';
import type { EcritureFieldRule, FieldViolation } from './types.js';

export { auth, type AuthResult, type LoopCredentials } from './auth.js';
export { collaboratorNoAccess } from './collaborator-no-access.js';
export { folderNotAssociated } from './folder-not-associated.js';
export { folderUnknown } from './folder-unknown.js';
export { incompleteFolder, fiscalYearLabel } from './incomplete-folder.js';
export { ecritureFilterRequired } from './refdata-pull.js';
export type { FieldViolation, WireRuleResult } from './types.js';

/** The field-level rules an import's entries go through when the request arrives. */
export const ECRITURE_FIELD_RULES: readonly EcritureFieldRule[] = [description35, auxCode17];

/** Every field-level violation of the import's entries, in entry order, then of its third parties. */
export const checkImportFields = (
  ecritures: readonly EcritureImport[],
  tiers: readonly TiersImport[] = [],
): FieldViolation[] => [
  ...ecritures.flatMap((ecriture, index) => ECRITURE_FIELD_RULES.flatMap((rule) => rule(ecriture, index))),
  ...tiers.flatMap(tiersCode17),
];
