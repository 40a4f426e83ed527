import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { faultyFileLayer, nodeFileLayer, type FileLayer } from '../core/file-layer.js';
import { CLOCK_FILE, createClockFile, latestRecordedInstant, readClockFile, type SavedClock } from './clock-file.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-file-'));
  dirs.push(dir);
  return dir;
};

/** A file layer that counts the clock files opened for writing. */
function counting(base: FileLayer = nodeFileLayer) {
  const counts = { opened: 0 };
  const layer: FileLayer = {
    ...base,
    async open(path, flags) {
      if (flags === 'w') counts.opened += 1;
      return base.open(path, flags);
    },
  };
  return { layer, counts };
}

const frozenAt = (now: string, tenants: SavedClock['tenants'] = {}): SavedClock => ({ mode: 'frozen', now, tenants });

describe('the clock file', () => {
  it('coalesces the moves of a burst into one write, and a flush resolves once the last is on disk', async () => {
    const dir = await tempDir();
    const { layer, counts } = counting();
    let current = frozenAt('2030-01-01T00:00:00.000Z');
    const file = createClockFile({ dir, fs: layer, warn: () => {}, serialize: () => current });
    for (let i = 1; i <= 500; i += 1) {
      current = frozenAt(new Date(Date.parse('2030-01-01T00:00:00Z') + i * 60_000).toISOString());
      file.schedule(); // each clock move: nothing is written on the caller's turn
    }
    expect(counts.opened).toBe(0);
    expect(file.pending).toBe(true);
    await file.flush();
    expect(file.pending).toBe(false);
    expect(counts.opened).toBe(1);
    expect(await readClockFile(join(dir, CLOCK_FILE))).toEqual({ kind: 'saved', saved: current });
    expect(await readdir(dir)).toEqual([CLOCK_FILE]); // the tmp file was renamed over it
  });

  it('a move made while a write is under way gets a write of its own after it', async () => {
    const dir = await tempDir();
    const { layer, counts } = counting();
    let current = frozenAt('2030-01-01T00:00:00.000Z');
    const file = createClockFile({ dir, fs: layer, warn: () => {}, serialize: () => current });
    file.schedule();
    const first = file.flush();
    await new Promise<void>((resolve) => setImmediate(resolve)); // the first write has started
    current = frozenAt('2030-06-01T00:00:00.000Z', { quadra: { '100001': { offsetMs: 3_600_000 } } });
    file.schedule();
    await first;
    await file.flush();
    expect(counts.opened).toBe(2);
    expect(await readClockFile(join(dir, CLOCK_FILE))).toEqual({ kind: 'saved', saved: current });
  });

  it('writes nothing when nothing saved changed (a live clock waking up moves no offset)', async () => {
    const dir = await tempDir();
    const { layer, counts } = counting();
    let now = Date.parse('2030-01-01T00:00:00Z');
    const file = createClockFile({
      dir,
      fs: layer,
      warn: () => {},
      serialize: () => ({ mode: 'live', now: new Date(now).toISOString(), offsetMs: 42, tenants: {} }),
    });
    file.schedule();
    await file.flush();
    now += 90_000;
    file.schedule();
    await file.flush();
    expect(counts.opened).toBe(1);
  });

  it('a write the disk refuses (fsync failing after the data was written) leaves the last saved file whole, says so, and is retried', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const warnings: string[] = [];
    let current = frozenAt('2030-01-01T00:00:00.000Z');
    const file = createClockFile({ dir, fs: layer, warn: (t) => warnings.push(t), serialize: () => current });
    file.schedule();
    await file.flush();
    // The new content reaches the tmp file, its fsync fails: it must never replace the saved one.
    control.failing = 'EIO';
    control.syncOnly = true;
    current = frozenAt('2031-01-01T00:00:00.000Z', {
      'sage-ge': { 'ENT-1': { frozenAt: '2031-02-02T00:00:00.000Z' } },
    });
    file.schedule();
    await file.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, CLOCK_FILE));
    expect(warnings[0]).toMatch(/EIO/);
    expect(await readClockFile(join(dir, CLOCK_FILE))).toEqual({
      kind: 'saved',
      saved: frozenAt('2030-01-01T00:00:00.000Z'),
    });
    expect(file.pending).toBe(true);
    control.failing = null;
    await file.flush(); // no new move: the flush itself retries
    expect(await readClockFile(join(dir, CLOCK_FILE))).toEqual({ kind: 'saved', saved: current });
  });

  it('reads a missing file as absent and a torn or foreign one as damaged, saying what is wrong', async () => {
    const dir = await tempDir();
    const path = join(dir, CLOCK_FILE);
    expect(await readClockFile(path)).toEqual({ kind: 'absent' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, '{"mode":"frozen","now":"2030-0');
    expect(await readClockFile(path)).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/^not JSON/) });
    await writeFile(path, '{"mode":"sideways","now":"2030-01-01T00:00:00Z"}');
    expect(await readClockFile(path)).toMatchObject({ kind: 'damaged', problem: expect.stringMatching(/^mode:/) });
    await writeFile(path, '{"mode":"frozen","now":"2030-01-01T00:00:00Z","tenants":{"loop":{"A":{"offsetMs":"1"}}}}');
    expect(await readClockFile(path)).toMatchObject({
      kind: 'damaged',
      problem: expect.stringMatching(/^tenants\.loop\.A/),
    });
    expect(await readFile(path, 'utf8')).toContain('"offsetMs":"1"'); // reading changes nothing
  });
});

describe('latestRecordedInstant', () => {
  it('takes the latest instant recorded as past, at any depth, and leaves out what lies ahead by design', () => {
    const state = {
      tenants: {
        A: {
          imports: {
            i1: { receivedAt: '2030-01-01T10:00:00.000Z', dueAt: '2030-01-01T10:01:00.000Z', processedAt: null },
            i2: { receivedAt: '2030-01-02T10:00:00.000Z', dueAt: '2031-01-01T00:00:00.000Z' },
          },
          referenceAdministrator: { certificateExpiresAt: '2040-01-01T00:00:00.000Z' },
          sas: [{ expiresAt: '2041-01-01T00:00:00.000Z' }],
          batches: [{ uploadedAt: '2030-01-03T08:00:00.000Z', visibleAt: '2030-01-03T08:05:00.000Z' }],
          fiscalYear: { start: '2030-01-01', end: '2030-12-31' },
          label: 'not an instant',
          lastAt: 'not an instant either',
        },
      },
    };
    expect(new Date(latestRecordedInstant(state)!).toISOString()).toBe('2030-01-03T08:00:00.000Z');
    expect(latestRecordedInstant({ tenants: {} })).toBeUndefined();
  });
});
