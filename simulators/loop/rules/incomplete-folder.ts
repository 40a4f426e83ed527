import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FolderState } from '../state/schema.js';

/** How Loop's messages name a fiscal year: the year it ends in. */
export const fiscalYearLabel = (fy: { end: string }) => fy.end.slice(0, 4);

/**
 * LOOP-INCOMPLETE-FOLDER: each open fiscal year of the folder needs a complete chart of accounts
 * and open journals (seed 004, "Verify prerequisites in Loop"). Checked when an import arrives.
 */
export function incompleteFolder(folder: FolderState): RuleResult {
  // Read in place (every import asks): a list of the chart's keys was a whole chart per import.
  let hasChart = false;
  for (const _ in folder.comptes) {
    hasChart = true;
    break;
  }
  let hasOpenJournal = false;
  for (const code in folder.journaux)
    if (!folder.journaux[code]!.ferme) {
      hasOpenJournal = true;
      break;
    }
  // The earliest incomplete open year (the first of equal starts, as a stable sort would give).
  let incomplete: FolderState['fiscalYears'][string] | undefined;
  for (const id in folder.fiscalYears) {
    const fy = folder.fiscalYears[id]!;
    if (fy.status !== 'open' || (fy.chartComplete && hasChart && hasOpenJournal)) continue;
    if (!incomplete || fy.start.localeCompare(incomplete.start) < 0) incomplete = fy;
  }
  return incomplete
    ? reject('LOOP-INCOMPLETE-FOLDER', { folder: folder.code, fiscalYear: fiscalYearLabel(incomplete) })
    : accept;
}
