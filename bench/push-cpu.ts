// Server CPU per memory push of this tree against a pinned earlier commit, in the same run (issue 19):
// a regression of the request path shows as a ratio, whatever else the machine is doing.
//   node --import tsx bench/push-cpu.ts [--commit SHA] [--rounds N] [--seconds S]
// Each side is `ledgersim start` from its own sources (tsx, the in-memory store), pinned to core 1
// when taskset is there, loaded by autocannon from this process with the bench's ~1 KB push over
// loopback; the sides alternate, round after round, so that a change in the machine's load falls
// on both. The commit is checked out in a temporary git worktree, removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_NOW, BENCH_SEED, PUSH_PATH, pushBody } from './lib/fixtures.js';
import { load } from './lib/load.js';
import { cpuTimeOf, setUpPinning, spawnNode, stop, stopAll, waitForOutput } from './lib/processes.js';
import { summarize, type Summary } from './lib/stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The commit before issue 19's read gate, tenant clocks, credential index and journal changes. */
export const PINNED_COMMIT = 'd5ece87';

const { values: flags } = parseArgs({
  options: {
    commit: { type: 'string', default: PINNED_COMMIT },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
  },
});

const body = JSON.stringify(pushBody());

/** CPU µs the server spent per answered push over one run, after a warm-up of the same length. */
async function cpuPerPush(root: string, seconds: number): Promise<number> {
  const spawned = spawnNode(
    ['--import', 'tsx', 'cli/run.ts', 'start', '--port-base', '0', '--seed', String(BENCH_SEED), '--now', BENCH_NOW],
    root,
  );
  try {
    await waitForOutput(spawned, /Ctrl-C stops\./, 180_000);
    const url = /^Sage GE\s+(http:\/\/\S+)/m.exec(spawned.output())?.[1];
    const identifier = /^\s+ENT-1 .*Authorization: Bearer (\S+)/m.exec(spawned.output())?.[1];
    if (!url || !identifier) throw new Error(`no Sage GE URL or ENT-1 identifier in:\n${spawned.output()}`);
    const options = {
      url: `${url}${PUSH_PATH}`,
      body,
      headers: { authorization: `Bearer ${identifier}` },
      connections: 10,
      durationSeconds: seconds,
    };
    await load(options);
    const before = cpuTimeOf(spawned.pid);
    const result = await load(options);
    const after = cpuTimeOf(spawned.pid);
    if (before === null || after === null) throw new Error('no /proc CPU time for the server');
    if (result.non2xx > 0 || result.total === 0) throw new Error(`${root}: ${result.non2xx} pushes were refused`);
    return ((after - before) * 1000) / result.total;
  } finally {
    await stop(spawned);
  }
}

export async function comparePushCpu(
  commit: string,
  rounds: number,
  seconds: number,
): Promise<{ tree: Summary; pinned: Summary }> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-push-cpu-'));
  const worktree = join(dir, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', worktree, commit], { cwd: ROOT, stdio: 'ignore' });
  try {
    await symlink(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
    const tree: number[] = [];
    const pinned: number[] = [];
    for (let round = 0; round < rounds; round++) {
      tree.push(await cpuPerPush(ROOT, seconds));
      pinned.push(await cpuPerPush(worktree, seconds));
      console.log(
        `  [${round + 1}/${rounds}] this tree ${tree.at(-1)!.toFixed(0)} µs, ${commit} ${pinned.at(-1)!.toFixed(0)} µs per push`,
      );
    }
    return { tree: summarize(tree), pinned: summarize(pinned) };
  } finally {
    await stopAll();
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  setUpPinning(cpus().length);
  const { tree, pinned } = await comparePushCpu(flags.commit!, Number(flags.rounds), Number(flags.seconds));
  console.log(
    `server CPU per memory push: this tree ${tree.median.toFixed(0)} µs (${tree.min.toFixed(0)}–${tree.max.toFixed(0)}), ` +
      `${flags.commit} ${pinned.median.toFixed(0)} µs (${pinned.min.toFixed(0)}–${pinned.max.toFixed(0)}): ` +
      `${(tree.median / pinned.median).toFixed(2)} × the pinned commit`,
  );
}
