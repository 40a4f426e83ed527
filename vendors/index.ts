import type { z } from 'zod';
import { VENDOR_IDS, VendorIdSchema, type VendorId } from '../contracts/common/vendor-ids.js';
import { loopVendor } from './loop.js';
import { quadraVendor } from './quadra.js';
import { createVendorRegistry } from './registry.js';
import { sageGeVendor } from './sage-ge.js';

/**
 * ledgersim's vendors, each registered once: a new vendor is its module (its simulator,
 * connector, dashboard view and test presets; see `types.ts`) and one line here.
 */
export const VENDORS = createVendorRegistry([sageGeVendor, quadraVendor, loopVendor]);

// The ids are declared in the contracts (which cannot import this folder): a module registered
// without its id there, or an id declared with no module here, does not compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const registeredIdsAreTheDeclaredOnes: Exactly<(typeof VENDORS.ids)[number], VendorId> = true;
void registeredIdsAreTheDeclaredOnes;

export { VENDOR_IDS, VendorIdSchema, type VendorId };
export type VendorModuleOf<Id extends VendorId> = Extract<(typeof VENDORS.modules)[number], { id: Id }>;
/** One vendor's credentials, as its connector's schema types them. */
export type CredentialsOf<Id extends VendorId> = z.infer<VendorModuleOf<Id>['connector']['credentialsSchema']>;
/** A vendor and its credentials: what the hub's wizard collects. */
export type VendorCredentials = { [Id in VendorId]: { vendor: Id; credentials: CredentialsOf<Id> } }[VendorId];

export { createVendorRegistry, CredentialsError, type VendorRegistry } from './registry.js';
export type { VendorEntryView, VendorModule } from './types.js';
