import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type StartedSimulators } from '../start.js';
import { exposureWarning, hostAllowed, isJsonType, originAllowed } from './access.js';

/** One HTTP exchange over a loopback socket, with headers a browser would send (fetch forbids setting Host). */
function send(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the admin plane obeys only its own origin', () => {
  let running: StartedSimulators;
  let base: string;
  let port: string;
  const faults = () => running.simulators[0]!.simulator.faults.size;
  const tenants = () => Object.keys(running.simulators[0]!.simulator.store.data.tenants).length;

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, warn: () => {} });
    base = running.simulators[0]!.url;
    port = new URL(base).port;
  });
  afterAll(() => running.close());

  it('refuses a cross-site HTML form posting to /__admin/reset (403, and nothing reset)', async () => {
    const before = tenants();
    expect(before).toBeGreaterThan(0);
    // What <form method="post" action="http://127.0.0.1:4101/__admin/reset"> sends.
    const res = await send(base, '/__admin/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: '',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'forbidden' });
    expect(tenants()).toBe(before);
  });

  it('refuses a no-preflight text/plain fetch arming a fault, even with no Origin (415 in the admin shape)', async () => {
    const res = await send(base, '/__admin/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ path: '/**', kind: 'drop' }),
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text)).toEqual({
      error: 'unsupported-media-type',
      message: expect.stringContaining('application/json'),
    });
    expect(faults()).toBe(0);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])(
    'refuses a %s body on /__admin (415)',
    async (type) => {
      const before = JSON.stringify(running.simulators[0]!.simulator.store.data);
      const res = await send(base, '/__admin/seed', {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"seed":7}',
      });
      expect(res.status).toBe(415);
      expect(JSON.stringify(running.simulators[0]!.simulator.store.data)).toBe(before);
    },
  );

  it('refuses a body with no content type at all (415)', async () => {
    const res = await send(base, '/__admin/seed', { method: 'POST', body: '{"seed":7}' });
    expect(res.status).toBe(415);
  });

  it('still takes JSON from its own origin, and a bodyless POST from a script (curl)', async () => {
    const json = await send(base, '/__admin/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: '{"advance":"1m"}',
    });
    expect(json.status).toBe(200);
    const bare = await send(base, '/__admin/faults', { method: 'DELETE' });
    expect(bare.status).toBe(200);
  });

  it('refuses a cross-site fetch with no body (its Origin gives it away) and one marked cross-site by the browser', async () => {
    const before = tenants();
    const origin = await send(base, '/__admin/reset', { method: 'POST', headers: { origin: 'http://localhost:3000' } });
    expect(origin.status).toBe(403);
    const opaque = await send(base, '/__admin/reset', { method: 'POST', headers: { origin: 'null' } });
    expect(opaque.status).toBe(403);
    const fetchSite = await send(base, '/__admin/reset', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.status).toBe(403);
    expect(tenants()).toBe(before);
  });

  it('lets a link from another page open an admin page (a GET navigation), not a script read it', async () => {
    const link = await send(base, '/__admin/health', {
      headers: { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(link.status).toBe(200);
    const script = await send(base, '/__admin/state', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    });
    expect(script.status).toBe(403);
    const post = await send(base, '/__admin/reset', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', origin: 'https://evil.example' },
    });
    expect(post.status).toBe(403);
  });

  it('answers a DNS-rebound page (Host: evil.example) 403 on /__admin: no state, no secret', async () => {
    const res = await send(base, '/__admin/state', { headers: { host: `evil.example:${port}` } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'forbidden' });
    const identifier = Object.values(
      running.simulators[0]!.simulator.store.data.tenants as Record<string, { geIdentifier: string }>,
    )[0]!.geIdentifier;
    expect(res.text).not.toContain(identifier);
    // Same origin under rebinding: Origin and Host agree, and both are the attacker's name.
    const post = await send(base, '/__admin/reset', {
      method: 'POST',
      headers: {
        host: `evil.example:${port}`,
        origin: `http://evil.example:${port}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(post.status).toBe(403);
  });

  it('answers a rebound Host on the vendor routes 403 in the vendor shape, and any loopback name on the bound port', async () => {
    const state = running.simulators[0]!.simulator.store.data as { tenants: Record<string, { geIdentifier: string }> };
    const identifier = Object.values(state.tenants)[0]!.geIdentifier;
    const rebound = await send(base, '/api/v1/files', {
      headers: { host: `evil.example:${port}`, authorization: `Bearer ${identifier}` },
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.text)).toEqual([expect.objectContaining({ $dataCode: 'HostNotAllowed' })]);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost', `LOCALHOST:${port}`]) {
      const res = await send(base, '/api/v1/files', { headers: { host, authorization: `Bearer ${identifier}` } });
      expect({ host, status: res.status }).toEqual({ host, status: 200 });
    }
    const otherPort = await send(base, '/__admin/health', { headers: { host: `localhost:${Number(port) + 1}` } });
    expect(otherPort.status).toBe(403);
  });
});

describe('the dashboard obeys only its own origin', () => {
  let running: StartedSimulators;
  let base: string;
  let port: string;

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, warn: () => {} });
    base = running.dashboard!.url;
    port = new URL(base).port;
  });
  afterAll(() => running.close());

  it("refuses a rebound page (Host and Origin both evil.example, which hono's CSRF check lets through)", async () => {
    const read = await send(base, '/', { headers: { host: `evil.example:${port}` } });
    expect(read.status).toBe(403);
    const before = running.clock.now().toISOString();
    const post = await send(base, '/clock', {
      method: 'POST',
      headers: {
        host: `evil.example:${port}`,
        origin: `http://evil.example:${port}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'advance=1w',
    });
    expect(post.status).toBe(403);
    expect(running.clock.now().toISOString()).toBe(before);
  });

  it('still serves its own pages and forms', async () => {
    const page = await send(base, '/', { headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    const post = await send(base, '/clock', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'advance=1h&_back=/',
    });
    expect(post.status).toBe(303);
  });

  it('sends its security headers on every page', async () => {
    for (const path of ['/', '/nowhere']) {
      const res = await send(base, path);
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });
});

describe('--admin-token', () => {
  let running: StartedSimulators;
  const token = 'a-test-token-not-a-secret';

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, adminToken: token, warn: () => {} });
  });
  afterAll(() => running.close());

  it('asks /__admin for the bearer token (401 without it or with another), and leaves the vendor routes to their own credentials', async () => {
    const base = running.simulators[0]!.url;
    expect((await send(base, '/__admin/health')).status).toBe(401);
    const wrong = await send(base, '/__admin/health', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text)).toMatchObject({ error: 'unauthorized' });
    expect((await send(base, '/__admin/health', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const state = running.simulators[0]!.simulator.store.data as { tenants: Record<string, { geIdentifier: string }> };
    const vendor = await send(base, '/api/v1/files', {
      headers: { authorization: `Bearer ${Object.values(state.tenants)[0]!.geIdentifier}` },
    });
    expect(vendor.status).toBe(200);
  });

  it('sends the dashboard to a login form; the token logs in with a cookie that is not the token', async () => {
    const base = running.dashboard!.url;
    const anonymous = await send(base, '/');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/login');
    const anonymousPost = await send(base, '/clock', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'advance=1w',
    });
    expect(anonymousPost.status).toBe(401);
    const bad = await send(base, '/login', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nope',
    });
    expect(bad.status).toBe(401);
    const login = await send(base, '/login', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${token}`,
    });
    expect(login.status).toBe(303);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(token);
    const page = await send(base, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect((await send(base, '/', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('binding beyond loopback', () => {
  it('warns loudly when no token is set, and not on loopback', async () => {
    const warnings: string[] = [];
    const exposed = await startSimulators({
      portBase: 0,
      only: ['sage-ge'],
      host: '0.0.0.0',
      dashboard: false,
      warn: (line) => warnings.push(line),
    });
    await exposed.close();
    expect(warnings.join('\n')).toMatch(/WARNING.*0\.0\.0\.0.*--admin-token/s);
    const quiet: string[] = [];
    const local = await startSimulators({
      portBase: 0,
      only: ['sage-ge'],
      dashboard: false,
      warn: (line) => quiet.push(line),
    });
    await local.close();
    expect(quiet).toEqual([]);
  });

  it('takes --allowed-host names (a container name) besides loopback', async () => {
    const running = await startSimulators({
      portBase: 0,
      only: ['sage-ge'],
      allowedHosts: ['ledgersim', 'proxy.internal:8080'],
      warn: () => {},
    });
    try {
      const base = running.simulators[0]!.url;
      const port = new URL(base).port;
      expect((await send(base, '/__admin/health', { headers: { host: `ledgersim:${port}` } })).status).toBe(200);
      expect((await send(base, '/__admin/health', { headers: { host: 'proxy.internal:8080' } })).status).toBe(200);
      expect((await send(base, '/__admin/health', { headers: { host: 'proxy.internal:8081' } })).status).toBe(403);
      expect((await send(base, '/__admin/health', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
      expect((await send(running.dashboard!.url, '/', { headers: { host: 'ledgersim' } })).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('what counts as this server', () => {
  const loopback = { hostname: '127.0.0.1', port: 4101 };
  it.each([
    ['127.0.0.1:4101', true],
    ['localhost', true],
    ['[::1]:4101', true],
    ['localhost:4102', false],
    ['127.0.0.1.evil.example:4101', false],
    ['evil.example@127.0.0.1:4101', false],
    ['127.0.0.1:4101 evil', false],
    ['', false],
    ['192.168.1.5:4101', false],
  ])('Host %j on a loopback server: %s', (host, expected) => {
    expect(hostAllowed(host, loopback)).toBe(expected);
  });

  it('accepts the bound address itself, never the wildcard, and IPv6 in brackets', () => {
    expect(hostAllowed('192.168.1.5:4101', { hostname: '192.168.1.5', port: 4101 })).toBe(true);
    expect(hostAllowed('0.0.0.0:4101', { hostname: '0.0.0.0', port: 4101 })).toBe(false);
    expect(hostAllowed('[fd00::5]:4101', { hostname: 'fd00::5', port: 4101 })).toBe(true);
  });

  it('takes an Origin only with http(s) and one of its own hosts; null never', () => {
    expect(originAllowed('http://127.0.0.1:4101', loopback)).toBe(true);
    expect(originAllowed('https://localhost:4101', loopback)).toBe(true);
    expect(originAllowed('null', loopback)).toBe(false);
    expect(originAllowed('file://', loopback)).toBe(false);
    expect(originAllowed('http://localhost:3000', loopback)).toBe(false);
  });

  it('calls JSON only JSON', () => {
    expect(
      ['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json'].every(isJsonType),
    ).toBe(true);
    expect(['text/plain', 'application/jsonp', 'text/json', 'application/x-www-form-urlencoded'].some(isJsonType)).toBe(
      false,
    );
  });

  it('notes the Host rule when listening on every interface even with a token', () => {
    expect(exposureWarning('0.0.0.0', { adminToken: 'x'.repeat(16) })).toMatch(/--allowed-host/);
    expect(exposureWarning('0.0.0.0', { adminToken: 'x'.repeat(16), allowedHosts: ['ledgersim'] })).toBeUndefined();
    expect(exposureWarning('127.0.0.1', {})).toBeUndefined();
  });
});
