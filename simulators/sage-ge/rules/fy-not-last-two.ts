import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import { fiscalYearOf, openFiscalYears, yearLabel } from '../domain/fiscal-years.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-FY-NOT-LAST-TWO (error 6): the posting date's fiscal year is open but not one of the two
 * most recent open fiscal years (2022, 2023 and 2024 open: 2022 is refused).
 */
export const fyNotLastTwo: InjectionRule = ({ file, entry }) => {
  const open = openFiscalYears(Object.values(file.fiscalYears));
  const fy = fiscalYearOf(open, entry.postingDate);
  // Stryker disable next-line ConditionalExpression: equivalent in GE's order, rules 1 and 5 have already refused a date in no open fiscal year
  if (!fy) return accept;
  const lastTwo = open.slice(-2);
  return lastTwo.some((f) => f.id === fy.id) ? accept : reject('SGE-FY-NOT-LAST-TWO', { years: yearLabel(fy) });
};
