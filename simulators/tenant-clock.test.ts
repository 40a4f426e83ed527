import { describe, expect, it } from 'vitest';
import { createLiveClock, createVirtualClock, DAY, HOUR } from '../core/clock.js';
import { manualRealTime } from '../core/test-support.js';
import { createLoopSimulator, type LoopSimulator } from './loop/index.js';
import { buildState, headersFor, importBody, json } from './loop/test-support.js';
import { asciiFile, OTHER_SIC, purchaseLines, setup, SIC, START } from './quadra/test-support.js';

/**
 * Each tenant's own time line over the server's clock: `POST /__admin/tenants/:id/clock` moves
 * one tenant (what `run --against` does on a shared server), nothing else; the work due on the
 * clock (Loop's import service, Quadra's imports showing) runs per tenant on its own time.
 */
const adminCall = (sim: { app: LoopSimulator['app'] }, path: string, init: { method?: string; json?: unknown } = {}) =>
  sim.app.request(`/__admin${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });

async function queueImport(sim: LoopSimulator, domain: string): Promise<string> {
  const res = await sim.app.request('/loop-api-publiques/importJson', {
    method: 'POST',
    headers: { ...headersFor(sim, domain), 'content-type': 'application/json' },
    body: JSON.stringify(importBody()),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await json(res)) as { accountingImportRequestId: string }).accountingImportRequestId;
}

describe('a tenant advanced a day: the other tenants and the server clock are untouched', () => {
  it('Loop (frozen server clock): only the advanced firm has its import processed, on its own time', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    const a = await queueImport(sim, 'CABA');
    const b = await queueImport(sim, 'CABB');
    const bBefore = JSON.stringify(sim.store.data.tenants.CABB);

    const moved = await adminCall(sim, '/tenants/CABA/clock', { json: { advance: '1d' } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({
      tenantId: 'CABA',
      now: new Date(Date.parse(START) + DAY).toISOString(),
      offsetMs: DAY,
    });

    expect(sim.store.data.tenants.CABA!.imports[a]!.statut).toBe('Termine');
    // The other firm: same state (its import still waiting), same time, the server's.
    expect(sim.store.data.tenants.CABB!.imports[b]!.statut).toBe('EnAttente');
    expect(JSON.stringify(sim.store.data.tenants.CABB)).toBe(bBefore);
    expect(await (await adminCall(sim, '/tenants/CABB/clock')).json()).toEqual({
      tenantId: 'CABB',
      now: START,
      offsetMs: 0,
    });
    const server = (await (await adminCall(sim, '/clock')).json()) as { now: string; tenants: object };
    expect(server.now).toBe(START);
    expect(server.tenants).toEqual({ CABA: { now: new Date(Date.parse(START) + DAY).toISOString(), offsetMs: DAY } });

    // The advanced firm's requests are served on its time: an import queued now falls due a day later than the other's.
    const later = await queueImport(sim, 'CABA');
    const dueA = Date.parse(sim.store.data.tenants.CABA!.imports[later]!.dueAt);
    const dueB = Date.parse(sim.store.data.tenants.CABB!.imports[b]!.dueAt);
    expect(dueA - dueB).toBe(DAY);
    await sim.close();
  });

  it('moving the server clock moves every tenant along, each keeping its own offset', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    await adminCall(sim, '/tenants/CABA/clock', { json: { advance: '2h' } });
    await adminCall(sim, '/clock', { json: { advance: '1h' } });
    expect(((await (await adminCall(sim, '/tenants/CABA/clock')).json()) as { now: string }).now).toBe(
      new Date(Date.parse(START) + 3 * HOUR).toISOString(),
    );
    expect(((await (await adminCall(sim, '/tenants/CABB/clock')).json()) as { now: string }).now).toBe(
      new Date(Date.parse(START) + HOUR).toISOString(),
    );
    await sim.close();
  });

  it('Loop (live server clock): the server keeps flowing exactly as it was; each import wakes on its own line', async () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: START, real: time.real });
    const sim = createLoopSimulator({ clock, initialState: buildState() });
    time.pass(1_000);
    await sim.settled();
    await adminCall(sim, '/tenants/CABA/clock', { json: { advance: '1d' } });
    const a = await queueImport(sim, 'CABA'); // due one minute later on CABA's line
    expect(sim.store.data.tenants.CABA!.imports[a]!.dueAt).toBe(
      new Date(Date.parse(START) + 1_000 + DAY + 60_000).toISOString(),
    );
    time.pass(30_000);
    await sim.settled();
    expect(sim.store.data.tenants.CABA!.imports[a]!.statut).toBe('EnAttente');
    time.pass(30_000); // a minute of real time: CABA's line reached the instant, its timer woke the import service
    await sim.settled();
    expect(sim.store.data.tenants.CABA!.imports[a]!.statut).toBe('Termine');
    const b = await queueImport(sim, 'CABB'); // due one minute later on the server's line
    time.pass(59_000);
    await sim.settled();
    expect(sim.store.data.tenants.CABB!.imports[b]!.statut).toBe('EnAttente');
    time.pass(1_000);
    await sim.settled();
    expect(sim.store.data.tenants.CABB!.imports[b]!.statut).toBe('Termine');
    expect(time.pending()).toBe(0);
    // Exactly the real time that passed since the start, as if no tenant had been moved.
    expect(clock.nowMs()).toBe(Date.parse(START) + 121_000);
    expect(((await (await adminCall(sim, '/clock')).json()) as { now: string }).now).toBe(
      new Date(Date.parse(START) + 121_000).toISOString(),
    );
    clock.dispose();
    await sim.close();
  });

  it('Quadra: a token expires on its firm’s time only; imports show on their firm’s time only', async () => {
    const h = setup();
    const mine = await h.cpaToken(SIC);
    const theirs = await h.cpaToken(OTHER_SIC);
    await h.upload(asciiFile(purchaseLines()));
    const opened = await h.openDossier();
    expect(opened.imported).toHaveLength(1);

    // 11 hours on SIC's line: its 10-hour token has expired and its import shows; OTHER_SIC's token still works.
    const moved = await adminCall(h.sim, `/tenants/${SIC}/clock`, { json: { advance: '11h' } });
    expect(moved.status).toBe(200);
    const expired = await h.cpa('GetDossiers', {}, mine);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error_description: string }).error_description).toMatch(/expired/);
    expect((await h.cpa('GetDossiers', {}, theirs)).status).toBe(200);
    expect((await h.entries()).length).toBeGreaterThan(0);
    expect(h.sim.clock.now().toISOString()).toBe(START);
  });
});

/** A third Loop firm, CABC, with credentials of its own. */
function otherFirm(sim: LoopSimulator) {
  const firm = structuredClone(sim.store.data.tenants.CABB!);
  firm.domain = 'CABC';
  firm.subscriptionKey = 'sub-CABC'.padEnd(32, '0');
  for (const key of Object.values(firm.apiKeys)) key.key = `${key.key}C`;
  return firm;
}

describe('the admin plane of a tenant clock', () => {
  it('refuses an unknown tenant (404) and a bad move (400), changing nothing', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    expect((await adminCall(sim, '/tenants/NOPE/clock', { json: { advance: '1h' } })).status).toBe(404);
    expect((await adminCall(sim, '/tenants/NOPE/clock')).status).toBe(404);
    const bad = await adminCall(sim, '/tenants/CABA/clock', { json: { advance: 'soon' } });
    expect(bad.status).toBe(400);
    expect((await adminCall(sim, '/tenants/CABA/clock', { json: { set: 'yesterday' } })).status).toBe(400);
    expect(((await (await adminCall(sim, '/clock')).json()) as { tenants: object }).tenants).toEqual({});
    await sim.close();
  });

  it('a tenant put with ?now= starts on its own line; removing it removes its line', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    const firm = structuredClone(sim.store.data.tenants.CABB!);
    firm.domain = 'CABC';
    firm.subscriptionKey = 'sub-CABC'.padEnd(32, '0');
    for (const key of Object.values(firm.apiKeys)) key.key = `${key.key}C`;
    const put = await sim.app.request('/__admin/tenants/CABC?now=2027-01-01T00:00:00Z', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(firm),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(((await (await adminCall(sim, '/tenants/CABC/clock')).json()) as { now: string }).now).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect((await adminCall(sim, '/tenants/CABC', { method: 'DELETE' })).status).toBe(200);
    expect(((await (await adminCall(sim, '/clock')).json()) as { tenants: object }).tenants).toEqual({});
    await sim.close();
  });

  it('?frozen=true (what run --against asks for): on a live server the line stands still; its work falls due when it is moved', async () => {
    const time = manualRealTime();
    const clock = createLiveClock({ start: START, real: time.real });
    const sim = createLoopSimulator({ clock, initialState: buildState() });
    await sim.settled();
    // CABA put anew on a frozen line (its state as it is).
    const put = await sim.app.request(`/__admin/tenants/CABA?now=${encodeURIComponent(START)}&frozen=true`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sim.store.data.tenants.CABA),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const a = await queueImport(sim, 'CABA'); // due one minute later on CABA's line
    expect(sim.store.data.tenants.CABA!.imports[a]!.dueAt).toBe(new Date(Date.parse(START) + 60_000).toISOString());
    time.pass(5 * 60_000); // real time passes: the server flows, CABA's line does not
    await sim.settled();
    expect(await (await adminCall(sim, '/tenants/CABA/clock')).json()).toEqual({
      tenantId: 'CABA',
      now: START,
      offsetMs: -5 * 60_000,
      frozen: true,
    });
    expect(((await (await adminCall(sim, '/clock')).json()) as { tenants: object }).tenants).toEqual({
      CABA: { now: START, offsetMs: -5 * 60_000, frozen: true },
    });
    expect(sim.store.data.tenants.CABA!.imports[a]!.statut).toBe('EnAttente');
    expect(time.pending()).toBe(0); // no timer waits on a frozen line
    // The line moved (as a scenario step does): the import falls due on it, and the line stays frozen.
    const moved = await adminCall(sim, '/tenants/CABA/clock', { json: { advance: '1m' } });
    expect(await moved.json()).toEqual({
      tenantId: 'CABA',
      now: new Date(Date.parse(START) + 60_000).toISOString(),
      offsetMs: -4 * 60_000,
      frozen: true,
    });
    await sim.settled();
    expect(sim.store.data.tenants.CABA!.imports[a]!.statut).toBe('Termine');
    time.pass(60_000);
    expect(((await (await adminCall(sim, '/tenants/CABA/clock')).json()) as { now: string }).now).toBe(
      new Date(Date.parse(START) + 60_000).toISOString(),
    );
    // The server's clock flowed exactly with real time throughout.
    expect(clock.nowMs()).toBe(Date.parse(START) + 6 * 60_000);
    clock.dispose();
    await sim.close();
  });

  it('refuses a ?frozen that is not true or false, and one without ?now, changing nothing', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    const put = (query: string) =>
      sim.app.request(`/__admin/tenants/CABC?${query}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(otherFirm(sim)),
      });
    const bad = await put(`now=${START}&frozen=yes`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe('?frozen must be true or false, not "yes"');
    const alone = await put('frozen=true');
    expect(alone.status).toBe(400);
    expect(((await alone.json()) as { message: string }).message).toBe(
      '?frozen freezes the time line ?now starts: give ?now too',
    );
    expect(sim.store.data.tenants.CABC).toBeUndefined();
    expect(((await (await adminCall(sim, '/clock')).json()) as { tenants: object }).tenants).toEqual({});
    await sim.close();
  });

  it('If-None-Match: * creates only: an existing tenant answers 412 and is left as it was', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    const before = JSON.stringify(sim.store.data);
    const res = await sim.app.request('/__admin/tenants/CABA', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify(sim.store.data.tenants.CABA),
    });
    expect(res.status).toBe(412);
    expect(((await res.json()) as { error: string }).error).toBe('precondition-failed');
    expect(JSON.stringify(sim.store.data)).toBe(before);
    await sim.close();
  });

  it('removing one tenant drops its line only; a replace of the whole state drops the lines of the tenants it leaves out', async () => {
    const sim = createLoopSimulator({ clock: createVirtualClock({ start: START }), initialState: buildState() });
    const put = async (domain: string, query: string) => {
      const firm = structuredClone(sim.store.data.tenants.CABB!);
      firm.domain = domain;
      firm.subscriptionKey = `sub-${domain}`.padEnd(32, '0');
      for (const key of Object.values(firm.apiKeys)) key.key = `${key.key}${domain}`;
      firm.apiKeys = Object.fromEntries(Object.values(firm.apiKeys).map((key) => [key.key, key]));
      const res = await sim.app.request(`/__admin/tenants/${domain}${query}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(firm),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    const lines = async () => ((await (await adminCall(sim, '/clock')).json()) as { tenants: object }).tenants;
    await put('CABC', '?now=2027-01-01T00:00:00Z');
    await put('CABD', '?now=2027-02-01T00:00:00Z&frozen=true');
    await put('CABE', '?now=2027-03-01T00:00:00Z');
    // A write inside a tenant (not its removal) keeps every line.
    await sim.store.commit([{ op: 'set', path: ['tenants', 'CABC', 'name'], value: 'Renamed' }]);
    expect(Object.keys(await lines()).sort()).toEqual(['CABC', 'CABD', 'CABE']);
    expect((await adminCall(sim, '/tenants/CABD', { method: 'DELETE' })).status).toBe(200);
    expect(Object.keys(await lines()).sort()).toEqual(['CABC', 'CABE']);
    // Put anew without ?now, the id starts on the server's time, not on the removed tenant's line.
    await put('CABD', '');
    const server = ((await (await adminCall(sim, '/clock')).json()) as { now: string }).now;
    expect(((await (await adminCall(sim, '/tenants/CABD/clock')).json()) as { now: string }).now).toBe(server);
    // The whole state put without CABE: its line goes; CABC, kept, keeps its own.
    const state = structuredClone(sim.store.data);
    delete state.tenants.CABE;
    const replaced = await sim.app.request('/__admin/state', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state),
    });
    expect(replaced.status, await replaced.clone().text()).toBe(200);
    expect(Object.keys(await lines())).toEqual(['CABC']);
    await sim.close();
  });
});
