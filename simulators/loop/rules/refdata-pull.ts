import { ECRITURE_COMPTABLE_REQUIRED_FILTERS } from '../../../contracts/loop/wire.js';
import type { Filter } from '../domain/filter.js';

/**
 * LOOP-REFDATA-PULL: the hub pulls each associated folder's reference data through the read
 * routes. `GET /EcritureComptable` is the one with documented limits (EcritureComptable.html):
 * at most 100 rows (`ECRITURE_COMPTABLE_MAX`) and a mandatory filter on `codeLettrage` or
 * `ecritureOrigine`. True when that filter is missing.
 */
export const ecritureFilterMissing = (filter: Filter | null): boolean =>
  !filter?.comparisons.some((c) => c.field.length === 1 && (ECRITURE_COMPTABLE_REQUIRED_FILTERS as readonly string[]).includes(c.field[0]!));
