import { spawn, type ChildProcess } from 'node:child_process';
import { BUNDLE } from '../bin/load-bundle.js';
import { exitOf, startLedgersimChild } from './child.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './main.js';

const ROOT = join(import.meta.dirname, '..');

/** A base port with it and the next three free on loopback (what `start --port-base` binds). */
async function freePortBase(): Promise<number> {
  const { createServer } = await import('node:net');
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    if ((await free(base)) && (await free(base + 1)) && (await free(base + 2)) && (await free(base + 3))) return base;
  }
}
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function startChild(args: string[]) {
  const started = await startLedgersimChild(args, { timeoutMs: 15_000 });
  children.push(started.child);
  return started;
}

describe('ledgersim start (usage)', () => {
  it('answers a wrong flag with the usage and exit 2', async () => {
    const { io, err } = capture();
    expect(await main(['start', '--bogus'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown option '--bogus'/);
    expect(err.join('\n')).toMatch(/Usage:/);
  });

  it('tells its version, the one in package.json, for support reports', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V', 'version']) {
      const { io, out } = capture();
      expect(await main([flag], io)).toBe(0);
      expect(out).toEqual([`ledgersim ${version} (node ${process.version})`]);
    }
  });

  it('answers an unknown command and a bad value with exit 2', async () => {
    expect(await main(['frobnicate'], capture().io)).toBe(2);
    const { io, err } = capture();
    expect(await main(['start', '--port-base', 'abc'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--port-base must be a whole number/);
    const clock = capture();
    expect(await main(['start', '--clock', 'sideways'], clock.io)).toBe(2);
    expect(clock.err.join('\n')).toMatch(/--clock must be live or frozen/);
  });

  it('refuses a short admin token and a malformed allowed host with exit 2', async () => {
    const short = capture();
    expect(await main(['start', '--admin-token', 'short'], short.io)).toBe(2);
    expect(short.err.join('\n')).toMatch(/--admin-token must be at least 16 printable characters/);
    const host = capture();
    expect(await main(['start', '--allowed-host', 'http://evil/'], host.io)).toBe(2);
    expect(host.err.join('\n')).toMatch(/--allowed-host takes a host name/);
  });
});

describe('ledgersim start --admin-token --allowed-host (process)', () => {
  it('asks /__admin for the token and accepts the allowed Host', async () => {
    const token = 'cli-test-token-0123456789';
    const started = await startChild(['--admin-token', token, '--allowed-host', 'ledgersim,other.internal']);
    expect(started.stdout()).toMatch(/asks for Authorization: Bearer <the admin token>/);
    expect(started.stdout()).not.toContain(token);
    expect((await fetch(`${started.url}/__admin/health`)).status).toBe(401);
    expect(
      (await fetch(`${started.url}/__admin/health`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const { request } = await import('node:http');
    const url = new URL(started.url);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request(
          {
            host: url.hostname,
            port: url.port,
            path: '/__admin/health',
            headers: { host, authorization: `Bearer ${token}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        )
          .on('error', reject)
          .end();
      });
    expect(await status(`ledgersim:${url.port}`)).toBe(200);
    expect(await status('other.internal')).toBe(200);
    expect(await status(`evil.example:${url.port}`)).toBe(403);
  });
});

describe('ledgersim start (process)', () => {
  it('serves, prints the credentials, and keeps acknowledged writes across a SIGKILL with --data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-cli-'));
    dirs.push(dir);
    const first = await startChild(['--data', dir]);
    const health = await fetch(`${first.url}/__admin/health`);
    expect(health.status).toBe(200);
    expect(first.stdout()).toMatch(/The virtual clock is frozen/);
    const auth = { authorization: `Bearer ${first.identifier}`, 'content-type': 'application/json' };
    const put = await fetch(`${first.url}/api/v1/files/healthy/third-parties`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        thirdParties: [
          { type: 'supplier', name: 'Boulangerie Durable', subsidiaryAccount: 'FDURABLE', collectiveAccount: '401000' },
        ],
      }),
    });
    expect(put.status).toBe(200);
    first.child.kill('SIGKILL');
    await exitOf(first.child);

    const second = await startChild(['--data', dir]);
    expect(second.identifier).toBe(first.identifier);
    const list = await fetch(`${second.url}/api/v1/files/healthy/third-parties`, { headers: auth });
    const body = (await list.json()) as { thirdParties: { subsidiaryAccount: string }[] };
    expect(body.thirdParties.map((t) => t.subsidiaryAccount)).toContain('FDURABLE');
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  });

  it('refuses a corrupt data file, naming it, and leaves it untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-cli-'));
    dirs.push(dir);
    const file = join(dir, 'sage-ge.json');
    await writeFile(file, '{"format": "ledgersim-state/1", "seq": 3, "state": {"tenants": {"X": {"id": 42}}}}');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'cli/run.ts', 'start', '--port-base', '0', '--data', dir],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/tenants\.X\.id/);
    expect(await readFile(file, 'utf8')).toBe(
      '{"format": "ledgersim-state/1", "seq": 3, "state": {"tenants": {"X": {"id": 42}}}}',
    );
  });
});

describe('the ledgersim binary (the bundled CLI, built by npm ci through prepare)', () => {
  it('runs: lists the scenarios, runs a scenario file and refuses a wrong flag with exit 2', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`).toBe(true);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/ledgersim.js', ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout!.on('data', (chunk) => (out += chunk));
        child.stderr!.on('data', (chunk) => (out += chunk));
        child.once('exit', (code) => resolve({ code, out }));
      });
    const listed = await run(['scenarios', '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as { scenarios: unknown[] }).scenarios.length).toBeGreaterThanOrEqual(60);
    // The bundle holds the built-in scenarios itself (scripts/bundle.mjs): the very ones the sources load.
    const { loadScenarios } = await import('../scenarios/load.js');
    expect((JSON.parse(listed.out) as { scenarios: { id: string }[] }).scenarios.map((s) => s.id)).toEqual(
      (await loadScenarios()).map((s) => s.id),
    );
    const wrong = await run(['start', '--nope']);
    expect(wrong.code).toBe(2);
    // A scenario module named on the command line is imported by the bundle (through its loader's import()).
    const file = join('dist', 'scenarios', 'sage-ge', 'journal-locked.scenario.js');
    expect(existsSync(join(ROOT, file)), `${file} is missing: run npm run build`).toBe(true);
    const one = await run(['run', file]);
    expect(one.out).toContain('1 passed, 0 failed');
    expect(one.code).toBe(0);
  });

  it("start prints each simulator's /docs and serves Swagger UI's files from node_modules, whatever the working directory", async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`).toBe(true);
    const elsewhere = await mkdtemp(join(tmpdir(), 'ledgersim-docs-cwd-'));
    dirs.push(elsewhere);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ledgersim.js'), 'start', '--port-base', '0'], {
      cwd: elsewhere,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.stderr!.on('data', (chunk) => (out += chunk));
    for (let waited = 0; !out.includes('Ctrl-C') && waited < 15_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const url = /Sage GE\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(out).toContain(`API reference: ${url}/docs`);
    const asset = await fetch(`${url}/docs/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    const dist = join(ROOT, 'node_modules', 'swagger-ui-dist', 'swagger-ui-bundle.js');
    expect(Buffer.from(await asset.arrayBuffer()).equals(readFileSync(dist))).toBe(true);
  });

  it('runs a scenario written in TypeScript (.scenario.ts and .mts), the documented format, from the bundle', async () => {
    const { loadScenarios } = await import('../scenarios/load.js');
    const builtIn = (await loadScenarios()).find((s) => s.id === 'sage-ge/journal-locked')!;
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-ts-scenario-'));
    try {
      // Type annotations and `satisfies`: syntax plain node cannot import.
      const source = `interface Mine { id: string; vendor: 'sage-ge' }\nconst scenario = ${JSON.stringify({ ...builtIn, id: 'sage-ge/mine-ts-scenario' })} satisfies Mine;\nexport default scenario;\n`;
      for (const name of ['mine.scenario.ts', 'mine.scenario.mts']) {
        await writeFile(join(dir, name), source);
        const child = spawn(process.execPath, ['bin/ledgersim.js', 'run', join(dir, name)], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let out = '';
        child.stdout!.on('data', (chunk) => (out += chunk));
        child.stderr!.on('data', (chunk) => (out += chunk));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        expect(out, name).toContain('sage-ge/mine-ts-scenario');
        expect(out, name).toContain('1 passed, 0 failed');
        expect(code, name).toBe(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run when no built-in scenario is found (an empty build), instead of passing nothing', async () => {
    const { loadScenarios } = await import('../scenarios/load.js');
    const empty = await mkdtemp(join(tmpdir(), 'ledgersim-empty-build-'));
    try {
      await expect(loadScenarios(empty)).rejects.toThrow(/no built-in scenario was found .*the build is incomplete/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("keeps the build's incremental cache inside dist/, so that deleting dist/ rebuilds everything", async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { tsBuildInfoFile?: string; incremental?: boolean };
    };
    const info = config.compilerOptions.tsBuildInfoFile;
    expect(info === undefined ? config.compilerOptions.incremental === false : info.startsWith('dist/')).toBe(true);
  });

  it('hands a large output to a pipe whole before it exits (ledgersim run --json | jq)', async () => {
    const child = spawn(process.execPath, ['bin/ledgersim.js', 'run', 'sage-ge/*', '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    // A slow reader: nothing is read until the process has exited (or 4 s have passed), so what does
    // not fit in the pipe waits in the process, which must not exit before handing it over.
    child.stdout!.pause();
    const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    await Promise.race([
      new Promise((resolve) => child.once('exit', resolve)),
      new Promise((resolve) => setTimeout(resolve, 4_000)),
    ]);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stdout!.resume();
    expect(await closed).toBe(0);
    expect(out.length).toBeGreaterThan(128 * 1024); // well past a pipe's buffer
    const parsed = JSON.parse(out) as { results: unknown[]; passed: number; failed: number };
    expect(parsed.results.length).toBe(parsed.passed);
    expect(parsed.failed).toBe(0);
  });

  it('keeps serving, and stops cleanly, when the reader of its output goes away (ledgersim start | head)', async () => {
    const base = await freePortBase();
    const child = spawn(process.execPath, ['bin/ledgersim.js', 'start', '--port-base', String(base)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    child.stdout!.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const health = `http://127.0.0.1:${base + 1}/__admin/health`;
    for (
      let i = 0;
      i < 200 &&
      (await fetch(health).then(
        (r) => r.status,
        () => 0,
      )) !== 200;
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    // It printed its URLs into the closed pipe by now; it must still answer afterwards.
    await new Promise((r) => setTimeout(r, 200));
    expect(
      await fetch(health).then(
        (r) => r.status,
        () => 0,
      ),
    ).toBe(200);
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(stderr).not.toMatch(/EPIPE/);
  });
});
