import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FolderState } from '../state/schema.js';

/** How Loop's messages name a fiscal year: the year it ends in. */
export const fiscalYearLabel = (fy: { end: string }) => fy.end.slice(0, 4);

/**
 * LOOP-INCOMPLETE-FOLDER: each open fiscal year of the folder needs a complete chart of accounts
 * and open journals (seed 004, "Verify prerequisites in Loop"). Checked when an import arrives.
 */
export function incompleteFolder(folder: FolderState): RuleResult {
  const open = Object.values(folder.fiscalYears)
    .filter((fy) => fy.status === 'open')
    .sort((a, b) => a.start.localeCompare(b.start));
  const hasChart = Object.keys(folder.comptes).length > 0;
  const hasOpenJournal = Object.values(folder.journaux).some((j) => !j.ferme);
  const incomplete = open.find((fy) => !fy.chartComplete || !hasChart || !hasOpenJournal);
  return incomplete
    ? reject('LOOP-INCOMPLETE-FOLDER', { folder: folder.code, fiscalYear: fiscalYearLabel(incomplete) })
    : accept;
}
