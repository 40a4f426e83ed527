import { ECRITURE_COMPTABLE_REQUIRED_FILTERS } from '../../../contracts/loop/wire.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { constrains, type Filter } from '../domain/filter.js';
import type { WireRuleResult } from './types.js';

/**
 * LOOP-REFDATA-PULL: the hub pulls each associated folder's reference data through the read
 * routes. `GET /EcritureComptable` is the one with documented limits (EcritureComptable.html):
 * at most 100 rows (`ECRITURE_COMPTABLE_MAX`) and a mandatory filter on `codeLettrage` or
 * `ecritureOrigine`; with `||`, every branch must have it (own choice: otherwise one branch would
 * read the whole ledger). The refusal is Loop's own validation answer, not a catalogue rejection
 * (LOOP-REFDATA-PULL is a behaviour with no message), so the verdict carries its wire form.
 */
export const ecritureFilterRequired = (filter: Filter | null): WireRuleResult =>
  filter && constrains(filter.expr, ECRITURE_COMPTABLE_REQUIRED_FILTERS)
    ? { ok: true }
    : { ok: false, refusal: { status: 400, code: 'FilterRequired', message: LOOP_MESSAGES.ecritureFilterRequired } };
