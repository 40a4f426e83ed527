import { createDashboard } from '../dashboard/index.js';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createLiveClock,
  createVirtualClock,
  systemRealTime,
  systemStartTime,
  type ClockMode,
  type RealTime,
  type VirtualClock,
} from '../core/clock.js';
import { createTenantClocks, type TenantClocks } from '../core/tenant-clock.js';
import { own } from '../core/own.js';
import {
  CLOCK_FILE,
  createClockFile,
  latestRecordedInstant,
  readClockFile,
  type ClockFileRead,
  type SavedClock,
  type SavedLine,
} from './clock-file.js';
import { exposureWarning } from './kit/access.js';
import { serveApp, type RunningServer } from './kit/serve.js';
import { createMemoryStore, openFileStore, type Store } from '../core/store.js';
import type { Simulator } from './kit/simulator.js';
import { VENDORS, type VendorId, type VendorModule } from '../vendors/index.js';
import { demoCredentials, type DemoCredentials } from '../vendors/demo.js';

export interface StartOptions {
  /** Ports are portBase + 0 (the dashboard) and + each vendor's port offset (Sage GE 1, Quadra 2, Loop 3); 0 picks free ports (tests). */
  portBase?: number;
  /** Loopback by default. */
  host?: string;
  seed?: number;
  /** Persist each simulator's state under this directory (`<name>.json` + `<name>.<gen>.log`, checksummed). */
  dataDir?: string;
  /** Where the virtual clock starts; the machine's date by default (or where `dataDir` left it). */
  now?: Date | string;
  /**
   * `frozen` (the default here, for tests): the virtual clock moves only through `/__admin/clock`,
   * the dashboard or `clock.set/advance`. `live` (`ledgersim start`'s default): it follows real time
   * from where it starts, so imports finish and nights come by themselves.
   */
  clock?: ClockMode;
  /** Real time for a live clock (tests drive it by hand). */
  realTime?: RealTime;
  /** One line per request answered by any simulator (`ledgersim start --verbose` / `--log json`). */
  onRequest?: (line: RequestLogLine) => void;
  /** Only these simulators (all by default). */
  only?: readonly VendorId[];
  /** Serve the dashboard on portBase + 0 (default true). */
  dashboard?: boolean;
  /**
   * Host names accepted besides loopback (a container's or a proxy's name): `name` on any port,
   * `name:port` on that one. Any other Host is refused (403), which stops DNS rebinding.
   */
  allowedHosts?: readonly string[];
  /** When set, `/__admin` asks for `Authorization: Bearer <token>` and the dashboard for a login. */
  adminToken?: string;
  /** Where the start-up warnings go (binding beyond loopback with no token): `console.warn` by default. */
  warn?: (text: string) => void;
  /**
   * A shared server's `--tenant-ttl`: tenants nobody touched for this many milliseconds of real
   * time are removed (the demo's never). Real time is `realTime` (tests drive it by hand).
   */
  tenantTtlMs?: number;
  /** Told which tenants `tenantTtlMs` removed, per simulator. */
  onEvict?: (simulator: VendorId, tenantIds: string[]) => void;
}

/** What `--verbose` prints of a request: never a header or a body, so never a secret. */
export interface RequestLogLine {
  /** Virtual time the request arrived. */
  at: string;
  simulator: VendorId;
  method: string;
  path: string;
  status: number;
  durationMs?: number;
  tenantId?: string;
  /** The documented rejection the answer carries. */
  catalogueId?: string;
  fault?: string;
}

/** `--verbose`: one readable line per request. */
export function formatRequestLine(line: RequestLogLine): string {
  const extra = [line.tenantId && `tenant=${line.tenantId}`, line.catalogueId, line.fault && `fault=${line.fault}`]
    .filter(Boolean)
    .join(' ');
  return `${line.at} ${line.simulator.padEnd(7)} ${line.method.padEnd(6)} ${line.path} ${line.status} ${line.durationMs ?? '?'}ms${extra ? ` ${extra}` : ''}`;
}

