import type { TenantTtlOptions } from '../simulators/kit/simulator-kit.js';
import type { VirtualClock } from '../core/clock.js';
import type { Store } from '../core/store.js';
import type { ConnectorModule } from '../connectors/types.js';
import type { VendorView } from '../dashboard/views/types.js';
import type { Simulator, SimulatorDefinition } from '../simulators/kit/simulator.js';

/** The vendor's own records of the hub's entries, in one shape (found by the hub's receipt). */
export interface VendorEntryView {
  ref: string;
  marker?: string;
  state: 'queued' | 'posted' | 'rejected';
  label?: string;
  documentNumber?: string;
  attachments?: number;
  comment?: string;
  /** The date the vendor books the entry on (Sage GE's posting date, Quadra's M record date, Loop's `datePiece`). */
  postingDate?: string;
  /** Analytic data the vendor received with the entry (allocations, `I` records...): the hub sends none. */
  analytics?: number;
}

/**
 * How a vendor's simulator is built and served. `Sim` is what its factory returns, so that a
 * library user (`ledgersim/msw`) gets the vendor's own simulator type from the registry.
 */
export interface SimulatorModule<T, Sim extends Simulator<any> = Simulator<any>> {
  /** Its state (schema, empty, demo data) and the credentials `ledgersim start` prints. */
  definition: SimulatorDefinition<{ tenants: Record<string, T> }>;
  /** The factory, on a shared clock; `initialState: 'empty'` gives no tenants. */
  create(options: {
    clock: VirtualClock;
    seed?: number;
    store?: Store<any>;
    initialState?: 'empty' | 'demo';
    /** A shared server's `--tenant-ttl`. */
    tenantTtl?: TenantTtlOptions;
  }): Sim;
  /** Its port: `ledgersim start --port-base N` serves it on N + portOffset (the dashboard is N + 0). */
  portOffset: number;
}

/**
 * What tests and scenarios need of a vendor: tenants to start from, where their file is, the
 * credentials the hub's wizard enters for them, how an admin action names them, and what the
 * vendor holds of the hub's entries.
 */
export interface TestingModule<T, C> {
  /** Named tenant builders; each gives the tenant document for a tenant id at a date. */
  presets: Record<string, (tenantId: string, now: Date) => T>;
  /** The vendor file (file, dossier, folder) a client file links to, in a tenant document. */
  fileId(tenant: T): string;
  /** Every vendor file (file, dossier, folder) of a tenant document: what a library user may link to. */
  files(tenant: T): string[];
  /** The credentials the hub's wizard enters for this tenant. */
  credentials(tenant: T): C;
  /** The credential a `link-file` step with `credentials: 'wrong'` mistypes (a step may name another). */
  mistypedField: keyof C & string;
  /**
   * The ids that name the tenant and file in vendor actions (`entityId`/`fileId`...): the scenario
   * runner fills each in where an action's input takes it.
   */
  actionTarget(tenantId: string, fileId: string): Record<string, string>;
  /** The action that opens the file in the vendor's UI, if the vendor has one. */
  openFileAction?: string;
  /** The messages the opening showed, from the action's answer. */
  openingMessages?(result: unknown): string[];
  /** The vendor's entries of the file, in one shape. */
  vendorEntries(tenant: T, fileId: string): VendorEntryView[];
  /**
   * What a preset's tenant holds that a scenario's actions and expectations name (the preset
   * table of `scenarios/README.md`, generated from it by `npm run scenario-tables`).
   */
  presetIds?(tenant: T): PresetIds;
}

/** A preset tenant's names, for the documentation: its files, and what the scenario's file holds. */
export interface PresetIds {
  /** Every file (Sage GE file, Quadra dossier, Loop folder); the scenario's comes first. */
  files: string[];
  /** The scenario's file's fiscal years (Quadra: accounting periods), with their state. */
  fiscalYears: string[];
  journals: string[];
  accounts: string[];
  /** Other names its actions take: API keys, collaborators... (label → values). */
  other?: Record<string, string[]>;
}

/**
 * Everything ledgersim knows of one vendor, in one place: its simulator, the hub's connector for
 * it, its dashboard view and its test presets. `T` is a tenant document, `C` the credentials.
 */
export interface VendorModule<
  Id extends string = string,
  T = any,
  C extends Record<string, string | undefined> = any,
  Sim extends Simulator<any> = Simulator<any>,
> {
  id: Id;
  /** The vendor's name as people say it ("Sage GE"). */
  title: string;
  simulator: SimulatorModule<T, Sim>;
  connector: ConnectorModule<C>;
  dashboard?: VendorView;
  testing: TestingModule<T, C>;
}

/** Typed where it is written; `VendorModule`'s defaults let the registry hold them side by side. */
export const defineVendor = <
  const Id extends string,
  T,
  C extends Record<string, string | undefined>,
  Sim extends Simulator<any>,
>(
  module: VendorModule<Id, T, C, Sim>,
) => module;
