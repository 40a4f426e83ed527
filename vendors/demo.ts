import { VENDORS, type CredentialsOf, type VendorId, type VendorModule } from './index.js';

/** One tenant of a simulator's state, as another project's test needs it: who it is and how to sign in. */
export interface DemoTenant<Id extends VendorId = VendorId> {
  /** The tenant's id: Sage GE entity id, Quadra SIC code, Loop domain. */
  tenantId: string;
  name: string;
  /** Its files (Sage GE), dossiers (Quadra) or the folders the key may publish to (Loop). */
  files: string[];
  /** What the vendor's connector takes, typed by its credentials schema. */
  credentials: CredentialsOf<Id>;
}

/** Every simulator's tenants with their credentials, by vendor id (an empty list for a simulator not started). */
export type DemoCredentials = { [Id in VendorId]: DemoTenant<Id>[] };

/** The tenants of one simulator's state, credentials included, in the state's order. */
export function demoTenants<Id extends VendorId>(
  id: Id,
  state: { tenants: Record<string, unknown> },
): DemoTenant<Id>[] {
  // The registry's modules differ in their tenant type; the state given is this vendor's.
  const { testing } = VENDORS.get(id) as VendorModule;
  return Object.entries(state.tenants).map(([tenantId, tenant]) => ({
    tenantId,
    name: String((tenant as { name?: unknown }).name ?? tenantId),
    files: testing.files(tenant),
    credentials: testing.credentials(tenant) as CredentialsOf<Id>,
  }));
}

/** The credentials of the simulators given (the others' lists are empty). */
export function demoCredentials(
  states: Partial<{ [Id in VendorId]: { tenants: Record<string, unknown> } }>,
): DemoCredentials {
  const out = Object.fromEntries(VENDORS.ids.map((id) => [id, [] as DemoTenant[]])) as DemoCredentials;
  for (const id of VENDORS.ids) {
    const state = states[id];
    if (state) (out as Record<VendorId, DemoTenant[]>)[id] = demoTenants(id, state);
  }
  return out;
}
