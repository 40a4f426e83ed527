import type { z } from 'zod';
import { loopVendor } from './loop.js';
import { quadraVendor } from './quadra.js';
import { createVendorRegistry } from './registry.js';
import { sageGeVendor } from './sage-ge.js';

/**
 * ledgersim's vendors, each registered once: a new vendor is its module (its simulator,
 * connector, dashboard view and test presets; see `types.ts`) and one line here.
 */
export const VENDORS = createVendorRegistry([sageGeVendor, quadraVendor, loopVendor]);

export type VendorId = (typeof VENDORS.ids)[number];
export const VendorIdSchema = VENDORS.idSchema;
export type VendorModuleOf<Id extends VendorId> = Extract<(typeof VENDORS.modules)[number], { id: Id }>;
/** One vendor's credentials, as its connector's schema types them. */
export type CredentialsOf<Id extends VendorId> = z.infer<VendorModuleOf<Id>['connector']['credentialsSchema']>;
/** A vendor and its credentials: what the hub's wizard collects. */
export type VendorCredentials = { [Id in VendorId]: { vendor: Id; credentials: CredentialsOf<Id> } }[VendorId];

export { createVendorRegistry, CredentialsError, type VendorRegistry } from './registry.js';
export type { VendorEntryView, VendorModule } from './types.js';
