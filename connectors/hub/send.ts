import { describeError, rejectionStatus, type FileContext, type HubContext } from './context.js';
import type { HubEntry } from './state.js';

/**
 * Sends the file's pending entries that the connector can send now, as one batch; returns how
 * many were sent. Entries it cannot send yet stay pending with the reason (Sage GE: no open
 * fiscal year for the date). `only: 'resends'` is the night run: it sends again what was sent
 * before (marked verified after a rejection, or a send left unconfirmed), never a first send
 * (seed 001: daily sends "once a day in the evening"; seed 002: resent "the following night").
 * An entry the read-back did not find (`resendDue`) goes only with the night run, once a night.
 */
export async function sendPending(
  ctx: HubContext,
  clientFileId: string,
  file: FileContext,
  only: 'all' | 'resends',
): Promise<number> {
  const referenceData = ctx.state().referenceData[clientFileId];
  if (!referenceData) return 0;
  const pending = Object.values(ctx.state().entries).filter(
    (r) =>
      r.entry.clientFileId === clientFileId &&
      r.status.status === 'pending' &&
      (r.resendDue === undefined ? only === 'all' || r.attempt > 0 : r.resendDue && only === 'resends'),
  );
  const sendable: HubEntry[] = [];
  for (const record of pending) {
    const check = file.connector.canSend(record.entry, referenceData);
    if (check.ok) sendable.push(record);
    else if (record.status.status !== 'pending' || record.status.reason !== check.reason) {
      await ctx.setStatus(record.entry.id, {
        status: 'pending',
        reason: check.reason,
        ...(check.catalogueId ? { catalogueId: check.catalogueId } : {}),
      });
    }
  }
  if (sendable.length === 0) return 0;
  const batch = batchSentAtThisMoment(ctx, clientFileId) ?? ctx.state().counters.batch + 1;
  if (batch > ctx.state().counters.batch) await ctx.put(['counters', 'batch'], batch);
  // An entry whose previous send may have reached the vendor keeps its attempt number, so the
  // vendor recognizes the resend; only a deliberate resend (after a rejection) is a new attempt.
  const items = sendable.map((r) => ({
    entry: r.entry,
    attempt: Math.max(r.attempt, 1),
    trackingCode: r.trackingCode,
    ...(r.unconfirmedSince ? { unconfirmedSince: r.unconfirmedSince } : {}),
    ...(r.resendDue ? { notFoundAtReadBack: true as const } : {}),
  }));
  const result = await file.connector.pushEntries(file.link.vendorFileId, items, referenceData);
  if (!result.ok) {
    for (const record of sendable) {
      if (result.error.kind === 'vendor-rejection')
        await ctx.setStatus(record.entry.id, rejectionStatus(ctx.now(), result.error), {
          attempt: Math.max(record.attempt, 1),
        });
      else await ctx.put(['entries', record.entry.id, 'lastError'], describeError(result.error));
    }
    return 0;
  }
  let sent = 0;
  const checkAfter = new Date(ctx.clock.nowMs() + file.connector.readBackPolicy.firstCheckAfterMs).toISOString();
  for (const item of result.value) {
    const record = ctx.state().entries[item.entryId]!;
    const attempt = Math.max(record.attempt, 1);
    if (item.ok && record.resendDue) {
      // A nightly resend of an entry not found: it stays "pending sending", looked for the next night;
      // it keeps its batch, which the read-back policy compares with later batches.
      // Stryker disable next-line AssignmentOperator: only the night run sends these, and its report is not read (the resent entry's check is the next night's)
      sent += 1;
      await ctx.put(['entries', item.entryId], {
        ...record,
        receipt: item.value,
        resendDue: false,
        nightResends: (record.nightResends ?? 0) + 1,
        lastError: undefined,
      });
    } else if (item.ok) {
      sent += 1;
      const notes = item.value.notes
        ?.map((n) => (n.catalogueId ? `${n.catalogueId}: ${n.message}` : n.message))
        .join('; ');
      await ctx.setStatus(
        item.entryId,
        { status: 'synchronizing', sentAt: ctx.now(), vendorRef: item.value.vendorRef, attempts: attempt },
        {
          attempt,
          receipt: item.value,
          batch,
          readBackMisses: 0,
          checkAfter,
          lastError: undefined,
          unconfirmedSince: undefined,
        },
        notes || undefined,
      );
    } else if (item.error.kind === 'vendor-rejection') {
      await ctx.setStatus(item.entryId, rejectionStatus(ctx.now(), item.error), {
        attempt,
        unconfirmedSince: undefined,
      });
    } else {
      await ctx.put(['entries', item.entryId, 'lastError'], describeError(item.error));
      // Kept with the entry (not in the connector's memory), so a restarted hub still holds it back.
      if (item.unconfirmedSince) await ctx.put(['entries', item.entryId, 'unconfirmedSince'], item.unconfirmedSince);
    }
  }
  return sent;
}

/**
 * The batch this file already sent at this very moment, if any. Real time sends each entry as it
 * is validated, so entries validated together go out one call after another at one instant of the
 * clock: they are still one batch, which the read-back policy compares (seed 003, "other entries
 * from the same batch"). An entry whose send wrote its history line now was sent now.
 */
function batchSentAtThisMoment(ctx: HubContext, clientFileId: string): number | undefined {
  const now = ctx.now();
  let batch: number | undefined;
  for (const record of Object.values(ctx.state().entries)) {
    if (record.entry.clientFileId !== clientFileId || record.batch === undefined) continue;
    if (record.history.some((h) => h.status === 'synchronizing' && h.at === now))
      batch = Math.max(batch ?? 0, record.batch);
  }
  return batch;
}
