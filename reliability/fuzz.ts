import { fuzz, overDefaultLimit, type FuzzFigures } from './bad-input.js';
import { WORLD_NAMES } from './worlds.js';

/**
 * `npm run fuzz`: the bad-input property at full size, at least 10,000 requests over every vendor
 * and admin route of the three simulators. `--runs N` (total, default 12,000) and `--seed N`
 * (default 20260316) make a run reproducible; a failure prints fast-check's counterexample.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('runs', 12_000);
const seed = arg('seed', 20260316);
const targets = WORLD_NAMES.flatMap((simulator) =>
  (['vendor', 'admin'] as const).map((plane) => ({ simulator, plane })),
);
const runs = Math.ceil(total / targets.length);

const all: FuzzFigures[] = [];
let failed = false;
const started = Date.now();
for (const { simulator, plane } of targets) {
  try {
    const figures = await fuzz({ simulator, plane, runs, seed });
    all.push(figures);
    console.log(
      `${simulator.padEnd(8)} ${plane.padEnd(6)} ${String(figures.tried).padStart(6)} requests  ${Object.entries(
        figures.byStatus,
      )
        .map(([s, n]) => `${s}: ${n}`)
        .join('  ')}`,
    );
  } catch (error) {
    failed = true;
    console.error(`${simulator} ${plane}: FAILED\n${(error as Error).message}`);
  }
}
for (const simulator of WORLD_NAMES) {
  const limit = await overDefaultLimit(simulator);
  console.log(
    `${simulator.padEnd(8)} body over 5 MiB: ${limit.status}, vendor's shape: ${limit.shapeOk}, state unchanged: ${limit.unchanged}`,
  );
  if (limit.status !== 413 || !limit.shapeOk || !limit.unchanged) failed = true;
}
const byStatus: Record<string, number> = {};
for (const f of all) for (const [s, n] of Object.entries(f.byStatus)) byStatus[s] = (byStatus[s] ?? 0) + n;
const tried = all.reduce((n, f) => n + f.tried, 0);
const fivexx = Object.entries(byStatus)
  .filter(([s]) => Number(s) >= 500)
  .reduce((n, [, c]) => n + c, 0);
console.log(`\nrequests tried: ${tried} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(
  `by status: ${Object.entries(byStatus)
    .map(([s, n]) => `${s}: ${n}`)
    .join('  ')}`,
);
console.log(`5xx: ${fivexx}, properties broken: ${failed ? 'yes' : 'none'}`);
process.exitCode = failed || tried < 10_000 ? 1 : 0;
