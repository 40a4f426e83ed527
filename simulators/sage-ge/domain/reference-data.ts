import type { SageThirdParty } from '../../../contracts/sage-ge/wire.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { writes, type EntityState, type FileState } from '../state/schema.js';
import { covers, dayOf } from './fiscal-years.js';

/**
 * Third parties and their subsidiary accounts are created or updated in GE when the hub sends
 * them. Before the file has received any entry (the first connection), GE also records the batch
 * as one it will reject, harmlessly, at the next opening of the accounting.
 */
export function upsertThirdParties(
  entity: EntityState,
  file: FileState,
  thirdParties: readonly SageThirdParty[],
): DomainResult<{ created: number; updated: number }> {
  const inFile = writes.file(entity.id, file.id);
  const changes: Change[] = [];
  let created = 0;
  let updated = 0;
  for (const tp of thirdParties) {
    if (Object.hasOwn(file.thirdParties, tp.subsidiaryAccount)) updated += 1;
    else created += 1;
    changes.push(inFile.set(['thirdParties', tp.subsidiaryAccount], tp));
    changes.push(
      inFile.set(['subsidiaryAccounts', tp.subsidiaryAccount], {
        code: tp.subsidiaryAccount,
        label: tp.name,
        collectiveAccount: tp.collectiveAccount,
      }),
    );
  }
  if (file.nextEntrySeq === 1) {
    const id = `TP-${Object.keys(file.pendingThirdPartyBatches).length + 1}`;
    changes.push(inFile.set(['pendingThirdPartyBatches', id], { id, count: thirdParties.length }));
  }
  return done({ created, updated }, changes);
}

/** The fiscal year whose chart of accounts the hub pulls: the one covering today, else the latest open. */
export function currentFiscalYear(file: FileState, now: Date) {
  const years = Object.values(file.fiscalYears).sort((a, b) => a.start.localeCompare(b.start));
  const today = dayOf(now);
  return (
    years.find((fy) => fy.status === 'open' && covers(fy, today)) ??
    years.filter((fy) => fy.status === 'open').pop() ??
    years.pop()
  );
}
