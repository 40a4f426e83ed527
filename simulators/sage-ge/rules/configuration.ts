import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import { covers, dayAfter, dayOf, openFiscalYears, yearLabel } from '../domain/fiscal-years.js';
import type { FileState, FiscalYearState } from '../state/schema.js';

/**
 * The fiscal-year configuration check (the red triangle), on the fiscal years as the Marketplace
 * last synchronized them: a change in GE shows only after "Resynchronize fiscal years".
 *  - SGE-FY-NOT-COVERING-TODAY: no open fiscal year covers today;
 *  - SGE-FY-OPEN-RULES: more than two open, or overlapping, or not consecutive;
 *  - SGE-FY-INCOMPLETE: an open fiscal year without a complete chart, or without an open journal.
 */
export function configurationProblem(file: FileState, now: Date): RuleResult {
  const today = dayOf(now);
  const years = fiscalYearProblem(file, today);
  if (!years.ok) return years;
  // The most recent open year without an open journal: a journal locked in the file is closed in
  // every year, one closed in a year (Year Menu) only there. Read in place: this runs on every
  // request of the file, and a sorted copy of the years and a list of the journals per request
  // were most of what the check allocated.
  const open = sortedOpenYears(file.marketplaceFiscalYears.fiscalYears);
  for (let i = open.length - 1; i >= 0; i--) {
    const fy = open[i]!;
    if (!hasOpenJournal(file, fy)) return reject('SGE-FY-INCOMPLETE', { file: file.name, year: yearLabel(fy) });
  }
  return accept;
}

/** The open years of a snapshot, oldest first: an array is replaced whole by a change, never edited in place. */
const openYears = new WeakMap<readonly FiscalYearState[], FiscalYearState[]>();
function sortedOpenYears(fiscalYears: readonly FiscalYearState[]): FiscalYearState[] {
  let open = openYears.get(fiscalYears);
  if (!open) {
    open = openFiscalYears(fiscalYears);
    openYears.set(fiscalYears, open);
  }
  return open;
}

function hasOpenJournal(file: FileState, fy: FiscalYearState): boolean {
  for (const code in file.journals) {
    const journal = file.journals[code]!;
    if (!journal.locked && !fy.closedJournals?.includes(journal.code)) return true;
  }
  return false;
}

/**
 * The fiscal-year part of the check depends only on the Marketplace's snapshot (replaced whole by
 * each resynchronization), the file's name and the day: it is computed once per day and snapshot,
 * not on every request.
 */
const verdicts = new WeakMap<object, { key: string; result: RuleResult }>();

function fiscalYearProblem(file: FileState, today: string): RuleResult {
  const key = `${today}\u0000${file.name}`;
  const cached = verdicts.get(file.marketplaceFiscalYears);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache miss computes the same verdict again
  if (cached?.key === key) return cached.result;
  const result = computeFiscalYearProblem(file, today);
  // Stryker disable next-line ObjectLiteral: equivalent, an entry without its key is never a hit, so the verdict is computed again
  verdicts.set(file.marketplaceFiscalYears, { key, result });
  return result;
}

function computeFiscalYearProblem(file: FileState, today: string): RuleResult {
  const open = openFiscalYears(file.marketplaceFiscalYears.fiscalYears);
  if (!open.some((fy) => covers(fy, today)))
    return reject('SGE-FY-NOT-COVERING-TODAY', { file: file.name, date: today });
  const years = open.map(yearLabel).join(', ');
  if (open.length > 2) return reject('SGE-FY-OPEN-RULES', { file: file.name, years });
  if (open.length === 2 && dayAfter(open[0]!.end) !== open[1]!.start)
    return reject('SGE-FY-OPEN-RULES', { file: file.name, years });
  const incomplete = open.find((fy) => !fy.chartComplete);
  if (incomplete) return reject('SGE-FY-INCOMPLETE', { file: file.name, year: yearLabel(incomplete) });
  return accept;
}
