import { ECRITURE_COMPTABLE_REQUIRED_FILTERS } from '../../../contracts/loop/wire.js';
import { constrains, type Filter } from '../domain/filter.js';

/**
 * LOOP-REFDATA-PULL: the hub pulls each associated folder's reference data through the read
 * routes. `GET /EcritureComptable` is the one with documented limits (EcritureComptable.html):
 * at most 100 rows (`ECRITURE_COMPTABLE_MAX`) and a mandatory filter on `codeLettrage` or
 * `ecritureOrigine`. True when that filter is missing; with `||`, every branch must have it (own
 * choice: otherwise one branch would read the whole ledger).
 */
export const ecritureFilterMissing = (filter: Filter | null): boolean => !filter || !constrains(filter.expr, ECRITURE_COMPTABLE_REQUIRED_FILTERS);
