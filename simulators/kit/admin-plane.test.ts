import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuadraSimulator } from '../quadra/index.js';
import { createSageGeSimulator } from '../sage-ge/index.js';
import { startSimulators, type StartedSimulators } from '../start.js';

const json = { 'content-type': 'application/json' };

describe('admin tenants: prototype names, missing tenants, duplicate credentials', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'GET and DELETE /__admin/tenants/%s answer 404 in the admin shape',
    async (name) => {
      const sim = createSageGeSimulator({ seed: 1 });
      const before = JSON.stringify(sim.store.data);
      const read = await sim.app.request(`/__admin/tenants/${name}`);
      expect(read.status).toBe(404);
      expect(await read.json()).toEqual({ error: 'not-found', message: `No tenant ${name}` });
      const gone = await sim.app.request(`/__admin/tenants/${name}`, { method: 'DELETE' });
      expect(gone.status).toBe(404);
      expect(JSON.stringify(sim.store.data)).toBe(before);
    },
  );

  it('answers 404 to deleting a tenant that does not exist, and 200 then 404 to deleting one twice', async () => {
    const sim = createSageGeSimulator({ seed: 1 });
    expect((await sim.app.request('/__admin/tenants/NO-SUCH-TENANT', { method: 'DELETE' })).status).toBe(404);
    const id = Object.keys(sim.store.data.tenants)[0]!;
    expect((await sim.app.request(`/__admin/tenants/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await sim.app.request(`/__admin/tenants/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it("refuses a Sage GE tenant whose GE identifier is another tenant's (409, nothing changed)", async () => {
    const sim = createSageGeSimulator({ seed: 1 });
    const [first, second] = Object.values(sim.store.data.tenants);
    const before = JSON.stringify(sim.store.data);
    const copy = { ...structuredClone(second!), geIdentifier: first!.geIdentifier };
    const res = await sim.app.request(`/__admin/tenants/${second!.id}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify(copy),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('conflict');
    expect(body.message).toContain(first!.id);
    expect(JSON.stringify(sim.store.data)).toBe(before);
    // A tenant keeps its own identifier when it is replaced.
    const same = await sim.app.request(`/__admin/tenants/${first!.id}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify(first),
    });
    expect(same.status).toBe(200);
  });

  it('refuses a whole state in which two tenants share credentials (409, nothing changed)', async () => {
    const sim = createSageGeSimulator({ seed: 1 });
    const state = structuredClone(sim.store.data);
    const [first, second] = Object.values(state.tenants);
    second!.geIdentifier = first!.geIdentifier;
    const before = JSON.stringify(sim.store.data);
    const res = await sim.app.request('/__admin/state', { method: 'PUT', headers: json, body: JSON.stringify(state) });
    expect(res.status).toBe(409);
    expect(JSON.stringify(sim.store.data)).toBe(before);
  });

  it("refuses a Quadra firm whose CPA or CFE key is another firm's (409)", async () => {
    const sim = createQuadraSimulator({ seed: 1 });
    const [first, second] = Object.values(sim.store.data.tenants);
    for (const kind of ['cpa', 'cfe'] as const) {
      const copy = structuredClone(second!);
      copy[kind].key = first![kind].key;
      const res = await sim.app.request(`/__admin/tenants/${second!.sicCode}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(copy),
      });
      expect({ kind, status: res.status }).toEqual({ kind, status: 409 });
    }
  });
});

describe('a body over the limit on /__admin', () => {
  it('gets its 413 in the admin shape, and changes nothing', async () => {
    const sim = createSageGeSimulator({ seed: 1, maxBodyBytes: 100 });
    const before = JSON.stringify(sim.store.data);
    const res = await sim.app.request('/__admin/seed', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ seed: 7, padding: 'x'.repeat(200) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'payload-too-large',
      message: 'The request body is larger than 100 bytes',
    });
    expect(JSON.stringify(sim.store.data)).toBe(before);
  });
});

describe('a header with a control character, over a socket', () => {
  let running: StartedSimulators;
  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, seed: 1, dashboard: false, warn: () => {} });
  });
  afterAll(() => running.close());

  /** What the server answers to raw bytes node's parser refuses (no client library sends them). */
  const raw = (base: string, head: string) =>
    new Promise<string>((resolve, reject) => {
      const url = new URL(base);
      const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.write(head));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });

  it("gets a 400 in each vendor's error shape, not node's bare one", async () => {
    const shapes: Record<string, (body: unknown) => void> = {
      'sage-ge': (body) =>
        expect(body).toEqual([
          expect.objectContaining({
            $severity: 'error',
            $dataCode: 'BadRequest',
            $message: expect.stringContaining('control character'),
          }),
        ]),
      quadra: (body) =>
        expect(body).toMatchObject({
          error: 'BadRequest',
          error_description: expect.stringContaining('control character'),
        }),
      loop: (body) =>
        expect(body).toMatchObject({
          statusCode: 400,
          code: 'BadRequest',
          message: expect.stringContaining('control character'),
        }),
    };
    for (const sim of running.simulators) {
      const answer = await raw(sim.url, `GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\u0001b\r\n\r\n`);
      const [head, body] = answer.split('\r\n\r\n', 2) as [string, string];
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toMatch(/content-type: application\/json/i);
      shapes[sim.name]!(JSON.parse(body));
    }
  });

  it('still answers the next connection', async () => {
    const sim = running.simulators[0]!;
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(sim.url);
      request({ host: url.hostname, port: url.port, path: '/__admin/health' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });
});

describe('admin faults: one rule disarmed by its id', () => {
  it('DELETE /__admin/faults/:id disarms that rule only; an unknown id answers 404 and changes nothing', async () => {
    const sim = createSageGeSimulator({ seed: 1 });
    const arm = async (path: string) =>
      (
        (await (
          await sim.app.request('/__admin/faults', {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ path, kind: 'status', status: 503 }),
          })
        ).json()) as { faults: { id: number }[] }
      ).faults[0]!.id;
    const mine = await arm('/mine/**');
    const theirs = await arm('/theirs/**');
    expect((await sim.app.request(`/__admin/faults/${mine}`, { method: 'DELETE' })).status).toBe(200);
    const listed = async () =>
      ((await (await sim.app.request('/__admin/faults')).json()) as { faults: { id: number }[] }).faults.map(
        (f) => f.id,
      );
    expect(await listed()).toEqual([theirs]);
    for (const id of [String(mine), '999', 'toString', '-1']) {
      const res = await sim.app.request(`/__admin/faults/${id}`, { method: 'DELETE' });
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual({ error: 'not-found', message: `No fault rule ${id} is armed` });
    }
    expect(await listed()).toEqual([theirs]);
  });
});
