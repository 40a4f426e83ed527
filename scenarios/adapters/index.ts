import type { VendorId } from '../../contracts/hub/model.js';
import { sageGeAdapter } from './sage-ge.js';
import type { VendorAdapter } from './types.js';

const ADAPTERS: Partial<Record<VendorId, VendorAdapter>> = {
  'sage-ge': sageGeAdapter,
  loop: (await import('./loop.js')).loopAdapter,
  quadra: (await import('./quadra.js')).quadraAdapter,
};

export function adapterFor(vendor: VendorId): VendorAdapter {
  const adapter = ADAPTERS[vendor];
  if (!adapter) throw new Error(`no scenario adapter for ${vendor} yet`);
  return adapter;
}
