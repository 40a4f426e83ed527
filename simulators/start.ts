import { createDashboard } from '../dashboard/index.js';
import { createVirtualClock, systemStartTime, type VirtualClock } from '../core/clock.js';
import { serveApp, type RunningServer } from './kit/serve.js';
import { createMemoryStore, openFileStore, type Store } from '../core/store.js';
import type { Simulator, SimulatorDefinition, SimulatorName } from './kit/simulator.js';
import { createLoopSimulator, loopDefinition } from './loop/index.js';
import { createQuadraSimulator, quadraDefinition } from './quadra/index.js';
import { createSageGeSimulator, sageGeDefinition } from './sage-ge/index.js';

/** How `startSimulators` builds one vendor: its state definition, its factory, its port offset. */
interface Registration {
  definition: SimulatorDefinition<any>;
  create(options: { clock: VirtualClock; seed: number; store: Store<any> }): Simulator<any>;
  portOffset: number;
}

export const SIMULATORS: readonly Registration[] = [
  { definition: sageGeDefinition, create: createSageGeSimulator, portOffset: 1 },
  { definition: quadraDefinition, create: createQuadraSimulator, portOffset: 2 },
  { definition: loopDefinition, create: createLoopSimulator, portOffset: 3 },
];

export interface StartOptions {
  /** Ports are portBase + 0 (the dashboard), + 1 (Sage GE), + 2 (Quadra), + 3 (Loop); 0 picks free ports (tests). */
  portBase?: number;
  /** Loopback by default. */
  host?: string;
  seed?: number;
  /** Persist each simulator's state under this directory (`<name>.json` + `<name>.log`). */
  dataDir?: string;
  /** Where the virtual clock starts; the machine's date by default. */
  now?: Date | string;
  /** Only these simulators (all by default). */
  only?: readonly SimulatorName[];
  /** Serve the dashboard on portBase + 0 (default true). */
  dashboard?: boolean;
}

export interface StartedSimulator {
  name: SimulatorName;
  title: string;
  url: string;
  simulator: Simulator<any>;
  credentials: string[];
}

export interface StartedSimulators {
  clock: VirtualClock;
  simulators: StartedSimulator[];
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
  const clock = createVirtualClock({ start: options.now ?? systemStartTime() });
  const chosen = SIMULATORS.filter((r) => !options.only || options.only.includes(r.definition.name));

  // Open every store first: a corrupt file must stop the start before anything listens.
  const stores: Store<any>[] = [];
  for (const registration of chosen) {
    const { definition } = registration;
    stores.push(
      options.dataDir
        ? await openFileStore({ dir: options.dataDir, name: definition.name, schema: definition.schema, initial: () => definition.demo(seed, clock.now()) })
        : createMemoryStore(definition.demo(seed, clock.now())),
    );
  }
  const started: StartedSimulator[] = [];
  const servers: RunningServer[] = [];
  let dashboard: RunningServer | undefined;
  try {
    for (const [i, registration] of chosen.entries()) {
      const simulator = registration.create({ clock, seed, store: stores[i]! });
      const server = await serveApp(simulator.app.fetch, { port: portBase === 0 ? 0 : portBase + registration.portOffset, hostname: options.host });
      servers.push(server);
      started.push({
        name: registration.definition.name,
        title: registration.definition.title,
        url: server.url,
        simulator,
        credentials: registration.definition.credentials(simulator.store.data),
      });
    }
    if (options.dashboard !== false) {
      const app = createDashboard({ simulators: started, clock });
      dashboard = await serveApp(app.fetch, { port: portBase === 0 ? 0 : portBase, hostname: options.host });
      servers.push(dashboard);
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(stores.map((s) => s.close()));
    throw error;
  }
  return {
    clock,
    simulators: started,
    ...(dashboard ? { dashboard: { url: dashboard.url } } : {}),
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await Promise.all(started.map((s) => s.simulator.close()));
    },
  };
}