export interface StartedSimulator {
  name: VendorId;
  title: string;
  url: string;
  simulator: Simulator<any>;
  /** The credentials as `ledgersim start` prints them, one line per tenant (typed: `StartedSimulators.credentials`). */
  credentials: string[];
}

export interface StartedSimulators {
  clock: VirtualClock;
  simulators: StartedSimulator[];
  /** Each started simulator's URL by vendor id (`urls['sage-ge']`); absent for a simulator not started. */
  urls: Partial<Record<VendorId, string>>;
  /**
   * Each simulator's tenants at start (the seed's demo data, or what `dataDir` held) with their
   * credentials typed as the vendor's connector takes them: `credentials['sage-ge'][0].credentials.geIdentifier`.
   * An empty list for a simulator not started.
   */
  credentials: DemoCredentials;
  /** The dashboard (see and drive the simulators in a browser), unless started with `dashboard: false`. */
  dashboard?: { url: string };
  /** Stops serving, flushes every store and writes its final snapshot. */
  close(): Promise<void>;
}

/**
 * Starts every simulator on its port, sharing one virtual clock, with the demo data of the seed
 * (or the state found in `dataDir`). A data file that does not parse or match its schema stops
 * the start with a `StoreLoadError` naming the file; it is never overwritten. A `dataDir` another
 * process holds stops it with a `DirectoryLockedError`. For a large state, run node with
 * `--no-memory-reducer` (as `npm start` does): V8's memory reducer otherwise pauses the
 * process for a full collection of the heap when allocation slows down.
 */
