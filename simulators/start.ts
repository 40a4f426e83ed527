import { createDashboard } from '../dashboard/index.js';
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
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
 * the start with a `StoreLoadError` naming the file; it is never overwritten.
 */
export async function startSimulators(options: StartOptions = {}): Promise<StartedSimulators> {
  const portBase = options.portBase ?? 4100;
  const seed = options.seed ?? 1;
  const clock = openClock(options);
  const access = { allowedHosts: options.allowedHosts, adminToken: options.adminToken };
  // Each vendor's module is typed with its own state; here they are all handled alike.
  const chosen: readonly VendorModule<VendorId>[] = VENDORS.modules.filter(
    (vendor) => !options.only || options.only.includes(vendor.id),
  );

  // Open every store first: a corrupt file must stop the start before anything listens.
  const stores: Store<any>[] = [];
  for (const vendor of chosen) {
    const { definition } = vendor.simulator;
    stores.push(
      options.dataDir
        ? await openFileStore({
            dir: options.dataDir,
            name: definition.name,
            schema: definition.schema,
            ...(definition.migrate ? { migrate: definition.migrate } : {}),
            initial: () => definition.demo(seed, clock.now()),
          })
        : createMemoryStore(definition.demo(seed, clock.now())),
    );
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
      const simulator = create({ clock, seed, store: stores[i]!, tenantTtl });
      const server = await serveApp(simulator.app.fetch, {
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
      const app = createDashboard({ simulators: started, clock });
      dashboard = await serveApp(app.fetch, { port: portBase === 0 ? 0 : portBase, hostname: options.host, access });
      servers.push(dashboard);
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(stores.map((s) => s.close()));
    throw error;
  }
  const warning = exposureWarning(options.host ?? '127.0.0.1', access);
  if (warning) (options.warn ?? console.warn)(warning);
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
    },
  };
}

/** What `DIR/clock.json` holds: the mode, and where the clock was (a live one as its offset from real time). */
interface SavedClock {
  mode: ClockMode;
  /** The virtual instant when it was saved. */
  now: string;
  /** Live: virtual minus real, in ms, which a restart keeps (virtual time went on while it was down). */
  offsetMs?: number;
}

const CLOCK_FILE = 'clock.json';

/**
 * The shared virtual clock. With a data directory it starts where it was left (entries stored
 * "in the future" of the machine's date stay in the past of the clock) and every move is saved.
 */
function openClock(options: StartOptions): VirtualClock {
  const mode = options.clock ?? 'frozen';
  const real = options.realTime ?? systemRealTime;
  let start: number | Date | string = options.now ?? systemStartTime();
  const file = options.dataDir ? join(options.dataDir, CLOCK_FILE) : undefined;
  if (file && options.now === undefined && existsSync(file)) {
    const saved = readSavedClock(file);
    start = saved.mode === 'live' && saved.offsetMs !== undefined ? real.now() + saved.offsetMs : Date.parse(saved.now);
  }
  const clock = mode === 'live' ? createLiveClock({ start, real }) : createVirtualClock({ start });
  if (file) {
    const save = () => {
      const now = clock.nowMs();
      const saved: SavedClock = {
        mode,
        now: new Date(now).toISOString(),
        ...(mode === 'live' ? { offsetMs: now - real.now() } : {}),
      };
      mkdirSync(options.dataDir!, { recursive: true });
      writeFileSync(`${file}.tmp`, `${JSON.stringify(saved)}\n`);
      renameSync(`${file}.tmp`, file);
    };
    save();
    clock.onChange(save);
  }
  return clock;
}

function readSavedClock(file: string): SavedClock {
  let saved: Partial<SavedClock>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedClock>;
  } catch (error) {
    throw new Error(`${file}: not a saved clock (${(error as Error).message}); remove it or pass --now`);
  }
  if (
    (saved.mode !== 'live' && saved.mode !== 'frozen') ||
    typeof saved.now !== 'string' ||
    !Number.isFinite(Date.parse(saved.now))
  ) {
    throw new Error(`${file}: not a saved clock (expected { mode, now }); remove it or pass --now`);
  }
  return saved as SavedClock;
}
