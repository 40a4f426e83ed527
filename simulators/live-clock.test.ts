import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exitOf, startLedgersimChild } from '../cli/child.js';
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

  it('every tenant keeps its own time line across a restart: a flowing one its offset, a frozen one its instant', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const time = manualRealTime(Date.parse('2026-12-03T10:00:00Z'));
    const options = { portBase: 0, dataDir: dir, dashboard: false, clock: 'live', realTime: time.real } as const;
    try {
      const first = await startSimulators({ ...options, now: '2031-05-01T08:00:00Z' });
      const admin = (name: string, path: string, init?: RequestInit) =>
        first.simulators.find((s) => s.name === name)!.simulator.app.request(`/__admin${path}`, init);
      const post = (body: unknown) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect((await admin('sage-ge', '/tenants/ENT-2/clock', post({ advance: '3d' }))).status).toBe(200);
      const quadra = await (await admin('quadra', '/tenants/100002')).text();
      const put = await admin('quadra', '/tenants/100002?now=2029-02-01T12:00:00Z&frozen=true', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: quadra,
      });
      expect(put.status).toBe(200);
      expect((await admin('loop', '/tenants/CAB27528/clock', post({ set: '2031-04-30T08:00:00Z' }))).status).toBe(200);
      const before: Record<string, any> = Object.fromEntries(
        await Promise.all(
          first.simulators.map(async (s) => [s.name, await (await admin(s.name, '/clock')).json()] as const),
        ),
      );
      await first.close();

      time.pass(10 * 60_000); // ten minutes down: the live lines went on, the frozen one did not
      const second = await startSimulators(options);
      const after: Record<string, any> = Object.fromEntries(
        await Promise.all(
          second.simulators.map(
            async (s) => [s.name, await (await s.simulator.app.request('/__admin/clock')).json()] as const,
          ),
        ),
      );
      const later = (iso: string) => new Date(Date.parse(iso) + 10 * 60_000).toISOString();
      expect(after['sage-ge'].tenants).toEqual({
        'ENT-2': { ...before['sage-ge'].tenants['ENT-2'], now: later(before['sage-ge'].tenants['ENT-2'].now) },
      });
      // The frozen line stood still while the server's clock went on ten minutes.
      expect(after.quadra.tenants).toEqual({
        '100002': {
          now: '2029-02-01T12:00:00.000Z',
          frozen: true,
          offsetMs: before.quadra.tenants['100002'].offsetMs - 10 * 60_000,
        },
      });
      expect(after.loop.tenants).toEqual({
        CAB27528: { ...before.loop.tenants.CAB27528, now: later(before.loop.tenants.CAB27528.now) },
      });
      // And the routes read them: ENT-2's time is three days past the server's.
      expect(Date.parse(after['sage-ge'].tenants['ENT-2'].now) - Date.parse(after['sage-ge'].now)).toBe(3 * 86_400_000);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a tenant removed takes its saved line along: recreated under the same id, it starts on the server's time", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const options = { portBase: 0, dataDir: dir, dashboard: false, only: ['sage-ge'], clock: 'frozen' } as const;
    try {
      const first = await startSimulators({ ...options, now: '2031-05-01T08:00:00Z' });
      const { app } = first.simulators[0]!.simulator;
      const tenant = await (await app.request('/__admin/tenants/ENT-3')).text();
      await app.request('/__admin/tenants/ENT-3/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance: '2d' }),
      });
      expect((await app.request('/__admin/tenants/ENT-3', { method: 'DELETE' })).status).toBe(200);
      await first.close();
      expect(JSON.parse(await readFile(join(dir, 'clock.json'), 'utf8')).tenants['sage-ge']).toEqual({});

      const second = await startSimulators(options);
      const again = second.simulators[0]!.simulator.app;
      await again.request('/__admin/tenants/ENT-3', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: tenant,
      });
      expect(await (await again.request('/__admin/clock')).json()).toMatchObject({ tenants: {} });
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a start with only some simulators keeps the saved lines of the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const options = { portBase: 0, dataDir: dir, dashboard: false, clock: 'frozen' } as const;
    try {
      const first = await startSimulators({ ...options, now: '2031-05-01T08:00:00Z' });
      const loop = first.simulators.find((s) => s.name === 'loop')!.simulator;
      const res = await loop.app.request('/__admin/tenants/CAB27528/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance: '2d' }),
      });
      expect(res.status).toBe(200);
      await first.close();
      await (await startSimulators({ ...options, only: ['sage-ge'] })).close();
      const third = await startSimulators({ ...options, only: ['loop'] });
      const clock = await (await third.simulators[0]!.simulator.app.request('/__admin/clock')).json();
      expect(clock).toMatchObject({ tenants: { CAB27528: { now: '2031-05-03T08:00:00.000Z' } } });
      await third.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a damaged clock file falls back loudly, to no earlier than what the stored state records, and is kept aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const options = { portBase: 0, dataDir: dir, dashboard: false, only: ['sage-ge'], clock: 'frozen' } as const;
    try {
      // Years after the machine's date: the entries stored then must not end up in the clock's future.
      const first = await startSimulators({ ...options, now: '2039-05-01T08:00:00Z' });
      const received = await openAccounting(first);
      await first.close();
      await writeFile(join(dir, 'clock.json'), '{"mode":"frozen","now":"2039-05-0');
      const warnings: string[] = [];
      const second = await startSimulators({ ...options, warn: (text) => warnings.push(text) });
      expect(second.clock.now().toISOString()).toBe(received);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(join(dir, 'clock.json'));
      expect(warnings[0]).toMatch(/damaged/);
      expect(warnings[0]).toContain(received);
      expect(await readFile(join(dir, 'clock.json.damaged'), 'utf8')).toBe('{"mode":"frozen","now":"2039-05-0');
      await second.close();
      // The clock it fell back to is saved as a whole file.
      expect(JSON.parse(await readFile(join(dir, 'clock.json'), 'utf8'))).toMatchObject({ now: received });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an absent clock file beside a stored state falls back loudly too; a new data directory says nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const options = { portBase: 0, dataDir: dir, dashboard: false, only: ['sage-ge'], clock: 'frozen' } as const;
    try {
      const quiet: string[] = [];
      const first = await startSimulators({ ...options, now: '2039-05-01T08:00:00Z', warn: (t) => quiet.push(t) });
      expect(quiet).toEqual([]);
      const received = await openAccounting(first);
      await first.close();
      await rm(join(dir, 'clock.json'));
      const warnings: string[] = [];
      const second = await startSimulators({ ...options, warn: (text) => warnings.push(text) });
      expect(second.clock.now().toISOString()).toBe(received);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/clock\.json is missing beside the stored state/);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ledgersim start --data keeps every clock across a kill -9', () => {
  it('the server clock and each tenant line moved through /__admin are where they were after a SIGKILL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-clock-'));
    const children: ChildProcess[] = [];
    try {
      const first = await startLedgersimChild(['--data', dir, '--now', '2031-05-01T08:00:00Z'], { timeoutMs: 30_000 });
      children.push(first.child);
      const urls = urlsOf(first.stdout());
      const call = async (name: string, path: string, method = 'GET', body?: string) => {
        const res = await fetch(`${urls[name]}/__admin${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body,
        });
        expect(res.status, await res.clone().text()).toBe(200);
        return res.json() as Promise<Record<string, unknown>>;
      };
      await call('Sage GE', '/clock', 'POST', '{"advance":"1h"}');
      await call('Sage GE', '/tenants/ENT-2/clock', 'POST', '{"advance":"3d"}');
      const tenant = JSON.stringify(await call('Quadra', '/tenants/100002'));
      await call('Quadra', '/tenants/100002?now=2029-02-01T12:00:00Z&frozen=true', 'PUT', tenant);
      await call('Quadra', '/tenants/100002/clock', 'POST', '{"advance":"90m"}');
      await call('Loop', '/tenants/CAB27528/clock', 'POST', '{"set":"2031-04-30T08:00:00Z"}');
      const before = await Promise.all(['Sage GE', 'Quadra', 'Loop'].map((name) => call(name, '/clock')));
      first.child.kill('SIGKILL'); // right after the last answer: no close, no final flush
      await exitOf(first.child);

      const second = await startLedgersimChild(['--data', dir], { timeoutMs: 30_000, savedClock: true });
      children.push(second.child);
      urls['Sage GE'] = second.url;
      Object.assign(urls, urlsOf(second.stdout()));
      const after = await Promise.all(['Sage GE', 'Quadra', 'Loop'].map((name) => call(name, '/clock')));
      expect(after).toEqual(before);
      expect(after[0]).toMatchObject({
        now: '2031-05-01T09:00:00.000Z',
        tenants: { 'ENT-2': { now: '2031-05-04T09:00:00.000Z' } },
      });
      expect(after[1]).toMatchObject({ tenants: { '100002': { now: '2029-02-01T13:30:00.000Z', frozen: true } } });
      second.child.kill('SIGTERM');
      expect(await exitOf(second.child)).toBe(0);
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

/** Each simulator's URL as `ledgersim start` prints it, by title. */
function urlsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^(?:Cegid )?(Sage GE|Quadra|Loop)\b[^\n]*?\s(http:\/\/127\.0\.0\.1:\d+)/gm)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
}

/** Opens a Sage GE file's accounting an hour after the clock's start; answers the `openedAt` stored. */
async function openAccounting(started: Awaited<ReturnType<typeof startSimulators>>): Promise<string> {
  started.clock.advance(3_600_000);
  const { app } = started.simulators.find((s) => s.name === 'sage-ge')!.simulator;
  const [tenant] = started.credentials['sage-ge'];
  const res = await app.request('/__admin/actions/open-accounting', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entityId: tenant!.tenantId, fileId: tenant!.files[0], stay: true }),
  });
  expect(res.status).toBe(200);
  const state = started.simulators.find((s) => s.name === 'sage-ge')!.simulator.store.data as {
    tenants: Record<string, { files: Record<string, { accountingSession: { openedAt: string } | null }> }>;
  };
  return state.tenants[tenant!.tenantId]!.files[tenant!.files[0]!]!.accountingSession!.openedAt;
}
