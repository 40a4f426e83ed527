import { describe, expect, it } from 'vitest';
import { FiscalYearActionInput, setFiscalYear, type FiscalYearState } from './fiscal-year.js';

const existing: FiscalYearState = {
  id: 'FY2026',
  start: '2026-01-01',
  end: '2026-12-31',
  status: 'open',
  chartComplete: false,
  closedJournals: ['VE'],
};

describe('setFiscalYear (the set-fiscal-year action of Sage GE and Loop)', () => {
  it('creates a fiscal year from its dates, its chart complete unless told', () => {
    expect(setFiscalYear('FY2027', undefined, { start: '2027-01-01', end: '2027-12-31', status: 'open' })).toEqual({
      id: 'FY2027',
      start: '2027-01-01',
      end: '2027-12-31',
      status: 'open',
      chartComplete: true,
    });
  });

  it('keeps what the input does not name, and replaces what it names', () => {
    expect(setFiscalYear('FY2026', existing, { status: 'closed' })).toEqual({ ...existing, status: 'closed' });
    expect(
      setFiscalYear('FY2026', existing, { status: 'open', end: '2027-03-31', closedJournals: ['AC', 'HA'] }),
    ).toEqual({ ...existing, end: '2027-03-31', closedJournals: ['AC', 'HA'] });
  });

  it('an empty list of closed journals leaves the field out (none closed)', () => {
    const { closedJournals: _, ...withoutJournals } = existing;
    expect(setFiscalYear('FY2026', existing, { status: 'open', closedJournals: [] })).toEqual(withoutJournals);
  });

  it('refuses a new fiscal year without dates, and one ending before it starts, with a 400', () => {
    expect(setFiscalYear('FY2027', undefined, { status: 'open', start: '2027-01-01' })).toEqual({
      ok: false,
      status: 400,
      message: 'A new fiscal year needs start and end',
    });
    expect(setFiscalYear('FY2026', existing, { status: 'open', end: '2025-12-31' })).toEqual({
      ok: false,
      status: 400,
      message: 'A fiscal year ends after it starts',
    });
  });

  it("the input schema takes the action's fields and nothing else", () => {
    const shape = FiscalYearActionInput.strict();
    expect(shape.safeParse({ status: 'open', closedJournals: ['AC'] }).success).toBe(true);
    expect(shape.safeParse({ status: 'open', closedJournals: [''] }).success).toBe(false);
    expect(shape.safeParse({ status: 'half-open' }).success).toBe(false);
    expect(shape.safeParse({ status: 'open', start: '2027-02-30' }).success).toBe(false);
  });
});
