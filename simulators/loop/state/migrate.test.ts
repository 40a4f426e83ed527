import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../../cli/main.js';
import { openFileStore, StoreLoadError } from '../../../core/store.js';
import { healthyLoopFirm } from '../../../vendors/loop.js';
import { startSimulators } from '../../start.js';
import { LOOP_STATE_VERSION, migrateLoopState } from './migrate.js';
import { LoopStateSchema, writes, type LoopState } from './schema.js';

/**
 * A Loop state saved before the field types followed the public pages (version 1, no `version`
 * field): `fixtures/loop-state-v1.json` is the `healthy` preset's firm as that format held it
 * (compte revisionId "1" and compteBanque a boolean; journals without revisionId and with
 * compteContrepartie a code or null).
 */
const V1 = join(import.meta.dirname, 'fixtures/loop-state-v1.json');
const v1State = async () => JSON.parse(await readFile(V1, 'utf8')) as unknown;
/** The same firm as today's builders make it: what the migrated state must be. */
const current = () => healthyLoopFirm('CABV1', new Date('2026-03-16T09:00:00Z'));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgersim-loop-migrate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A data directory holding `state` as `loop.json`, written by a store that checks nothing (as an older ledgersim did). */
async function saved(state: unknown): Promise<void> {
  const store = await openFileStore({ dir, name: 'loop', schema: z.any(), initial: () => state });
  await store.close();
}

const open = (migrate: typeof migrateLoopState | null = migrateLoopState) =>
  openFileStore<LoopState>({
    dir,
    name: 'loop',
    schema: LoopStateSchema,
    ...(migrate ? { migrate } : {}),
    initial: () => ({ tenants: {} }),
  });

describe('a Loop state of an older format', () => {
  it('does not validate as it is (what the migration is for)', async () => {
    expect(LoopStateSchema.safeParse(await v1State()).success).toBe(false);
  });

  it('loads migrated in memory into what the builders make today, and the file is left as it was', async () => {
    await saved(await v1State());
    const before = await readFile(join(dir, 'loop.json'));
    const store = await open();
    expect(store.data.version).toBe(LOOP_STATE_VERSION);
    expect(store.data.tenants.CABV1).toEqual(current());
    await store.close();
    expect(await readFile(join(dir, 'loop.json'))).toEqual(before);
  });

  it('is written in the new format by the next snapshot, and a change logged over the old one replays', async () => {
    await saved(await v1State());
    const crashed = await open();
    await crashed.commit([writes.folder('CABV1', 'F1').set(['name'], 'BOULANGERIE MARTIN ET FILS')]);
    // Durable in the log, never closed (a clean close writes a snapshot): as after a crash.
    await crashed.flush();
    // Until a snapshot, the file is the old format: without the migration it does not load.
    await expect(open(null)).rejects.toBeInstanceOf(StoreLoadError);
    // The log written after the migration, replayed over the old snapshot, migrated again.
    const reopened = await open();
    expect(reopened.data.tenants.CABV1!.folders.F1!.name).toBe('BOULANGERIE MARTIN ET FILS');
    await reopened.compact();
    await reopened.close();
    // New format on disk: it loads with no migration at all, and says its version.
    const plain = await open(null);
    expect(plain.data.version).toBe(LOOP_STATE_VERSION);
    expect(plain.data.tenants.CABV1).toEqual({
      ...current(),
      folders: { F1: { ...current().folders.F1!, name: 'BOULANGERIE MARTIN ET FILS' } },
    });
    await plain.close();
  });

  it('is what `ledgersim start --data` serves: the journal counterpart as the pages show it', async () => {
    await saved(await v1State());
    const running = await startSimulators({ portBase: 0, dataDir: dir, only: ['loop'], now: '2026-03-16T09:00:00Z' });
    try {
      const loop = running.simulators.find((s) => s.name === 'loop')!;
      const state = (await (await fetch(`${loop.url}/__admin/state`)).json()) as z.infer<typeof LoopStateSchema>;
      expect(state.tenants.CABV1!.folders.F1!.journaux.BQ!.compteContrepartie).toEqual(
        current().folders.F1!.journaux.BQ!.compteContrepartie,
      );
    } finally {
      await running.close();
    }
  });

  it('`ledgersim check` reads it as the start will (migrated), and says nothing is wrong', async () => {
    await saved(await v1State());
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['check', '--data', dir], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      colour: false,
    });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
  });
});

describe('a Loop state of a newer format', () => {
  it('is refused at load with a message naming the file and its version, and the file is left as it was', async () => {
    await saved({ version: LOOP_STATE_VERSION + 1, tenants: {} });
    const before = await readFile(join(dir, 'loop.json'));
    const error = await open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as StoreLoadError).file).toBe(join(dir, 'loop.json'));
    expect((error as Error).message).toBe(
      `${join(dir, 'loop.json')}: cannot be read: it is a Loop state of version ${LOOP_STATE_VERSION + 1}, written by a newer ledgersim (this one reads up to version ${LOOP_STATE_VERSION}): upgrade ledgersim, or start from another --data directory; the file was left as it is`,
    );
    expect(await readFile(join(dir, 'loop.json'))).toEqual(before);
    const said: string[] = [];
    const say = (l: string) => said.push(l);
    expect(await main(['check', '--data', dir], { out: say, err: say, colour: false })).toBe(1);
    expect(said.join('\n')).toContain(`${join(dir, 'loop.json')}`);
    expect(said.join('\n')).toContain(`version ${LOOP_STATE_VERSION + 1}`);
  });
});
