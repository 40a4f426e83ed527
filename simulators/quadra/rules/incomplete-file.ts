import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { AccountState, DossierState } from '../state/schema.js';

/** Quadra's default collectives (`Dossier2.CollectifFrnDefaut` / `CollectifClientDefaut`). */
export const SUPPLIER_COLLECTIVE = '40100000';
export const CUSTOMER_COLLECTIVE = '41100000';

/**
 * A complete chart (simulator's own definition; the seed does not say): the two default
 * collectives, and at least one general account in each PCG class 1 to 7.
 */
export function isChartComplete(accounts: Record<string, AccountState>): boolean {
  if (!Object.hasOwn(accounts, SUPPLIER_COLLECTIVE) || !Object.hasOwn(accounts, CUSTOMER_COLLECTIVE)) return false;
  const classes = new Set(
    Object.values(accounts)
      .filter((a) => a.type === 'G')
      .map((a) => a.number[0]),
  );
  return ['1', '2', '3', '4', '5', '6', '7'].every((c) => classes.has(c));
}

/** QDR-INCOMPLETE-FILE (variant 0): the chart of accounts is incomplete or no journal is open. */
export const incompleteFile = (dossier: DossierState): RuleResult =>
  isChartComplete(dossier.accounts) && Object.values(dossier.journals).some((j) => j.status === 'open')
    ? accept
    : reject('QDR-INCOMPLETE-FILE', { file: dossier.code });

/**
 * QDR-INCOMPLETE-FILE: an imported line names a journal that is locked (variant 1) or that the
 * dossier does not have at all (variant 2, the simulator's own message).
 */
export function journalNotOpen(dossier: DossierState, line: number, journal: string): RuleResult {
  const params = { line: String(line), journal, file: dossier.code };
  if (!Object.hasOwn(dossier.journals, journal)) return reject('QDR-INCOMPLETE-FILE', params, 2);
  return dossier.journals[journal]!.status === 'open' ? accept : reject('QDR-INCOMPLETE-FILE', params, 1);
}
