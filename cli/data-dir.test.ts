import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileStore } from '../core/store.js';
import { CLOCK_FILE } from '../simulators/clock-file.js';
import { sageGeDefinition } from '../simulators/sage-ge/index.js';
import { checkCommand } from './check.js';
import { main } from './main.js';

/**
 * What an outside tester met with `--data`: `check` said `ok` for an empty `clock.json` that
 * `start` then called damaged and moved aside; `start --data` on a regular file died on a raw
 * EEXIST stack trace where `check` says "is not a readable directory".
 */
const NOW = new Date('2026-03-16T09:00:00Z');
const dirs: string[] = [];
let stateDir: string;

async function fresh(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function withState(): Promise<string> {
  const dir = await fresh('ledgersim-datadir-');
  const store = await openFileStore({
    dir,
    name: 'sage-ge',
    schema: sageGeDefinition.schema,
    initial: () => sageGeDefinition.demo(1, NOW),
  });
  await store.flush();
  await store.close();
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeAll(async () => {
  stateDir = await withState();
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('ledgersim check reads clock.json as start does', () => {
  for (const [what, text] of [
    ['empty', ''],
    ['not JSON', '{"mode":"live",'],
    ['not a saved clock', '{"mode":"sideways","now":"2026-03-16T09:00:00.000Z"}\n'],
  ] as const) {
    it(`${what}: DAMAGED, naming what start will do with it, exit 1, nothing changed`, async () => {
      const dir = await withState();
      await writeFile(join(dir, CLOCK_FILE), text);
      const names = (await readdir(dir)).sort();
      const { io, out, err } = capture();
      expect(await checkCommand(['--data', dir], io)).toBe(1);
      const line = out.find((l) => l.includes(CLOCK_FILE));
      expect(line).toMatch(/^DAMAGED {2}clock\.json: /);
      expect(line).toContain(`${CLOCK_FILE}.damaged`);
      expect(err.join('\n')).toMatch(/1 damaged/);
      expect((await readdir(dir)).sort()).toEqual(names);
    });
  }

  it('a saved clock: ok, with its mode and instant', async () => {
    const dir = await withState();
    await writeFile(join(dir, CLOCK_FILE), `${JSON.stringify({ mode: 'frozen', now: NOW.toISOString() })}\n`);
    const { io, out } = capture();
    expect(await checkCommand(['--data', dir], io)).toBe(0);
    expect(out.find((l) => l.includes(CLOCK_FILE))).toBe(`ok       clock.json: frozen at ${NOW.toISOString()}`);
  });

  it('missing beside a stored state: said (start warns and picks the clock), not damage', async () => {
    const { io, out } = capture();
    expect(await checkCommand(['--data', stateDir], io)).toBe(0);
    expect(out.find((l) => l.includes(CLOCK_FILE))).toMatch(/^note {5}clock\.json: missing/);
  });
});

describe('ledgersim start --data on something that is not a directory', () => {
  it('a regular file: the message check gives, exit 2 as the usage errors, no stack trace', async () => {
    const dir = await fresh('ledgersim-datafile-');
    const file = join(dir, 'state.json');
    await writeFile(file, '{}');
    const start = capture();
    expect(await main(['start', '--data', file, '--port-base', '0'], start.io)).toBe(2);
    const check = capture();
    expect(await main(['check', '--data', file], check.io)).toBe(2);
    const said = `ledgersim: --data ${file} is not a readable directory`;
    expect(start.err[0]).toBe(`${said}\n`);
    expect(check.err[0]).toBe(`${said}\n`);
    expect(start.err.join('\n')).not.toMatch(/EEXIST|\n\s+at /);
  });

  it('a path under a regular file: the same', async () => {
    const dir = await fresh('ledgersim-datafile-');
    await writeFile(join(dir, 'file'), '');
    const target = join(dir, 'file', 'sub');
    const start = capture();
    expect(await main(['start', '--data', target, '--port-base', '0'], start.io)).toBe(2);
    expect(start.err[0]).toMatch(/is not a readable directory|cannot be created/);
  });
});
