import type { FiscalYearState } from '../state/schema.js';

/** The calendar date of an instant, in UTC (GE works in whole days). */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

export const covers = (fy: Pick<FiscalYearState, 'start' | 'end'>, date: string): boolean =>
  fy.start <= date && date <= fy.end;

/** The fiscal year a posting date falls in, open or closed. */
export function fiscalYearOf(fiscalYears: readonly FiscalYearState[], date: string): FiscalYearState | undefined {
  return fiscalYears.find((fy) => covers(fy, date));
}

export function openFiscalYears(fiscalYears: readonly FiscalYearState[]): FiscalYearState[] {
  return fiscalYears.filter((fy) => fy.status === 'open').sort((a, b) => a.start.localeCompare(b.start));
}

/** How GE names a fiscal year in its messages: the year it ends in. */
export const yearLabel = (fy: Pick<FiscalYearState, 'end'>): string => fy.end.slice(0, 4);

export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
