import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import { fiscalYearOf } from '../domain/fiscal-years.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-JOURNAL-LOCKED (error 1): the journal is not open. Either it is locked / read-only (or does
 * not exist in the file), or closed in the posting date's fiscal year, or the posting date falls in
 * no fiscal year opened in GE at all.
 */
export const journalLocked: InjectionRule = ({ file, entry }) => {
  const journal = file.journals[entry.journalCode];
  if (!journal || journal.locked) return reject('SGE-JOURNAL-LOCKED');
  const fy = fiscalYearOf(Object.values(file.fiscalYears), entry.postingDate);
  if (!fy) return reject('SGE-JOURNAL-LOCKED');
  // Closed in the posting date's fiscal year only: "the journals may be locked despite an open fiscal year".
  if (fy.closedJournals?.includes(entry.journalCode)) return reject('SGE-JOURNAL-LOCKED');
  return accept;
};
