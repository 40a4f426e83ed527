import { parseDuration } from '../core/duration.js';
import { parseArgs } from 'node:util';
import { DirectoryLockedError } from '../core/dir-lock.js';
import { StoreLoadError } from '../core/store.js';
import { formatRequestLine, startSimulators, type RequestLogLine } from '../simulators/start.js';
import { ensureDataDirectory } from './data-dir.js';
import { UsageError } from './usage.js';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** A transient progress line (a terminal only). */
  progress?(line: string): void;
  /** Force colours on or off (default: on a terminal without NO_COLOR). */
  colour?: boolean;
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return Number(value);
}

/** `ledgersim start`: serves until SIGINT/SIGTERM, then flushes state and exits 0. */
export async function startCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        seed: { type: 'string' },
        'port-base': { type: 'string' },
        host: { type: 'string' },
        now: { type: 'string' },
        clock: { type: 'string' },
        verbose: { type: 'boolean' },
        log: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'admin-token': { type: 'string' },
        'tenant-ttl': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const seed = integer('seed', values.seed, 0, 2 ** 31 - 1);
  const portBase = integer('port-base', values['port-base'], 0, 65_000);
  if (values.now !== undefined && !Number.isFinite(Date.parse(values.now)))
    throw new UsageError(`--now must be an ISO date or instant, not "${values.now}"`);

  const allowedHosts = (values['allowed-host'] ?? [])
    .flatMap((list) => list.split(','))
    .map((h) => h.trim())
    .filter(Boolean);
  for (const host of allowedHosts)
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/i.test(host))
      throw new UsageError(`--allowed-host takes a host name, optionally with :port, not "${host}"`);
  // A token on the command line is visible in the process list: LEDGERSIM_ADMIN_TOKEN keeps it out.
  const adminToken = values['admin-token'] ?? (process.env.LEDGERSIM_ADMIN_TOKEN || undefined);
  if (adminToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(adminToken))
    throw new UsageError('--admin-token must be at least 16 printable characters with no spaces');
  if (values.clock !== undefined && values.clock !== 'live' && values.clock !== 'frozen')
    throw new UsageError(`--clock must be live or frozen, not "${values.clock}"`);
  const clockMode = (values.clock ?? 'live') as 'live' | 'frozen';
  if (values.log !== undefined && values.log !== 'json' && values.log !== 'text')
    throw new UsageError(`--log must be text or json, not "${values.log}"`);
  const logFormat = values.log ?? (values.verbose ? 'text' : undefined);
  let tenantTtlMs: number | undefined;
  if (values['tenant-ttl'] !== undefined) {
    try {
      tenantTtlMs = parseDuration(values['tenant-ttl']);
    } catch {
      tenantTtlMs = Number.NaN;
    }
    if (!(tenantTtlMs >= 1000 && tenantTtlMs <= 2 ** 31 - 1))
      throw new UsageError(
        `--tenant-ttl takes a duration from 1s to 24d (e.g. 30m, 2h), not "${values['tenant-ttl']}"`,
      );
  }
  const onRequest =
    logFormat === undefined
      ? undefined
      : (line: RequestLogLine) => io.out(logFormat === 'json' ? JSON.stringify(line) : formatRequestLine(line));

  if (values.data !== undefined) await ensureDataDirectory(values.data);
  let started;
  try {
    started = await startSimulators({
      seed,
      portBase,
      dataDir: values.data,
      host: values.host,
      now: values.now,
      clock: clockMode,
      onRequest,
      allowedHosts,
      adminToken,
      tenantTtlMs,
      onEvict: (simulator, ids) =>
        io.out(
          `[${simulator}] removed ${ids.length} tenant(s) untouched for ${values['tenant-ttl']}: ${ids.join(', ')}`,
        ),
      warn: (text) => text.split('\n').forEach((line) => io.err(line)),
    });
  } catch (error) {
    if (error instanceof DirectoryLockedError) {
      io.err(`ledgersim: ${error.message}`);
      return 1;
    }
    if (error instanceof StoreLoadError) {
      io.err(`ledgersim: cannot load the state: ${error.message}`);
      io.err('Fix or move the file, or start with another --data directory.');
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`ledgersim: a port is already in use (${(error as Error).message}); try --port-base`);
      return 1;
    }
    throw error;
  }
  io.out(
    `ledgersim ${values.data ? `(state in ${values.data})` : '(state in memory)'}, seed ${seed ?? 1}, virtual clock at ${started.clock.now().toISOString()}`,
  );
  io.out(
    clockMode === 'live'
      ? 'The virtual clock runs with real time (imports finish, nights come); POST /__admin/clock {"advance":"12h"} or the dashboard moves it ahead, --clock frozen stops it.'
      : 'The virtual clock is frozen: it moves only through POST /__admin/clock {"advance":"12h"} or the dashboard.',
  );
  if (started.dashboard) {
    io.out('');
    io.out(`Dashboard ${started.dashboard.url}   (see and drive the simulators in a browser)`);
  }
  for (const sim of started.simulators) {
    io.out('');
    io.out(
      `${sim.title.padEnd(8)} ${sim.url}   (API reference: ${sim.url}/docs, admin: ${sim.url}/__admin/health, API description: ${sim.url}/openapi.json)`,
    );
    for (const line of sim.credentials) io.out(`  ${line}`);
  }
  if (adminToken) {
    io.out('');
    io.out('/__admin asks for Authorization: Bearer <the admin token>; the dashboard asks for it once (/login).');
  }
  io.out('');
  io.out('Ctrl-C stops.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out('ledgersim: stopping, flushing state...');
  await started.close();
  return 0;
}
