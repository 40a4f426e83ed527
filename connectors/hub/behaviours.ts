import type { CatalogueId } from '../../contracts/catalogue/index.js';
import type { HubEngine } from './engine.js';

/** The catalogue's hub ids (`contracts/catalogue/hub.ts`). */
export type HubCatalogueId = Extract<CatalogueId, `HUB-${string}`>;

/**
 * Each hub behaviour of the catalogue and the engine operations that carry it out: what the
 * simulators' rules are to their ids, for the hub, whose behaviours are flows rather than
 * refusals. Typed against the engine, so a renamed operation or a hub id left out does not
 * compile; the hub's coverage table (`connectors/README.md`) is generated from it.
 */
export const HUB_BEHAVIOURS = {
  'HUB-FILE-ASSOCIATION': ['listVendorFiles', 'linkFile'],
  'HUB-REFDATA-ON-LINK': ['linkFile'],
  'HUB-REFRESH-REFDATA': ['refreshReferenceData'],
  'HUB-WEEKLY-ACCOUNT-SYNC': ['runScheduler'],
  'HUB-SYNC-REALTIME': ['setFrequency', 'markVerified'],
  'HUB-SYNC-DAILY': ['setFrequency', 'runScheduler'],
  'HUB-SYNC-MANUAL': ['setFrequency', 'synchronize'],
  'HUB-SYNC-FAILED': ['synchronize', 'runScheduler'],
  'HUB-MARK-VERIFIED-RESEND': ['markVerified'],
  'HUB-EXCLUDE-ENTRY': ['exclude'],
  'HUB-DISABLE-INTEGRATION': ['setIntegrationEnabled', 'setFileActive'],
  'HUB-EDIT-CREDENTIALS': ['editCredentials'],
} as const satisfies Record<HubCatalogueId, readonly (keyof HubEngine)[]>;
