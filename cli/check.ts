import { parseArgs } from 'node:util';
import { nodeFileLayer } from '../core/file-layer.js';
import { loadData } from '../core/load.js';
import { DataFileError } from '../core/records.js';
import { validateInPlace } from '../core/validate-in-place.js';
import { VENDORS } from '../vendors/index.js';
import type { CliIO } from './start.js';
import { join } from 'node:path';
import { CLOCK_FILE, readClockFile } from '../simulators/clock-file.js';
import { notADirectory } from './data-dir.js';
import { UsageError } from './usage.js';

/**
 * `ledgersim check --data DIR`: reads every simulator's files in DIR with the store's own loader
 * (checksums, sequence numbers, the chain of log generations, the state schema) and changes
 * nothing. Exit 0 when all are sound, 1 with the damage (file, line, problem), 2 on bad usage.
 */
export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: { data: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const dir = values.data;
  if (!dir) throw new UsageError('check needs --data DIR');
  let names: string[];
  try {
    names = await nodeFileLayer.readdir(dir);
  } catch {
    throw notADirectory(dir);
  }
  const present = VENDORS.modules
    .map((m) => m.simulator.definition)
    .filter((d) => names.some((f) => f === `${d.name}.json` || f.startsWith(`${d.name}.`)));
  if (present.length === 0) {
    io.err(`ledgersim: no simulator state in ${dir} (expected files such as sage-ge.json)`);
    return 1;
  }
  let damaged = 0;
  for (const definition of present) {
    try {
      const loaded = await loadData(nodeFileLayer, dir, definition.name);
      if (loaded.state !== undefined) {
        // What the start will read: an older format migrated first (in memory: check changes nothing).
        let state: unknown = loaded.state;
        try {
          state = definition.migrate ? definition.migrate(state) : state;
        } catch (error) {
          throw new DataFileError(
            `${dir}/${definition.name}.json`,
            undefined,
            `cannot be read: ${(error as Error).message}`,
          );
        }
        const parsed = validateInPlace(definition.schema, state);
        if (!parsed.ok) {
          const where = parsed.issue.path.length ? parsed.issue.path.join('.') : '(root)';
          throw new DataFileError(
            `${dir}/${definition.name}.json`,
            undefined,
            `the state does not match the schema: ${where}: ${parsed.issue.message}`,
          );
        }
      }
      const notes = [
        loaded.legacy
          ? 'the format before checksums: it will be migrated at the next start'
          : `snapshot of record ${loaded.seq - loaded.records} in ${loaded.chunks} chunks`,
        `${loaded.records} log records after it`,
        ...(loaded.tornBytes
          ? [`a torn last append of ${loaded.tornBytes} bytes (never acknowledged; cut at the next start)`]
          : []),
        ...(loaded.obsolete.length ? [`${loaded.obsolete.length} obsolete log file(s) removed at the next start`] : []),
      ];
      io.out(`ok       ${definition.name}: ${notes.join('; ')}`);
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      damaged += 1;
      io.out(`DAMAGED  ${definition.name}: ${error.message}`);
    }
  }
  if (!(await checkClock(dir, io))) damaged += 1;
  if (damaged > 0)
    io.err(
      `ledgersim: ${damaged} damaged; nothing was changed. Restore the file from a backup or move the directory aside.`,
    );
  return damaged > 0 ? 1 : 0;
}

/**
 * `clock.json` read as `start` reads it (`readClockFile`): a damaged one is what start moves aside
 * (`clock.json.damaged`), losing the tenants' own time lines; a missing one beside a stored state
 * is what start warns about. False when damaged.
 */
async function checkClock(dir: string, io: CliIO): Promise<boolean> {
  const file = join(dir, CLOCK_FILE);
  const found = await readClockFile(file);
  if (found.kind === 'saved') {
    const lines = Object.values(found.saved.tenants ?? {}).reduce((n, tenants) => n + Object.keys(tenants).length, 0);
    io.out(
      `ok       ${CLOCK_FILE}: ${found.saved.mode} at ${found.saved.now}${lines ? `; ${lines} tenant time line(s)` : ''}`,
    );
    return true;
  }
  const fallback =
    "the virtual clock will start at the latest instant the stored state records (or the machine's date), and the tenants' own time lines are lost; --now chooses";
  if (found.kind === 'absent') {
    io.out(`note     ${CLOCK_FILE}: missing beside the stored state: ${fallback}`);
    return true;
  }
  io.out(`DAMAGED  ${CLOCK_FILE}: ${found.problem}; the next start moves it to ${CLOCK_FILE}.damaged: ${fallback}`);
  return false;
}
