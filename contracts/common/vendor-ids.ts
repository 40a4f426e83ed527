import { z } from 'zod';

/**
 * The ids of ledgersim's vendors, declared once where every layer may import them: the contracts
 * (the catalogue, the provenance tables) name vendors by id and cannot import `vendors/`, which
 * imports the contracts. `vendors/index.ts` registers one module per id, in this order (the
 * order of the ports, the CLI's lists, the dashboard's tabs); the type system and
 * `vendors/registry.test.ts` check that the two agree, so a vendor is added in both or neither.
 */
export const VENDOR_IDS = ['sage-ge', 'quadra', 'loop'] as const;

export const VendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof VendorIdSchema>;
