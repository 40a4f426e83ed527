import { set } from '../../core/changes.js';
import { nextNight } from '../../core/clock.js';
import type { EntryFate, ReadBackPolicy } from '../types.js';
import { rejectionStatus, type FileContext, type HubContext } from './context.js';
import type { HubEntry } from './state.js';

/**
 * Reads back the fate of the file's entries whose check is due at `at`. A failed read (transport,
 * refused) changes nothing: the next run reads them back.
 */
export async function readBackDue(ctx: HubContext, clientFileId: string, file: FileContext, at: Date): Promise<void> {
  const due = Object.values(ctx.state().entries).filter(
    (r) =>
      r.entry.clientFileId === clientFileId &&
      // A pending entry with a receipt is one the read-back did not find, to be sent again (`resendDue`).
      (r.status.status === 'synchronizing' || r.status.status === 'pending') &&
      r.receipt &&
      (!r.checkAfter || Date.parse(r.checkAfter) <= at.getTime()),
  );
  if (due.length === 0) return;
  const fates = await file.connector.readBack(
    file.link.vendorFileId,
    due.map((r) => r.receipt!),
  );
  if (!fates.ok) return;
  for (const [i, record] of due.entries())
    await applyFate(ctx, record.entry.id, fates.value[i]!, at, file.connector.readBackPolicy);
}

async function applyFate(
  ctx: HubContext,
  entryId: string,
  fate: EntryFate,
  at: Date,
  policy: ReadBackPolicy,
): Promise<void> {
  const record = ctx.state().entries[entryId]!;
  // 'in-progress' changes nothing: its check was due already, so the next run reads it again.
  switch (fate.state) {
    case 'posted':
      return ctx.setStatus(
        entryId,
        {
          status: 'posted',
          postedAt: ctx.now(),
          vendorRef: record.receipt!.vendorRef,
          ...(fate.documentNumber ? { documentNumber: fate.documentNumber } : {}),
        },
        { checkAfter: undefined, resendDue: undefined },
      );
    case 'rejected':
      return ctx.setStatus(entryId, rejectionStatus(ctx.now(), fate), { checkAfter: undefined, resendDue: undefined });
    case 'not-found':
      return notFoundAgain(ctx, record, at, policy);
  }
}

/** The first check and then one per night, as many nights as the policy says; then its conclusion. */
async function notFoundAgain(ctx: HubContext, record: HubEntry, at: Date, policy: ReadBackPolicy): Promise<void> {
  const entryId = record.entry.id;
  const misses = record.readBackMisses + 1;
  const conclusion = policy.whenRetriesRunOut;
  if (
    conclusion &&
    misses > policy.notFoundRetryNights &&
    (!conclusion.onlyIfLaterBatchPosted || laterBatchPosted(ctx, record))
  ) {
    const status = {
      status: 'failed-check' as const,
      at: ctx.now(),
      message: conclusion.message,
      catalogueId: conclusion.catalogueId,
    };
    return ctx.setStatus(entryId, status, { readBackMisses: misses, checkAfter: undefined, resendDue: undefined });
  }
  if (policy.resendWhenNotFound) {
    // Pending sending again: the night run resends it, while nights remain; then it is only looked for.
    const resendDue = (record.nightResends ?? 0) < policy.notFoundRetryNights;
    const extra = { readBackMisses: misses, checkAfter: nextNight(at, ctx.nightHour).toISOString(), resendDue };
    if (record.status.status === 'pending') return ctx.put(['entries', entryId], { ...record, ...extra });
    return ctx.setStatus(entryId, { status: 'pending' }, extra);
  }
  await ctx.store.commit([
    set(['entries', entryId, 'readBackMisses'], misses),
    set(['entries', entryId, 'checkAfter'], nextNight(at, ctx.nightHour).toISOString()),
  ]);
}

/** Another entry of the file, of the same or a later batch, was posted (the entry itself is not: it is still looked for). */
function laterBatchPosted(ctx: HubContext, record: HubEntry): boolean {
  return Object.values(ctx.state().entries).some(
    (other) =>
      other.entry.clientFileId === record.entry.clientFileId &&
      other.status.status === 'posted' &&
      (other.batch ?? 0) >= (record.batch ?? 0),
  );
}
