import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { DossierState, PeriodState } from '../state/schema.js';

export const openPeriods = (dossier: DossierState): PeriodState[] =>
  Object.values(dossier.periods).filter((p) => p.status === 'open');

/** QDR-PERIOD-NOT-OPEN (variant 0): the dossier has no open accounting period. */
export const periodNotOpen = (dossier: DossierState): RuleResult =>
  openPeriods(dossier).length > 0 ? accept : reject('QDR-PERIOD-NOT-OPEN', { file: dossier.code });

/**
 * QDR-PERIOD-NOT-OPEN (variant 1): an imported line is dated outside every open period (in a
 * closed one, "écriture sur période clôturée", or in none).
 */
export const lineOutsideOpenPeriod = (dossier: DossierState, line: number, date: string): RuleResult =>
  // Stryker disable next-line MethodExpression: equivalent, one period is open at a time (open-period refuses a second) and periodNotOpen has refused none
  openPeriods(dossier).some((p) => p.start <= date && date <= p.end)
    ? accept
    : reject('QDR-PERIOD-NOT-OPEN', { line: String(line), date, file: dossier.code }, 1);
