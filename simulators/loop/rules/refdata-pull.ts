import { ECRITURE_COMPTABLE_REQUIRED_FILTERS } from '../../../contracts/loop/wire.js';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import type { Filter } from '../domain/filter.js';
import type { WireRuleResult } from './types.js';

/**
 * LOOP-REFDATA-PULL: the hub pulls each associated folder's reference data through the read
 * routes. `GET /EcritureComptable` is the one with documented limits (EcritureComptable.html):
 * at most 100 rows (`ECRITURE_COMPTABLE_MAX`) and a mandatory filter on `codeLettrage` or
 * `ecritureOrigine`. The refusal is Loop's own validation answer, not a catalogue rejection
 * (LOOP-REFDATA-PULL is a behaviour with no message), so the verdict carries its wire form.
 */
export const ecritureFilterRequired = (filter: Filter | null): WireRuleResult =>
  filter?.comparisons.some((c) => c.field.length === 1 && (ECRITURE_COMPTABLE_REQUIRED_FILTERS as readonly string[]).includes(c.field[0]!))
    ? { ok: true }
    : { ok: false, refusal: { status: 400, code: 'FilterRequired', message: LOOP_MESSAGES.ecritureFilterRequired } };
