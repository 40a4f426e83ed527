import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { set } from './changes.js';
import { DirectoryLockedError, LOCK_FILE, processStartTime } from './dir-lock.js';
import { openFileStore } from './store.js';

const StateSchema = z.object({ tenants: z.record(z.string(), z.object({ n: z.number() })) });
type State = z.infer<typeof StateSchema>;
const initial = (): State => ({ tenants: { a: { n: 0 } } });

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const open = (dir: string, extra: { name?: string; onStaleLock?: (message: string) => void } = {}) =>
  openFileStore<State>({ dir, name: 'sim', schema: StateSchema, initial, ...extra });

const STORE_URL = pathToFileURL(join(import.meta.dirname, 'store.ts')).href;
const ZOD_URL = import.meta.resolve('zod');

/**
 * Another process that opens the store on `dir`, sets tenant a's n to `n`, says READY and waits to
 * be killed; or, if the open fails, prints the error and exits 1.
 */
function otherProcess(dir: string, n: number) {
  const code = `
    const { openFileStore } = await import(${JSON.stringify(STORE_URL)});
    const { z } = await import(${JSON.stringify(ZOD_URL)});
    const schema = z.object({ tenants: z.record(z.string(), z.object({ n: z.number() })) });
    try {
      const store = await openFileStore({ dir: ${JSON.stringify(dir)}, name: 'sim', schema, initial: () => ({ tenants: { a: { n: 0 } } }) });
      await store.commit([{ op: 'set', path: ['tenants', 'a', 'n'], value: ${n} }]);
      console.log('READY');
      setInterval(() => {}, 1000);
    } catch (error) {
      console.error(error.name + ': ' + error.message);
      process.exit(1);
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (data: Buffer) => (out += data));
  child.stderr.on('data', (data: Buffer) => (err += data));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('READY') && resolve());
    void exited.then(([code]) => reject(new Error(`the other process exited (${code}): ${err}`)));
  });
  ready.catch(() => {}); // awaited only by the tests that expect it to start
  return { child, ready, exited, output: () => ({ out, err }) };
}

describe('one process per data directory', () => {
  it("a second process on the same directory is refused, naming the directory and the holder's process id, and changes nothing", async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([set(['tenants', 'a', 'n'], 1)]);
    const names = await readdir(dir);
    const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
    const other = otherProcess(dir, 99);
    const [code] = await other.exited;
    expect(code).toBe(1);
    expect(other.output().err).toContain('DirectoryLockedError');
    expect(other.output().err).toContain(`the data directory ${dir} is in use by process ${process.pid}`);
    expect(await readdir(dir)).toEqual(names);
    expect(await Promise.all(names.map((name) => readFile(join(dir, name))))).toEqual(contents);
    // This process still holds it and writes on.
    await store.commit([set(['tenants', 'a', 'n'], 2)]);
    await store.close();
    expect((await open(dir)).data.tenants.a!.n).toBe(2);
  }, 60_000);

  it('after the holder is killed (kill -9) the restart takes the stale lock over with a warning and finds what was acknowledged', async () => {
    const dir = await tempDir();
    const other = otherProcess(dir, 42);
    await other.ready;
    const pid = other.child.pid!;
    expect((await readFile(join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(pid));
    await expect(open(dir)).rejects.toBeInstanceOf(DirectoryLockedError);
    other.child.kill('SIGKILL');
    await other.exited;
    const warnings: string[] = [];
    const store = await open(dir, { onStaleLock: (message) => warnings.push(message) });
    expect(store.data.tenants.a!.n).toBe(42);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`names process ${pid}, which is no longer running`);
    expect((await readFile(join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(process.pid));
    await store.close();
  }, 60_000);

  it.runIf(processStartTime(process.pid) !== undefined)(
    'a lock naming a live process that started at another time (its id reused since) is stale',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, LOCK_FILE), `${process.ppid}\n1\n`);
      const warnings: string[] = [];
      const store = await open(dir, { onStaleLock: (message) => warnings.push(message) });
      expect(warnings).toHaveLength(1);
      expect((await readFile(join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(process.pid));
      await store.close();
    },
  );

  it('a lock naming a live process (with no start time to compare) is respected', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), `${process.ppid}\n`);
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryLockedError);
    expect((error as DirectoryLockedError).pid).toBe(process.ppid);
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it("the stores of one process share the directory's lock, which goes with the last one closed", async () => {
    const dir = await tempDir();
    const first = await open(dir, { name: 'one' });
    const second = await open(dir, { name: 'two' });
    await first.close();
    expect(await readdir(dir)).toContain(LOCK_FILE);
    await second.close();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });
});
