import { describe, expect, it } from 'vitest';
import { createVirtualClock, DAY, HOUR } from '../../core/clock.js';
import { entry, fakeVendor, setUp, START, statusOf } from '../testing/fake-vendor.js';
import type { Connector, ReadBackPolicy } from '../types.js';
import { createHubEngine } from './engine.js';

// START is 09:00 UTC: the evening run is at 20:00 (11 hours later), the night run at 02:00 (17 hours later).
// Each test runs the scheduler once at the start: its first run only marks where it starts from.

describe('the night run (seed 002: a resend goes "the following night, depending on your automatic sending settings")', () => {
  it('in real time, resends at night what was marked verified after a rejection, not at the evening run', async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'realtime' });
    await advance(0);
    vendor.onPush = () => 'reject';
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    vendor.onPush = () => 'accept';
    await hub.markVerified('P1');
    await advance(11 * HOUR); // 20:00
    expect(vendor.pushes.map((p) => p.attempt)).toEqual([1]);
    await advance(6 * HOUR); // 02:00
    expect(vendor.pushes.map((p) => p.attempt)).toEqual([1, 2]);
    expect(statusOf(hub, 'P1')).toBe('posted');
  });

  it('in manual mode, never resends: the entry waits for the Synchronize button', async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'manual' });
    await advance(0);
    vendor.onPush = () => 'reject';
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.synchronize();
    vendor.onPush = () => 'accept';
    await hub.markVerified('P1');
    await advance(3 * DAY);
    expect(vendor.pushes).toHaveLength(1);
    expect(statusOf(hub, 'P1')).toBe('pending');
    await hub.synchronize();
    expect(vendor.pushes.map((p) => p.attempt)).toEqual([1, 2]);
  });

  it('in manual mode, still reads back each night: three nights in one run count three misses', async () => {
    const policy: ReadBackPolicy = {
      firstCheckAfterMs: 0,
      notFoundRetryNights: 4,
      whenRetriesRunOut: { catalogueId: 'QDR-FAILED-CHECK', message: 'never shown', onlyIfLaterBatchPosted: false },
    };
    const { hub, vendor, advance } = await setUp({ frequency: 'manual', policy });
    await advance(0);
    vendor.onPush = () => 'lost';
    await hub.addEntry(entry('LOST'));
    await hub.markVerified('LOST');
    await hub.synchronize();
    expect(hub.entry('LOST')).toMatchObject({ status: { status: 'synchronizing' }, readBackMisses: 1 });
    // One scheduler run covering three nights (a hub that was stopped): each night looks once,
    // at that night's time; the next check is the night after the run.
    await advance(3 * DAY);
    expect(hub.entry('LOST')).toMatchObject({
      status: { status: 'synchronizing' },
      readBackMisses: 4,
      checkAfter: '2026-03-20T02:00:00.000Z',
    });
  });
});

describe('the evening run', () => {
  it("sends only the files in daily mode: a real-time or manual file's pending entry stays pending", async () => {
    const { hub, vendor, advance } = await setUp({ frequency: 'manual' });
    await advance(0);
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await advance(11 * HOUR); // 20:00
    expect(vendor.pushes).toEqual([]);
    expect(statusOf(hub, 'P1')).toBe('pending');
  });
});

describe('the weekly account sync (HUB-WEEKLY-ACCOUNT-SYNC)', () => {
  async function twoConnections() {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    const pulled: string[] = [];
    const hub = createHubEngine({
      clock,
      connectorFor: (connection): Connector => {
        const connector = vendor.connector(connection.credentials);
        return {
          ...connector,
          pullReferenceData: (fileId) => {
            pulled.push(`${connection.id}/${fileId}`);
            return connector.pullReferenceData(fileId);
          },
        };
      },
    });
    const weekly = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' }, frequency: 'manual' });
    const notWeekly = await hub.connect({
      vendor: 'fake',
      credentials: { secret: 'good' },
      frequency: 'manual',
      weeklyAccountSync: false,
    });
    if (!weekly.ok || !notWeekly.ok) throw new Error('connect failed');
    const link = (id: string, connectionId: string, vendorFileId: string) =>
      hub.linkFile({ clientFile: { id, name: id }, connectionId, vendorFileId });
    await link('C1', weekly.value.id, 'V1');
    await link('C2', weekly.value.id, 'V2');
    await link('C3', notWeekly.value.id, 'V3');
    await hub.setFileActive('C2', false);
    pulled.length = 0;
    const advance = async (ms: number) => {
      clock.advance(ms);
      await hub.runScheduler();
    };
    return { hub, pulled, advance, weekly: weekly.value.id };
  }

  it("pulls the active files of each connection that has it on, once a week; not an inactive file, nor another connection's", async () => {
    const { pulled, advance, weekly } = await twoConnections();
    await advance(7 * DAY);
    expect(pulled).toEqual([`${weekly}/V1`]);
    await advance(6 * DAY);
    expect(pulled).toEqual([`${weekly}/V1`]);
    await advance(DAY);
    expect(pulled).toEqual([`${weekly}/V1`, `${weekly}/V1`]);
  });

  it('records when it last ran on the connection', async () => {
    const { hub, advance, weekly } = await twoConnections();
    await advance(7 * DAY);
    expect(hub.store.data.connections[weekly]!.lastWeeklySyncAt).toBe('2026-03-23T09:00:00.000Z');
  });
});
