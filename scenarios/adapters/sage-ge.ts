import { createSageGeConnector } from '../../connectors/sage-ge/index.js';
import { createSageGeSimulator } from '../../simulators/sage-ge/index.js';
import { buildEntity, buildFile } from '../../simulators/sage-ge/seed/builders.js';
import type { EntityState } from '../../simulators/sage-ge/state/schema.js';
import type { VendorAdapter } from './types.js';

const FILE = 'F1';

/** The shared Sage GE builders of every Sage GE and hub scenario. */
export const sageGeAdapter: VendorAdapter = {
  vendor: 'sage-ge',
  createSimulator: (clock) => createSageGeSimulator({ clock, initialState: 'empty' }),
  presets: {
    /** One firm, one file: two open calendar years, the PCG chart, five open journals. */
    healthy: (tenantId, now) =>
      buildEntity(tenantId, now, {
        name: `Cabinet ${tenantId}`,
        geIdentifier: `GE-${tenantId}-IDENTIFIER-0001`,
        files: [buildFile(FILE, now, { name: `Dossier ${tenantId}` })],
      }),
  },
  fileId: () => FILE,
  credentials: (tenant) => ({ geIdentifier: (tenant as EntityState).geIdentifier }),
  mistypedField: 'geIdentifier',
  connector: ({ baseUrl, fetch, credentials, clock }) =>
    createSageGeConnector({ baseUrl, fetch, credentials: { geIdentifier: credentials.geIdentifier! }, clock, sleep: async () => {} }),
  actionTarget: (tenantId, fileId) => ({ entityId: tenantId, fileId }),
  openFileAction: 'open-accounting',
  openingMessages: (result) => ((result as { messages?: string[] }).messages ?? []),
  vendorEntries: (tenant, fileId) =>
    Object.values((tenant as EntityState).files[fileId]?.entries ?? {}).map((e) => ({
      ref: e.id,
      marker: e.trackingCode ?? undefined,
      state: e.status === 'injected' ? 'posted' : e.status,
      label: e.label ?? e.request.label,
      documentNumber: e.documentNumber ?? e.request.documentNumber,
      attachments: e.attachmentsKept ?? e.request.attachments.length,
      comment: e.request.comment,
    })),
};
