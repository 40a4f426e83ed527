import type { FecReferenceData } from '../contracts/fec/parse.js';
import type { EntityState, JournalState } from '../simulators/sage-ge/state/schema.js';

/**
 * The customer's reference data (from their FEC) laid over a scenario's vendor state, so the
 * rejection replays on their own chart of accounts, subsidiary accounts and journals. The
 * scenario's own accounts and journals stay (its steps need them), with the FEC's labels where
 * the numbers are the same; what the scenario set on them (locked, collective) is kept.
 * Sage GE only so far: the Quadra and Loop states are not seeded (said so by `seedFor`).
 */

const JOURNAL_TYPES: [RegExp, JournalState['type']][] = [
  [/^(HA|AC|ACH)/i, 'purchase'],
  [/^(VT|VE|VEN)/i, 'sales'],
  [/^(BQ|BA|BK)/i, 'bank'],
  [/^(CA|CAI)/i, 'cash'],
  [/^(NDF|NF)/i, 'expense-report'],
];

function seedSageGe(tenant: EntityState, fileId: string, ref: FecReferenceData): EntityState {
  const file = tenant.files[fileId];
  if (!file) return tenant;
  const accounts = { ...file.accounts };
  for (const a of ref.accounts) {
    const own = accounts[a.number];
    accounts[a.number] = own
      ? { ...own, label: a.label || own.label, collective: own.collective || a.collective }
      : { number: a.number, label: a.label || a.number, collective: a.collective, locked: false, autoCreated: false };
  }
  const subsidiaryAccounts = { ...file.subsidiaryAccounts };
  for (const s of ref.subsidiaryAccounts)
    subsidiaryAccounts[s.code] ??= { code: s.code, label: s.label || s.code, collectiveAccount: s.collectiveAccount };
  const journals = { ...file.journals };
  for (const j of ref.journals) {
    const own = journals[j.code];
    journals[j.code] = own
      ? { ...own, label: j.label || own.label }
      : {
          code: j.code,
          label: j.label || j.code,
          type: JOURNAL_TYPES.find(([re]) => re.test(j.code))?.[1] ?? 'misc',
          locked: false,
          autoNumbering: { enabled: false, prefix: j.code, next: 1 },
        };
  }
  return { ...tenant, files: { ...tenant.files, [fileId]: { ...file, accounts, subsidiaryAccounts, journals } } };
}

/** The seeding function for a vendor, or why there is none. */
export function seedFor(
  vendor: string,
  ref: FecReferenceData,
): { seed: (tenant: unknown, fileId: string) => unknown } | { unsupported: string } {
  if (vendor === 'sage-ge') return { seed: (tenant, fileId) => seedSageGe(tenant as EntityState, fileId, ref) };
  return {
    unsupported: `--fec seeds the Sage GE state only for now; the ${vendor} scenario ran on its own reference data`,
  };
}
