import type { VendorId } from '../../contracts/hub/model.js';
import type { VirtualClock } from '../../core/clock.js';
import type { Simulator } from '../../simulators/kit/simulator.js';
import type { Connector } from '../../connectors/types.js';

/** What the runner needs to know of one vendor: how to build its state, connector and checks. */
export interface VendorAdapter {
  vendor: VendorId;
  /** A fresh in-process simulator with no tenants. */
  createSimulator(clock: VirtualClock): Simulator<any>;
  /** Named tenant builders; each gives the tenant document for a tenant id at a date. */
  presets: Record<string, (tenantId: string, now: Date) => unknown>;
  /** The vendor file (file, dossier, folder) the scenario's client file links to, in a tenant document. */
  fileId(tenant: unknown): string;
  /** The credentials the hub's wizard enters for this tenant. */
  credentials(tenant: unknown): Record<string, string>;
  /** The credential a `link-file` step with `credentials: 'wrong'` mistypes (a step may name another). */
  mistypedField: string;
  connector(input: { baseUrl: string; fetch: typeof fetch; credentials: Record<string, string>; clock: VirtualClock }): Connector;
  /** The ids a vendor action needs to name the tenant and file (`entityId`/`fileId`...). */
  actionTarget(tenantId: string, fileId: string): Record<string, string>;
  /** The action that opens the file in the vendor's UI, if the vendor has one. */
  openFileAction?: string;
  /** The messages the opening showed, from the action's answer. */
  openingMessages?(result: unknown): string[];
  /** The vendor's entries of the file, in one shape: found by the hub's receipt. */
  vendorEntries(tenant: unknown, fileId: string): VendorEntryView[];
}

export interface VendorEntryView {
  ref: string;
  marker?: string;
  state: 'queued' | 'posted' | 'rejected';
  label?: string;
  documentNumber?: string;
  attachments?: number;
  comment?: string;
}
