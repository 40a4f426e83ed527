import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiveClock } from '../core/clock.js';
import { manualRealTime } from '../core/test-support.js';
import { importBody, json, setup as setupLoop } from './loop/test-support.js';
import { asciiFile, purchaseLines, setup, START } from './quadra/test-support.js';
import { startSimulators } from './start.js';

/**
 * `ledgersim start` runs a live clock: what is due on the virtual clock (Loop's import service,
 * Quadra's imports showing "a few minutes" after the opening) happens as real time passes, with
 * nobody calling /__admin/clock. Real time is driven by hand here.
 */
describe('work due on a live clock runs by itself', () => {
  it('Loop: an import waiting (EnAttente) is processed once its delay has passed in real time', async () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: START, real: time.real });
    const loop = setupLoop({ clock });
    const { sim } = loop;
    time.pass(1_000); // the start-up check runs (nothing due yet): from here only the import can wake the clock
    await sim.settled();
    expect(time.pending()).toBe(0);
    const res = await loop.request('/loop-api-publiques/importJson', {
      method: 'POST',
      as: 'CABA',
      json: importBody(),
    });
    expect(res.status).toBe(200);
    const { accountingImportRequestId: id } = (await json(res)) as { accountingImportRequestId: string };
    const statut = () => sim.store.data.tenants.CABA!.imports[id]!.statut;
    expect(statut()).toBe('EnAttente');
    time.pass(30_000);
    await sim.settled();
    expect(statut()).toBe('EnAttente');
    time.pass(30_000); // the firm's import delay (one minute) has run out: the timer fires by itself
    await sim.settled();
    expect(statut()).toBe('Termine');
    expect(time.pending()).toBe(0); // nothing else due: no timer left running
    clock.dispose();
  });

  it('Quadra: entries imported at the opening of the dossier show after the import delay, in real time', async () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: START, real: time.real });
    const h = setup({ clock });
    time.pass(1_000); // the start-up check runs: from here only the opening can wake the clock
    await h.sim.settled();
    expect(time.pending()).toBe(0);
    await h.upload(asciiFile(purchaseLines()));
    const opened = await h.openDossier();
    expect(opened.imported).toHaveLength(1);
    expect(await h.entries()).toEqual([]);
    time.pass(Date.parse(opened.imported[0]!.visibleAt) - clock.nowMs());
    await h.sim.settled();
    expect((await h.entries()).length).toBeGreaterThan(0);
    clock.dispose();
  });
});

describe('startSimulators with a data directory keeps the clock', () => {
  it('a frozen clock restarts where it was left, not at the machine date', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    try {
      const first = await startSimulators({
        portBase: 0,
        dataDir: dir,
        dashboard: false,
        only: ['loop'],
        now: '2031-05-01T08:00:00Z',
        clock: 'frozen',
      });
      first.clock.advance(36 * 3_600_000);
      await first.close();
      const second = await startSimulators({
        portBase: 0,
        dataDir: dir,
        dashboard: false,
        only: ['loop'],
        clock: 'frozen',
      });
      expect(second.clock.now().toISOString()).toBe('2031-05-02T20:00:00.000Z');
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a live clock keeps its offset from real time across a restart (time went on while it was down)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const time = manualRealTime(Date.parse('2026-12-03T10:00:00Z'));
    try {
      const first = await startSimulators({
        portBase: 0,
        dataDir: dir,
        dashboard: false,
        only: ['sage-ge'],
        now: '2031-05-01T08:00:00Z',
        clock: 'live',
        realTime: time.real,
      });
      first.clock.advance(3_600_000);
      await first.close();
      time.pass(10 * 60_000);
      const second = await startSimulators({
        portBase: 0,
        dataDir: dir,
        dashboard: false,
        only: ['sage-ge'],
        clock: 'live',
        realTime: time.real,
      });
      expect(second.clock.mode).toBe('live');
      expect(second.clock.now().toISOString()).toBe('2031-05-01T09:10:00.000Z');
      await second.close();
      expect(JSON.parse(await readFile(join(dir, 'clock.json'), 'utf8'))).toMatchObject({ mode: 'live' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged clock file with its name, and changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    try {
      await writeFile(join(dir, 'clock.json'), '{"mode":"sideways"}');
      await expect(startSimulators({ portBase: 0, dataDir: dir, dashboard: false, only: ['loop'] })).rejects.toThrow(
        /clock\.json: not a saved clock/,
      );
      expect(await readFile(join(dir, 'clock.json'), 'utf8')).toBe('{"mode":"sideways"}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
