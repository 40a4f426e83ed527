import { z } from 'zod';

/**
 * ledgersim's vendors, declared once where every layer may import them: the contracts (the
 * catalogue, its explanations, the provenance tables) name vendors by id and cannot import
 * `vendors/`, which imports the contracts. `vendors/index.ts` registers one module per id, in this
 * order (the order of the ports, the CLI's lists, the dashboard's tabs), each titled with the
 * display name given here; the type system and `vendors/registry.test.ts` check that the two
 * agree, so a vendor is added in both or neither.
 */
const DECLARED = [
  { id: 'sage-ge', displayName: 'Sage GE' },
  { id: 'quadra', displayName: 'Cegid Quadra' },
  { id: 'loop', displayName: 'Cegid Loop' },
] as const;

type IdsOf<T extends readonly { id: string }[]> = { readonly [K in keyof T]: T[K]['id'] };
export const VENDOR_IDS = DECLARED.map((v) => v.id) as unknown as IdsOf<typeof DECLARED>;

export const VendorIdSchema = z.enum(VENDOR_IDS);
export type VendorId = z.infer<typeof VendorIdSchema>;

/** The vendor's name as people say it ("Sage GE"): support's explanations, the dashboard's tabs. */
export const VENDOR_DISPLAY_NAMES = Object.fromEntries(DECLARED.map((v) => [v.id, v.displayName])) as {
  readonly [V in (typeof DECLARED)[number] as V['id']]: V['displayName'];
};
