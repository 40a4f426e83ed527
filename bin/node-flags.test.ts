import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * V8's memory reducer (a full, heap-shrinking collection started whenever allocation slows down)
 * held a server of 1,000,000 stored entries most of a second. V8 creates it when the heap is set
 * up, so only node's command line can turn it off: `v8.setFlagsFromString('--no-memory-reducer')`
 * at run time leaves it running (checked by hand with `--trace-gc-verbose`: its "Memory reducer:
 * waiting" lines still come), and NODE_OPTIONS refuses the flag. `npm start` passes it.
 */
const ROOT = join(import.meta.dirname, '..');

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the memory reducer is off where ledgersim is started by npm start', () => {
  it('not the binaries: their shebang is the portable one, which every env runs', async () => {
    // `#!/usr/bin/env -S node --no-memory-reducer` is refused by busybox's env ("invalid option --
    // 'S'", BusyBox 1.35), the one of Alpine images: npx ledgersim would not start there at all.
    for (const bin of ['ledgersim.js', 'start.js']) {
      const first = (await readFile(join(ROOT, 'bin', bin), 'utf8')).split('\n')[0];
      expect(first, bin).toBe('#!/usr/bin/env node');
    }
  });

  it.runIf(process.platform !== 'win32')('npm start: node is given the flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-flags-'));
    dirs.push(dir);
    // Loaded before the CLI by the node npm start's command runs: tells the flags node was given.
    const probe = join(dir, 'probe.cjs');
    await writeFile(probe, `process.stderr.write('EXEC_ARGV ' + JSON.stringify(process.execArgv) + '\\n');`);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [, ...args] = pkg.scripts.start!.split(' ');
    const run = spawnSync(process.execPath, [...args.slice(0, -1), '--version'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${probe}` },
    });
    expect(run.stdout).toMatch(/^ledgersim /);
    expect(JSON.parse(/EXEC_ARGV (.*)/.exec(run.stderr)![1]!)).toContain('--no-memory-reducer');
  });

  it('npm start and its fallback through tsx', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/^node --no-memory-reducer bin\/start\.js /);
    const start = await readFile(join(ROOT, 'bin', 'start.js'), 'utf8');
    expect(start).toMatch(/spawn\(process\.execPath, \[\.\.\.NODE_FLAGS,/);
    expect(start).toMatch(/const NODE_FLAGS = \['--no-memory-reducer'\]/);
  });
});
