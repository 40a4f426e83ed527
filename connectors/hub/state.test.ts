import { describe, expect, it } from 'vitest';
import { DAY } from '../../core/clock.js';
import { entry, setUp } from '../testing/fake-vendor.js';
import type { ReadBackPolicy } from '../types.js';
import { emptyHubState, HubStateSchema } from './state.js';

/** Drops the fields written as `undefined` (a JSON file would not keep them). */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("the hub's state schema describes the state the engine keeps", () => {
  it('reads back every field of a state that went through sends, a rejection, a resend, a lost entry and the scheduler', async () => {
    const policy: ReadBackPolicy = { firstCheckAfterMs: 0, notFoundRetryNights: 2, resendWhenNotFound: true };
    const { hub, vendor, advance } = await setUp({ frequency: 'realtime', policy });
    vendor.notes = [{ catalogueId: 'QDR-ACCOUNT-8-CHARS', message: 'account FOURNISSEURBUREAU sent as FOURNISS' }];
    await advance(0);
    vendor.onPush = (e) => (e.id === 'LOST' ? 'lost' : e.id === 'REJ' ? 'reject' : 'accept');
    for (const id of ['OK', 'LOST', 'REJ']) {
      await hub.addEntry(entry(id));
      await hub.markVerified(id);
    }
    await hub.markVerified('REJ');
    await advance(DAY);
    const state = asStored(hub.store.data) as typeof hub.store.data;
    // What the test needs the state to hold, so that every part of the schema is read.
    expect(state.entries.REJ).toMatchObject({ attempt: 2 });
    expect(state.entries.LOST).toMatchObject({ readBackMisses: 2, nightResends: 1 });
    expect(state.entries.OK!.receipt?.notes).toEqual(vendor.notes);
    expect(Object.keys(state.connections)).toHaveLength(1);
    expect(HubStateSchema.parse(state)).toEqual(state);
  });

  it('reads back the empty state', () => {
    expect(HubStateSchema.parse(emptyHubState())).toEqual(emptyHubState());
  });

  it('refuses negative counts', async () => {
    const { hub } = await setUp({ frequency: 'manual' });
    await hub.addEntry(entry('P1'));
    const state = asStored(hub.store.data) as typeof hub.store.data;
    for (const field of ['attempt', 'readBackMisses', 'nightResends'] as const) {
      const bad = structuredClone(state);
      bad.entries.P1![field] = -1;
      const parsed = HubStateSchema.safeParse(bad);
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['entries', 'P1', field]);
    }
  });
});
