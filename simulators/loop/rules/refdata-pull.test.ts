import { describe, expect, it } from 'vitest';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import { parseFilter } from '../domain/filter.js';
import { ecritureFilterRequired } from './refdata-pull.js';

describe('LOOP-REFDATA-PULL: GET /EcritureComptable needs a filter on codeLettrage or ecritureOrigine', () => {
  it("refuses no filter, or a filter on other fields only, with Loop's FilterRequired answer", () => {
    const refusal = { status: 400, code: 'FilterRequired', message: LOOP_MESSAGES.ecritureFilterRequired };
    expect(ecritureFilterRequired(null)).toEqual({ ok: false, refusal });
    expect(ecritureFilterRequired(parseFilter(`numero == '401000'`))).toEqual({ ok: false, refusal });
    // A nested field of the same name is not the documented top-level filter.
    expect(ecritureFilterRequired(parseFilter(`x.codeLettrage == 'A'`))).toEqual({ ok: false, refusal });
  });

  it('accepts either documented filter, alone or with others', () => {
    expect(ecritureFilterRequired(parseFilter(`codeLettrage == 'AA'`))).toEqual({ ok: true });
    expect(ecritureFilterRequired(parseFilter(`numero == '1' && ecritureOrigine == 'QONTO'`))).toEqual({ ok: true });
  });
});
