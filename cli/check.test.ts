import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { set } from '../core/changes.js';
import { seal } from '../core/records.js';
import { serializeSnapshot } from '../core/snapshot.js';
import { openFileStore, StoreLoadError } from '../core/store.js';
import { sageGeDefinition } from '../simulators/sage-ge/index.js';
import { checkCommand } from './check.js';
import { UsageError } from './usage.js';

/**
 * A real data directory (Sage GE's demo state, a snapshot and a log of ten records), damaged in
 * each of the ways a disk, a person with an editor or a copy can damage it. Each damage is refused
 * at start, naming the file (and line), leaving every file as it was, and `ledgersim check`
 * reports it; the few that are indistinguishable from a crash mid-append load as such.
 */
const NOW = new Date('2026-03-16T09:00:00Z');
let pristine: string;
const dirs: string[] = [];
const open = (dir: string) =>
  openFileStore({
    dir,
    name: 'sage-ge',
    schema: sageGeDefinition.schema,
    initial: () => sageGeDefinition.demo(1, NOW),
  });

beforeAll(async () => {
  pristine = await mkdtemp(join(tmpdir(), 'ledgersim-check-'));
  dirs.push(pristine);
  const store = await open(pristine);
  const tenant = Object.keys(store.data.tenants)[0]!;
  for (let i = 0; i < 10; i++) await store.commit([set(['tenants', tenant, 'name'], `Cabinet 1234.5${i} café`)]);
  await store.flush();
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

type Files = { snap: string[]; log: string[]; logName: string };
async function damaged(mutate: (f: Files, dir: string) => Promise<void> | void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-damaged-'));
  dirs.push(dir);
  await cp(pristine, dir, { recursive: true });
  const logName = (await readdir(dir)).find((f) => /^sage-ge\.\d+\.log$/.test(f))!;
  const files: Files = {
    snap: (await readFile(join(dir, 'sage-ge.json'), 'utf8')).split('\n'),
    log: (await readFile(join(dir, logName), 'utf8')).split('\n'),
    logName,
  };
  const before = JSON.stringify(files);
  await mutate(files, dir);
  if (JSON.stringify(files) !== before) {
    await writeFile(join(dir, 'sage-ge.json'), files.snap.join('\n'));
    await writeFile(join(dir, logName), files.log.join('\n'));
  }
  return dir;
}

/** A line's checksum made right again after a change: what a careful forger (or a bug) does. */
function reseal(line: string): string {
  const comma = line.endsWith(',') ? ',' : '';
  const body = comma ? line.slice(0, -1) : line;
  return seal(`{${body.slice(18)}`) + comma;
}
const chunkLineWith = (f: Files, pattern: RegExp) => f.snap.findIndex((l, i) => i > 0 && pattern.test(l));
const flip = (s: string, at: number, to: string) => s.slice(0, at) + to + s.slice(at + 1);

interface Case {
  name: string;
  mutate: (f: Files, dir: string) => Promise<void> | void;
  /** Refused with this file (and line): or 'loads' when the damage is a crash mid-append. */
  expect: { file: 'sage-ge.json' | 'log'; line?: number | 'any'; problem: RegExp } | 'loads';
}

const LAST_RECORD = 10; // log lines: 0 header, 1..10 records, 11 '' (after the final \n)
const cases: Case[] = [
  {
    name: 'a digit of a number changed in the snapshot',
    mutate: (f) => {
      const i = chunkLineWith(f, /"next":\d/);
      const at = f.snap[i]!.search(/"next":\d/) + 7;
      f.snap[i] = flip(f.snap[i]!, at, f.snap[i]![at] === '1' ? '2' : '1');
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /checksum mismatch/ },
  },
  {
    name: 'a digit of an account number changed in the snapshot',
    mutate: (f) => {
      const i = chunkLineWith(f, /"number":"401000"/);
      f.snap[i] = f.snap[i]!.replace('"number":"401000"', '"number":"401001"');
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /checksum mismatch/ },
  },
  {
    name: 'a letter changed in the snapshot',
    mutate: (f) => {
      const i = chunkLineWith(f, /"name":"[A-Za-z]/);
      const at = f.snap[i]!.indexOf('"name":"') + 8;
      f.snap[i] = flip(f.snap[i]!, at, f.snap[i]![at] === 'X' ? 'Y' : 'X');
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /checksum mismatch/ },
  },
  {
    name: 'a digit changed in a log record',
    mutate: (f) => {
      f.log[3] = f.log[3]!.replace('1234.52', '1234.62');
    },
    expect: { file: 'log', line: 4, problem: /checksum mismatch/ },
  },
  {
    name: 'a letter changed in a log record',
    mutate: (f) => {
      f.log[5] = f.log[5]!.replace('café', 'cafe');
    },
    expect: { file: 'log', line: 6, problem: /checksum mismatch/ },
  },
  {
    name: 'the checksum itself changed',
    mutate: (f) => {
      f.log[2] = flip(f.log[2]!, 9, f.log[2]![9] === '0' ? '1' : '0');
    },
    expect: { file: 'log', line: 3, problem: /checksum mismatch/ },
  },
  {
    name: 'a log record deleted in the middle',
    mutate: (f) => {
      f.log.splice(4, 1);
    },
    expect: { file: 'log', line: 5, problem: /record 5 where record 4 was expected/ },
  },
  {
    name: 'a log record repeated',
    mutate: (f) => {
      f.log.splice(4, 0, f.log[4]!);
    },
    expect: { file: 'log', line: 6, problem: /record 4 where record 5 was expected/ },
  },
  {
    name: 'two log records swapped',
    mutate: (f) => {
      [f.log[3], f.log[4]] = [f.log[4]!, f.log[3]!];
    },
    expect: { file: 'log', line: 4, problem: /record 3 was expected/ },
  },
  {
    name: 'a log record renumbered, checksum made right',
    mutate: (f) => {
      f.log[4] = reseal(f.log[4]!.replace(/"seq":\d+/, '"seq":40'));
    },
    expect: { file: 'log', line: 5, problem: /record 40 where record 4/ },
  },
  {
    name: 'a log record that is not JSON, checksum made right',
    mutate: (f) => {
      f.log[4] = reseal(f.log[4]!.replace('"changes":[', '"changes":[['));
    },
    expect: { file: 'log', line: 5, problem: /not valid JSON/ },
  },
  {
    name: 'a log record without a checksum (the old format in a new file)',
    mutate: (f) => {
      f.log[4] = `{${f.log[4]!.slice(18)}`;
    },
    expect: { file: 'log', line: 5, problem: /has no checksum/ },
  },
  {
    name: 'the log header renumbered, checksum made right',
    mutate: (f) => {
      f.log[0] = reseal(f.log[0]!.replace(/"after":\d+/, '"after":0').replace(/"gen":\d+/, '"gen":7'));
    },
    expect: { file: 'log', line: 1, problem: /generation 7/ },
  },
  {
    name: 'a snapshot chunk deleted',
    mutate: (f) => {
      f.snap.splice(5, 1);
    },
    expect: { file: 'sage-ge.json', line: 6, problem: /chunk 6 .* chunk 5 was expected|chunk 5 was expected/ },
  },
  {
    name: 'a snapshot chunk repeated',
    mutate: (f) => {
      f.snap.splice(5, 0, f.snap[5]!);
    },
    expect: { file: 'sage-ge.json', line: 7, problem: /chunk 5 where chunk 6/ },
  },
  {
    name: 'two snapshot chunks swapped',
    mutate: (f) => {
      [f.snap[3], f.snap[4]] = [f.snap[4]!, f.snap[3]!];
    },
    expect: { file: 'sage-ge.json', line: 4, problem: /chunk 4 where chunk 3/ },
  },
  {
    name: 'the snapshot cut in half',
    mutate: (f) => {
      f.snap.splice(Math.floor(f.snap.length / 2));
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /cut short/ },
  },
  {
    name: 'the snapshot cut in its last chunk',
    mutate: (f) => {
      const i = f.snap.length - 3;
      f.snap.splice(i + 1);
      f.snap[i] = f.snap[i]!.slice(0, 20);
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /cut short/ },
  },
  {
    name: 'the snapshot without its last line',
    mutate: (f) => {
      f.snap.splice(f.snap.length - 2, 1);
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /before its last line/ },
  },
  {
    name: 'the snapshot count changed',
    mutate: (f) => {
      f.snap[f.snap.length - 2] = f.snap[f.snap.length - 2]!.replace(/\d+/, (n) => String(Number(n) + 1));
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /lines were added or removed/ },
  },
  {
    name: 'text after the end of the snapshot',
    mutate: (f) => {
      f.snap.push('{"more":1}', '');
    },
    expect: { file: 'sage-ge.json', line: 'any', problem: /after the end/ },
  },
  {
    name: 'the snapshot header changed',
    mutate: (f) => {
      f.snap[0] = f.snap[0]!.replace(/"seq":\d+/, '"seq":99');
    },
    expect: { file: 'sage-ge.json', line: 1, problem: /checksum mismatch/ },
  },
  {
    name: 'an empty snapshot file',
    mutate: async (_f, dir) => {
      await writeFile(join(dir, 'sage-ge.json'), '');
    },
    expect: { file: 'sage-ge.json', problem: /empty/ },
  },
  {
    name: 'an empty log file',
    mutate: async (f, dir) => {
      await writeFile(join(dir, f.logName), '');
    },
    expect: { file: 'log', line: 1, problem: /no complete header/ },
  },
  {
    name: 'the log file deleted',
    mutate: async (f, dir) => {
      await unlink(join(dir, f.logName));
    },
    expect: { file: 'log', problem: /missing/ },
  },
  {
    name: 'the snapshot deleted, the log kept',
    mutate: async (_f, dir) => {
      await unlink(join(dir, 'sage-ge.json'));
    },
    expect: { file: 'sage-ge.json', problem: /snapshot is missing/ },
  },
  {
    name: 'line ends turned into CRLF (an editor)',
    mutate: (f) => {
      f.log = f.log.map((l) => (l ? `${l}\r` : l));
    },
    expect: { file: 'log', line: 1, problem: /checksum mismatch|not a ledgersim-log/ },
  },
  {
    name: 'a snapshot chunk that is not the state schema, checksum made right',
    mutate: (f) => {
      const i = chunkLineWith(f, /"next":\d/);
      f.snap[i] = reseal(f.snap[i]!.replace(/"next":\d+/, '"next":"lots"'));
    },
    expect: { file: 'sage-ge.json', problem: /does not match the (state )?schema/ },
  },
  // A crash mid-append leaves these: never acknowledged, so they load without the cut part.
  {
    name: 'the log cut in its last record (a torn append)',
    mutate: (f) => {
      f.log[LAST_RECORD] = f.log[LAST_RECORD]!.slice(0, 30);
      f.log.pop();
    },
    expect: 'loads',
  },
  {
    name: 'the log cut in the middle (everything after lost, as in a crash)',
    mutate: (f) => {
      f.log.splice(6);
      f.log[5] = f.log[5]!.slice(0, 40);
    },
    expect: 'loads',
  },
  {
    name: 'the last log record deleted (what a crash before it leaves)',
    mutate: (f) => {
      f.log.splice(LAST_RECORD, 1);
    },
    expect: 'loads',
  },
];

describe('a damaged data directory', () => {
  it.each(cases)('$name', async ({ mutate, expect: expected }) => {
    const dir = await damaged(mutate);
    const names = await readdir(dir);
    const contents = await Promise.all(names.map((n) => readFile(join(dir, n))));
    const out: string[] = [];
    const code = await checkCommand(['--data', dir], { out: (l) => out.push(l), err: (l) => out.push(l) });
    const error = await open(dir).then(
      (s) => s.close().then(() => undefined),
      (e) => e,
    );
    if (expected === 'loads') {
      expect(out.join('\n')).toMatch(/^ok/);
      expect(code).toBe(0);
      expect(error).toBeUndefined();
      return;
    }
    expect(code).toBe(1);
    expect(error).toBeInstanceOf(StoreLoadError);
    const file =
      expected.file === 'log'
        ? join(dir, names.find((n) => n.endsWith('.log')) ?? 'sage-ge.1.log')
        : join(dir, 'sage-ge.json');
    expect(error.file).toBe(file);
    expect(error.message).toMatch(expected.problem);
    if (expected.line === 'any') expect(error.line).toBeGreaterThan(0);
    else if (expected.line !== undefined) expect(error.line).toBe(expected.line);
    expect(out.join('\n')).toContain(file);
    expect(out.join('\n')).toMatch(expected.problem);
    // Refused, and nothing was overwritten, removed or added.
    expect(await readdir(dir)).toEqual(names);
    expect(await Promise.all(names.map((n) => readFile(join(dir, n))))).toEqual(contents);
  });

  it('the format before checksums (state/2 + one log) is migrated at start, its old log kept aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-legacy-'));
    dirs.push(dir);
    const state = sageGeDefinition.demo(1, NOW) as { tenants: Record<string, unknown> };
    const tenant = Object.keys(state.tenants)[0]!;
    await writeFile(join(dir, 'sage-ge.json'), serializeSnapshot(state, 4));
    await writeFile(
      join(dir, 'sage-ge.log'),
      `${JSON.stringify({ seq: 5, changes: [set(['tenants', tenant, 'name'], 'kept from the old log')] })}\n{"seq":6,"chan`,
    );
    const out: string[] = [];
    expect(await checkCommand(['--data', dir], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out.join('\n')).toMatch(/migrated at the next start/);
    const store = await open(dir);
    expect((store.data.tenants[tenant] as Record<string, unknown>).name).toBe('kept from the old log');
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(expect.arrayContaining(['sage-ge.json', 'sage-ge.log.pre-v3']));
    const out2: string[] = [];
    expect(await checkCommand(['--data', dir], { out: (l) => out2.push(l), err: (l) => out2.push(l) })).toBe(0);
    expect(out2.join('\n')).not.toMatch(/migrated/);
  });

  it('check: exit 2 without --data or with a directory that is not there', async () => {
    const io = { out: () => {}, err: () => {} };
    await expect(checkCommand([], io)).rejects.toBeInstanceOf(UsageError);
    await expect(checkCommand(['--data', join(tmpdir(), 'no-such-ledgersim-dir')], io)).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(checkCommand(['--data'], io)).rejects.toBeInstanceOf(UsageError);
  });
});