export async function startSimulators(options: StartOptions = {}): Promise<StartedSimulators> {
  const portBase = options.portBase ?? 4100;
  const seed = options.seed ?? 1;
  const warn = options.warn ?? console.warn;
  const real = options.realTime ?? systemRealTime;
  const mode = options.clock ?? 'frozen';
  const access = { allowedHosts: options.allowedHosts, adminToken: options.adminToken };
  // Each vendor's module is typed with its own state; here they are all handled alike.
  const chosen: readonly VendorModule<VendorId>[] = VENDORS.modules.filter(
    (vendor) => !options.only || options.only.includes(vendor.id),
  );
  const clockPath = options.dataDir ? join(options.dataDir, CLOCK_FILE) : undefined;
  const found = clockPath ? await readClockFile(clockPath) : undefined;
  const saved = found?.kind === 'saved' ? found.saved : undefined;
  // `now` sets the server's clock; the tenants' own lines are theirs and come back all the same.
  let start = startOf(options.now ?? (saved ? savedStart(saved, real) : systemStartTime()));

  // Open every store first: a corrupt file must stop the start before anything listens.
  const stores: Store<any>[] = [];
  /** The stores that held a state from an earlier run (not the seed's demo). */
  const restored: Store<any>[] = [];
  for (const vendor of chosen) {
    const { definition } = vendor.simulator;
    let fresh = false;
    const store = options.dataDir
      ? await openFileStore({
          dir: options.dataDir,
          name: definition.name,
          schema: definition.schema,
          ...(definition.migrate ? { migrate: definition.migrate } : {}),
          onStaleLock: warn,
          initial: () => {
            fresh = true;
            return definition.demo(seed, new Date(start));
          },
        })
      : createMemoryStore(definition.demo(seed, new Date(start)));
    stores.push(store);
    if (options.dataDir && !fresh) restored.push(store);
  }
  if (clockPath && found && found.kind !== 'saved') {
    const fallback = await fallBack(clockPath, found, restored, start, options.now !== undefined);
    start = fallback.start;
    if (fallback.warning) warn(fallback.warning);
  }
  const clock = mode === 'live' ? createLiveClock({ start, real }) : createVirtualClock({ start });
  // Each simulator's tenants' own time lines, put back before its simulator exists (before any work
  // due on the clock is judged by a tenant's time).
  const lines = chosen.map((vendor, i) => {
    const clocks = createTenantClocks(clock);
    if (saved?.tenants) restoreLines(clocks, own(saved.tenants, vendor.id), stores[i]!.data.tenants);
    return clocks;
  });
  const clockFile = options.dataDir
    ? createClockFile({
        dir: options.dataDir,
        warn,
        serialize: () => ({
          mode,
          now: clock.now().toISOString(),
          ...(mode === 'live' ? { offsetMs: clock.nowMs() - real.now() } : {}),
          // A simulator not started this time (`only`) keeps the lines it had.
          tenants: {
            ...saved?.tenants,
            ...Object.fromEntries(chosen.map((vendor, i) => [vendor.id, savedLines(lines[i]!)])),
          },
        }),
      })
    : undefined;
  const unwatch: (() => void)[] = [];
  if (clockFile) {
    const schedule = () => clockFile.schedule();
    unwatch.push(clock.onChange(schedule));
    for (const [i, clocks] of lines.entries()) {
      unwatch.push(clocks.onChange(schedule));
      // A tenant removed takes its line along (the kit drops it): the file follows.
      unwatch.push(
        stores[i]!.onApplied((changes) => {
          if (!changes || changes.some((change) => change.path[0] === 'tenants' && change.path.length <= 2)) schedule();
        }),
      );
    }
    schedule();
  }
  const started: StartedSimulator[] = [];
  const servers: RunningServer[] = [];
  let dashboard: RunningServer | undefined;
  try {
    for (const [i, vendor] of chosen.entries()) {
      const { definition, create, portOffset } = vendor.simulator;
      const tenantTtl =
        options.tenantTtlMs === undefined
          ? undefined
          : {
              ms: options.tenantTtlMs,
              real: options.realTime,
              onEvict: (ids: string[]) => options.onEvict?.(vendor.id, ids),
            };
      const simulator = create({ clock: lines[i]!, seed, store: stores[i]!, tenantTtl });
      // An admin answer that moved a clock is sent once the move is on disk (a kill -9 after it
      // loses nothing); vendor requests never wait for the clock file.
      const fetch = clockFile
        ? async (request: Request, env?: unknown) => {
            const response = await simulator.app.fetch(request, env);
            if (request.method !== 'GET' && clockFile.pending && new URL(request.url).pathname.startsWith('/__admin'))
              await clockFile.flush();
            return response;
          }
        : simulator.app.fetch;
      const server = await serveApp(fetch, {
        port: portBase === 0 ? 0 : portBase + portOffset,
        hostname: options.host,
        access,
        clientError: (refusal) => ({
          contentType: 'application/json',
          body: JSON.stringify(
            simulator.formatError({
              status: refusal.status,
              code:
                refusal.status === 400
                  ? 'BadRequest'
                  : refusal.status === 408
                    ? 'RequestTimeout'
                    : 'RequestHeaderFieldsTooLarge',
              message: refusal.message,
            }),
          ),
        }),
      });
      servers.push(server);
      if (options.onRequest) {
        const onRequest = options.onRequest;
        const name = vendor.id;
        simulator.journal.subscribe((r) =>
          onRequest({
            at: r.at,
            simulator: name,
            method: r.method,
            path: r.path,
            status: r.status,
            durationMs: r.durationMs,
            tenantId: r.tenantId,
            catalogueId: r.catalogueId,
            fault: r.fault,
          }),
        );
      }
      started.push({
        name: vendor.id,
        title: definition.title,
        url: server.url,
        simulator,
        credentials: definition.credentials(simulator.store.data),
      });
    }
    if (options.dashboard !== false) {
      const app = createDashboard({
        simulators: started,
        clock,
        ...(clockFile ? { clockSaved: () => clockFile.flush() } : {}),
      });
      dashboard = await serveApp(app.fetch, { port: portBase === 0 ? 0 : portBase, hostname: options.host, access });
      servers.push(dashboard);
    }
  } catch (error) {
    for (const off of unwatch) off();
    clock.dispose();
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(stores.map((s) => s.close()));
    await clockFile?.flush();
    throw error;
  }
  const warning = exposureWarning(options.host ?? '127.0.0.1', access);
  if (warning) warn(warning);
  return {
    clock,
    simulators: started,
    urls: Object.fromEntries(started.map((s) => [s.name, s.url])),
    credentials: demoCredentials(Object.fromEntries(started.map((s) => [s.name, s.simulator.store.data]))),
    ...(dashboard ? { dashboard: { url: dashboard.url } } : {}),
    async close() {
      clock.dispose();
      await Promise.all(servers.map((s) => s.close()));
      await Promise.all(started.map((s) => s.simulator.close()));
      await clockFile?.flush();
      for (const off of unwatch) off();
    },
  };
}

