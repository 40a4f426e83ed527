import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../core/clock.js';
import { createMemoryStore } from '../../core/store.js';
import { CLIENT, entry, fakeVendor, REFERENCE, REJECTION, setUp, START } from '../testing/fake-vendor.js';
import type { Connector } from '../types.js';
import { createHubEngine } from './engine.js';
import { emptyHubState, type HubState } from './state.js';

describe("the hub's connectors: one per connection, rebuilt when its credentials change", () => {
  it('keeps the connection\'s connector (its session) across synchronizations, and after "Edit API connection" never uses the old keys again', async () => {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    /** The credentials of each connector built, and those each push went out with. */
    const built: string[] = [];
    const pushedWith: string[] = [];
    const hub = createHubEngine({
      clock,
      connectorFor: (connection): Connector => {
        const secret = connection.credentials.secret!;
        built.push(secret);
        const connector = vendor.connector(connection.credentials);
        return {
          ...connector,
          pushEntries: (file, items, data) => {
            pushedWith.push(secret);
            return connector.pushEntries(file, items, data);
          },
        };
      },
    });
    const connection = await hub.connect({ vendor: 'fake', credentials: { secret: 'good' }, frequency: 'manual' });
    if (!connection.ok) throw new Error('connect failed');
    await hub.linkFile({ clientFile: CLIENT, connectionId: connection.value.id, vendorFileId: 'V1' });
    for (const id of ['P1', 'P2', 'P3']) {
      await hub.addEntry(entry(id));
      await hub.markVerified(id);
      await hub.synchronize();
    }
    // One to check the keys at "connect", one kept for the connection.
    expect(built).toEqual(['good', 'good']);
    vendor.secret = 'renewed';
    expect(await hub.editCredentials(connection.value.id, { secret: 'renewed' })).toEqual({
      ok: true,
      value: undefined,
    });
    for (const id of ['P4', 'P5']) {
      await hub.addEntry(entry(id));
      await hub.markVerified(id);
      await hub.synchronize();
    }
    expect(built).toEqual(['good', 'good', 'renewed', 'renewed']);
    expect(pushedWith).toEqual(['good', 'good', 'good', 'renewed', 'renewed']);
  });
});

describe("an entry's history", () => {
  it("shows with each move what the hub shows on it: the vendor's message on a rejection, the reason an entry waits", async () => {
    const { hub, vendor } = await setUp();
    vendor.onPush = () => 'reject';
    await hub.addEntry(entry('P1'));
    await hub.markVerified('P1');
    await hub.addEntry(entry('P2', { label: 'HOLD me' }));
    await hub.markVerified('P2');
    expect(hub.entry('P1')!.history.at(-1)).toMatchObject({ status: 'sync-failed', message: REJECTION.message });
    expect(hub.entry('P2')!.history.at(-1)).toEqual({
      at: START,
      status: 'pending',
      message: 'held by the vendor', // the fake vendor's reason
    });
    // A move with nothing to show has no message.
    expect(hub.entry('P2')!.history[0]).toEqual({ at: START, status: 'to-verify' });
  });

  it('keeps the last 50 moves of an entry, the latest last', async () => {
    const { hub, clock } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    const times: string[] = [];
    for (let i = 0; i < 60; i++) {
      clock.advance(60_000);
      times.push(clock.now().toISOString());
      await hub.markVerified('P1');
    }
    // 61 moves in all (to-verify, then 60 times pending): the first 11 are gone.
    expect(hub.entry('P1')!.history).toEqual(times.slice(10).map((at) => ({ at, status: 'pending' })));
  });
});

describe('a state whose link names no connection (a store handed to the engine, edited by hand)', () => {
  it('is a file with nothing to sync: no error, nothing sent, nothing changed', async () => {
    const clock = createVirtualClock({ start: START });
    const vendor = fakeVendor(clock);
    const initial: HubState = {
      ...emptyHubState(),
      clientFiles: { [CLIENT.id]: CLIENT },
      referenceData: { [CLIENT.id]: { ...REFERENCE, pulledAt: START } },
      links: {
        [CLIENT.id]: {
          clientFileId: CLIENT.id,
          vendor: 'fake',
          vendorFileId: 'V1',
          vendorFileName: 'Vendor file',
          active: true,
          linkedAt: START,
          connectionId: 'CONN-9',
        },
      },
    };
    const store = createMemoryStore<HubState>(structuredClone(initial));
    const hub = createHubEngine({ clock, store, connectorFor: (c) => vendor.connector(c.credentials) });
    expect(await hub.synchronize()).toEqual({ sent: 0, posted: 0, failed: 0, pending: 0 });
    expect(await hub.setFileActive(CLIENT.id, true)).toEqual({ ok: true, value: undefined });
    expect(await hub.refreshReferenceData(CLIENT.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await hub.runScheduler();
    clock.advance(8 * 24 * 3_600_000);
    await hub.runScheduler();
    expect(vendor.pushes).toEqual([]);
    expect(vendor.pulls).toBe(0);
    expect({ ...hub.store.data, scheduledUpTo: null }).toEqual(initial);
  });
});
