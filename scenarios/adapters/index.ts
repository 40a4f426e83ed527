import type { VendorId } from '../../contracts/hub/model.js';
import { loopAdapter } from './loop.js';
import { quadraAdapter } from './quadra.js';
import { sageGeAdapter } from './sage-ge.js';
import type { VendorAdapter } from './types.js';

const ADAPTERS: Partial<Record<VendorId, VendorAdapter>> = {
  'sage-ge': sageGeAdapter,
  loop: loopAdapter,
  quadra: quadraAdapter,
};

export function adapterFor(vendor: VendorId): VendorAdapter {
  const adapter = ADAPTERS[vendor];
  if (!adapter) throw new Error(`no scenario adapter for ${vendor} yet`);
  return adapter;
}
