import { DAY } from '../../core/clock.js';
import type { HubContext } from './context.js';
import type { Connection } from './state.js';

const WEEK = 7 * DAY;

export interface ScheduledWork {
  synchronizeFile(clientFileId: string, mode: { send: boolean | 'resends'; at?: Date }): Promise<unknown>;
  pullInto(clientFileId: string): Promise<unknown>;
}

/**
 * Runs what fell due on the virtual clock since the last run, in time order: the evening sends
 * (HUB-SYNC-DAILY), the nightly run (resends of what was sent before and read-back checks, never a
 * first send; HUB-SYNC-MANUAL files are only read back, never sent), the weekly account sync (HUB-WEEKLY-ACCOUNT-SYNC), then the delayed
 * read-backs that are due now.
 */
export async function runScheduler(ctx: HubContext, work: ScheduledWork): Promise<void> {
  const state = ctx.state;
  const end = ctx.clock.nowMs();
  let from = state().scheduledUpTo ? Date.parse(state().scheduledUpTo!) : end;
  for (;;) {
    const evening = nextAt(from, ctx.eveningHour);
    const night = nextAt(from, ctx.nightHour);
    const t = Math.min(evening, night);
    if (t > end) break;
    const at = new Date(t);
    if (t === evening)
      for (const id of linkedFiles(ctx, (c) => c.frequency === 'daily'))
        await work.synchronizeFile(id, { send: true, at });
    if (t === night) {
      for (const id of linkedFiles(ctx, (c) => c.frequency !== 'manual'))
        await work.synchronizeFile(id, { send: 'resends', at });
      for (const id of linkedFiles(ctx, (c) => c.frequency === 'manual'))
        await work.synchronizeFile(id, { send: false, at });
    }
    from = t;
  }
  for (const connection of Object.values(state().connections)) {
    if (!connection.enabled || !connection.weeklyAccountSync) continue;
    const last = connection.lastWeeklySyncAt ? Date.parse(connection.lastWeeklySyncAt) : 0;
    if (end - last < WEEK) continue;
    for (const link of Object.values(state().links))
      if (link.connectionId === connection.id && link.active) await work.pullInto(link.clientFileId);
    await ctx.put(['connections', connection.id, 'lastWeeklySyncAt'], new Date(end).toISOString());
  }
  // Stryker disable next-line ObjectLiteral: `{}` has no `send`, which reads as false
  for (const id of linkedFiles(ctx, () => true)) await work.synchronizeFile(id, { send: false });
  await ctx.put(['scheduledUpTo'], new Date(end).toISOString());
}

/**
 * The linked files whose connection `filter` picks. A disabled connection or an inactive file
 * (HUB-DISABLE-INTEGRATION) is left to `synchronizeFile`, which neither sends nor reads it back.
 */
function linkedFiles(ctx: HubContext, filter: (connection: Connection) => boolean): string[] {
  return Object.values(ctx.state().links)
    .filter((link) => {
      const connection = ctx.state().connections[link.connectionId];
      return connection !== undefined && filter(connection);
    })
    .map((link) => link.clientFileId);
}

/** The first instant strictly after `fromMs` at `hour`:00 UTC. */
export function nextAt(fromMs: number, hour: number): number {
  const d = new Date(fromMs);
  const candidate = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour);
  return candidate > fromMs ? candidate : candidate + DAY;
}
