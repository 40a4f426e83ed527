import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import { toCents } from '../../../contracts/common/primitives.js';
import type { InjectionRule } from './types.js';

const isIncomeOrExpense = (account: string) => account.startsWith('6') || account.startsWith('7');

/**
 * SGE-ANALYTIC-ALLOCATION (error 3): on at least one line, the analytic allocation does not add up
 * to the line amount on one of the axes; with a full allocation required (`missing: 'allocation'`),
 * a class 6/7 line without any allocation counts as such a line.
 */
export const analyticAllocation: InjectionRule = ({ file, entry }) => {
  for (const line of entry.lines) {
    const amount = toCents(line.debit) + toCents(line.credit);
    const allocations = line.analytics ?? [];
    if (allocations.length === 0) {
      if (file.analytics.required && isIncomeOrExpense(line.accountNumber)) return reject('SGE-ANALYTIC-ALLOCATION');
      continue;
    }
    const byAxis = new Map<string, number>();
    for (const a of allocations) byAxis.set(a.axis, (byAxis.get(a.axis) ?? 0) + toCents(a.amount));
    for (const total of byAxis.values()) if (total !== amount) return reject('SGE-ANALYTIC-ALLOCATION');
  }
  return accept;
};
