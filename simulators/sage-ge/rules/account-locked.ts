import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import { fiscalYearOf } from '../domain/fiscal-years.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-ACCOUNT-LOCKED (error 5): a line's account is locked, or the posting date falls in a closed
 * fiscal year (then GE names the entry's first account).
 */
export const accountLocked: InjectionRule = ({ file, entry }) => {
  const locked = entry.lines.find((l) => file.accounts[l.accountNumber]?.locked);
  if (locked) return reject('SGE-ACCOUNT-LOCKED', { account: locked.accountNumber });
  const fy = fiscalYearOf(Object.values(file.fiscalYears), entry.postingDate);
  // Stryker disable next-line OptionalChaining: equivalent in GE's order, rule 1 (journal-locked) has already refused a date in no fiscal year
  if (fy?.status === 'closed') return reject('SGE-ACCOUNT-LOCKED', { account: entry.lines[0]!.accountNumber });
  return accept;
};