/** A saved clock's instant now: a live one kept its offset from real time (time went on while it was down). */
function savedStart(saved: SavedClock, real: RealTime): number {
  return saved.mode === 'live' && saved.offsetMs !== undefined ? real.now() + saved.offsetMs : Date.parse(saved.now);
}

function startOf(value: number | Date | string): number {
  const ms = typeof value === 'number' ? value : new Date(value).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid instant: ${String(value)}`);
  return ms;
}

/**
 * No usable clock file beside a stored state: the clock starts no earlier than the latest instant
 * the state records, never silently at the machine's date behind it. A damaged file is kept
 * aside (`clock.json.damaged`) for whoever wants to see what happened to it.
 */
async function fallBack(
  file: string,
  found: Exclude<ClockFileRead, { kind: 'saved' }>,
  restored: readonly Store<any>[],
  machine: number,
  chosen: boolean,
): Promise<{ start: number; warning?: string }> {
  if (found.kind === 'absent') {
    if (restored.length === 0 || chosen) return { start: machine }; // a new data directory, or --now
  } else {
    await rename(file, `${file}.damaged`);
    if (chosen)
      return {
        start: machine,
        warning: `ledgersim: ${file} is damaged (${found.problem}); it was moved to ${file}.damaged: the tenants' own time lines were lost.`,
      };
  }
  let latest: number | undefined;
  for (const store of restored) {
    const at = latestRecordedInstant(store.data);
    if (at !== undefined && (latest === undefined || at > latest)) latest = at;
  }
  const start = latest !== undefined && latest > machine ? latest : machine;
  const why =
    found.kind === 'absent'
      ? `${file} is missing beside the stored state`
      : `${file} is damaged (${found.problem}); it was moved to ${file}.damaged`;
  const where =
    start === machine
      ? `the machine's date, ${new Date(start).toISOString()} (the stored state records nothing later)`
      : `${new Date(start).toISOString()}, the latest instant the stored state records (the machine's date is behind it)`;
  return {
    start,
    warning: `ledgersim: ${why}: the virtual clock starts at ${where}; the tenants' own time lines were lost. Pass --now to choose.`,
  };
}

/** Each tenant line as saved: a flowing line's offset over the server's clock, a frozen line's instant. */
function savedLines(clocks: TenantClocks): Record<string, SavedLine> {
  const out: Record<string, SavedLine> = {};
  for (const [id, offsetMs] of clocks.offsets())
    out[id] = clocks.isFrozen(id) ? { frozenAt: clocks.forTenant(id).now().toISOString() } : { offsetMs };
  return out;
}

/** Puts the saved lines back, for the tenants the stored state still holds. */
function restoreLines(
  clocks: TenantClocks,
  saved: Record<string, SavedLine> | undefined,
  tenants: Record<string, unknown>,
): void {
  for (const [id, line] of Object.entries(saved ?? {})) {
    if (!Object.hasOwn(tenants, id)) continue;
    if ('frozenAt' in line) clocks.freeze(id, line.frozenAt);
    else clocks.forTenant(id).set(clocks.base.nowMs() + line.offsetMs);
  }
}
