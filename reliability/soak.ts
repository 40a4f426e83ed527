import { slowClient } from './bounds.js';
import { concurrentPushes } from './concurrency.js';
import { crashRun } from './crash.js';
import { sizeRun } from './size.js';
import { UNDER_FAULTS, type FaultFigures } from './faults-e2e.js';
import { VENDORS } from '../vendors/index.js';
import { tenantMatrix, cellProblem } from './tenants.js';
import { WORLD_NAMES } from './worlds.js';

/**
 * `npm run soak`: the reliability checks at full size. 1,000 entries synced by the hub through
 * 20 % faults (every registered vendor), 50 concurrent clients × 20 pushes with admin actions, a SIGKILL
 * under 12 concurrent clients, the tenants matrix, and stalled clients. Prints the figures and
 * exits 1 if any property is broken.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const entries = arg('entries', 1_000);
let failed = false;
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failed = true;
    console.log(`  BROKEN: ${what}`);
  }
};

console.log(`Faults end to end: ${entries} entries per vendor, 20 % injected faults, over loopback`);
for (const vendor of VENDORS.ids) {
  const run = UNDER_FAULTS[vendor];
  const t = Date.now();
  const f: FaultFigures = await run({ entries, seed: 7 });
  const injected = Object.values(f.faults).reduce((a, b) => a + b, 0);
  console.log(
    `  ${f.vendor.padEnd(8)} requests tried: ${f.requests}, faults injected: ${injected} (${((100 * injected) / f.requests).toFixed(1)} %: ${Object.entries(
      f.faults,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), rounds: ${f.rounds}` +
      `\n           posted: ${f.posted}/${f.entries}, in the vendor: ${f.vendorEntries}, duplicates: ${f.duplicates}, lost: ${f.lost}, hub/vendor disagreements: ${f.disagreements.length} (${Date.now() - t} ms)`,
  );
  check(
    f.posted === entries &&
      f.vendorEntries === entries &&
      f.duplicates === 0 &&
      f.lost === 0 &&
      f.disagreements.length === 0,
    `${f.vendor}: ${f.disagreements.slice(0, 5).join('; ')}`,
  );
}

console.log('\nConcurrency: 50 clients × 20 pushes with empty document numbers, admin actions meanwhile');
const c = await concurrentPushes({ clients: 50, perClient: arg('per-client', 20) });
console.log(
  `  pushed: ${c.pushed}, admin actions: ${c.adminActions}, injected: ${c.injected}, duplicate numbers: ${c.duplicateNumbers}, gaps: ${c.gaps}, state parses: ${c.stateMatchesSchema}, disk = memory: ${c.diskMatchesMemory}`,
);
check(
  c.injected === c.pushed &&
    c.duplicateNumbers === 0 &&
    c.gaps === 0 &&
    c.stateMatchesSchema &&
    c.diskMatchesMemory &&
    c.unexpectedAnswers.length === 0,
  c.unexpectedAnswers.slice(0, 5).join('; '),
);

console.log('\nCrash: SIGKILL of ledgersim start --data under 12 concurrent clients');
const k = await crashRun({ clients: 12, killAfterAcks: arg('kill-after', 400) });
console.log(
  `  pushes tried: ${k.attempted}, acknowledged: ${k.acknowledged}, unanswered at the kill: ${k.unanswered}, lost: ${k.lost}, unexpected: ${k.unexpected}, log lines: ${k.logLines}, torn: ${k.tornLogLines}, files parse: ${k.snapshotParses && k.stateMatchesSchema}`,
);
check(k.lost === 0 && k.unexpected === 0 && k.tornLogLines <= 1 && k.snapshotParses && k.stateMatchesSchema, 'crash');

console.log('\nCrash while PUT /__admin/state races the pushes (6 replaces), then SIGKILL');
const r = await crashRun({ clients: 12, killAfterAcks: arg('kill-after', 400), replaces: 6 });
console.log(
  `  replaces: ${r.replaces}, acknowledged: ${r.acknowledged}, lost: ${r.lost}, unexpected: ${r.unexpected}, torn: ${r.tornLogLines}, files check: ${r.snapshotParses && r.stateMatchesSchema}`,
);
check(
  r.replaces === 6 &&
    r.lost === 0 &&
    r.unexpected === 0 &&
    r.tornLogLines <= 1 &&
    r.snapshotParses &&
    r.stateMatchesSchema,
  'crash with replaces',
);

const sizeEntries = arg('size-entries', 1_000_000);
console.log(
  `\nSize: ${sizeEntries.toLocaleString('en')} entries in one object (admin read streamed, compacted while written to, reloaded)`,
);
const z = await sizeRun({ entries: sizeEntries, entryBytes: arg('entry-bytes', 200) });
console.log(
  `  GET /__admin/state: ${z.adminStateStatus}, ${(z.adminStateBytes / 2 ** 20).toFixed(0)} MiB in ${(z.adminStateMs / 1000).toFixed(1)} s; GET /__admin/tenants/T: ${z.adminTenantStatus}; longest event-loop stall ${z.adminStallMs.toFixed(0)} ms (longest GC pause ${z.adminGcMs.toFixed(0)} ms)` +
    `\n  opened in ${(z.openMs / 1000).toFixed(1)} s; compacted while written to in ${(z.snapshotMs / 1000).toFixed(1)} s, longest event-loop stall ${z.snapshotStallMs.toFixed(0)} ms (longest GC pause ${z.snapshotGcMs.toFixed(0)} ms); reloaded ${z.reloadedEntries} entries in ${(z.loadMs / 1000).toFixed(1)} s, ${z.reloadedEqual ? 'equal to' : 'DIFFERENT from'} the state written`,
);
check(
  z.adminStateStatus === 200 &&
    z.adminTenantStatus === 200 &&
    z.reloadedEqual &&
    z.adminStallMs < 100 &&
    z.snapshotStallMs < 100,
  'size',
);

console.log('\nTenants and credentials matrix');
for (const simulator of WORLD_NAMES) {
  const cells = await tenantMatrix(simulator);
  const problems = cells.filter((cell) => cellProblem(cell));
  const byStatus: Record<number, number> = {};
  for (const cell of cells) byStatus[cell.status] = (byStatus[cell.status] ?? 0) + 1;
  console.log(
    `  ${simulator.padEnd(8)} requests: ${cells.length}, ${Object.entries(byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join('  ')}, leaks: ${cells.filter((x) => x.leaked.length).length}, problems: ${problems.length}`,
  );
  check(
    problems.length === 0,
    problems
      .map((p) => `${p.variant} ${p.route} ${cellProblem(p)}`)
      .slice(0, 5)
      .join('; '),
  );
}

console.log('\nStalled clients (request timeout 1 s, raw loopback socket)');
for (const stall of ['headers', 'body'] as const) {
  const s = await slowClient({ requestTimeoutMs: 1_000, stall, giveUpMs: 10_000 });
  console.log(
    `  never-finished ${stall}: cut after ${s.heldMs} ms (${s.answer || 'closed'}); another client meanwhile: ${s.otherRequestStatus} in ${s.otherRequestMs} ms`,
  );
  check(s.heldMs > 0 && s.heldMs < 3_000 && s.otherRequestStatus === 200, `stalled ${stall}`);
}

console.log(`\n${failed ? 'SOME PROPERTIES BROKEN' : 'all properties held'}`);
process.exitCode = failed ? 1 : 0;
