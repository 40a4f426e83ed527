import { sageGeConnectorModule } from '../connectors/sage-ge/index.js';
import { sageGeView } from '../dashboard/views/sage-ge.js';
import { createSageGeSimulator, sageGeDefinition } from '../simulators/sage-ge/index.js';
import { buildEntity, buildFile } from '../simulators/sage-ge/seed/builders.js';
import type { EntityState } from '../simulators/sage-ge/state/schema.js';
import { VENDOR_DISPLAY_NAMES } from '../contracts/common/vendor-ids.js';
import { defineVendor } from './types.js';

/** The file every Sage GE and hub scenario links to. */
export const SAGE_GE_FILE = 'F1';
/** The second file of the `two-files` preset. */
export const SAGE_GE_SECOND_FILE = 'F2';

/** Sage GE: one entity per tenant, files, the Sage cloud queue; the connector reads fates back at once. */
export const sageGeVendor = defineVendor({
  id: 'sage-ge',
  title: VENDOR_DISPLAY_NAMES['sage-ge'],
  simulator: { definition: sageGeDefinition, create: createSageGeSimulator, portOffset: 1 },
  connector: sageGeConnectorModule,
  dashboard: sageGeView,
  testing: {
    presets: {
      /** One firm, one file: two open calendar years, the PCG chart, five open journals. */
      healthy: (tenantId, now): EntityState =>
        buildEntity(tenantId, now, {
          name: `Cabinet ${tenantId}`,
          geIdentifier: `GE-${tenantId}-IDENTIFIER-0001`,
          files: [buildFile(SAGE_GE_FILE, now, { name: `Dossier ${tenantId}` })],
        }),
      /** One firm, three files (F1, F2, F3) on which Qonto was never activated: the Multi-file Marketplace's case. */
      'three-files-inactive': (tenantId, now): EntityState =>
        buildEntity(tenantId, now, {
          name: `Cabinet ${tenantId}`,
          geIdentifier: `GE-${tenantId}-IDENTIFIER-0001`,
          files: [SAGE_GE_FILE, 'F2', 'F3'].map((id) =>
            buildFile(id, now, {
              name: `Dossier ${id} ${tenantId}`,
              connectorActive: false,
              marketplaceFiscalYears: { at: null, fiscalYears: [] },
            }),
          ),
        }),
      /** The same firm with a second file, "Boulangerie Martin" (the wizard's table has two lines). */
      'two-files': (tenantId, now): EntityState =>
        buildEntity(tenantId, now, {
          name: `Cabinet ${tenantId}`,
          geIdentifier: `GE-${tenantId}-IDENTIFIER-0001`,
          files: [
            buildFile(SAGE_GE_FILE, now, { name: `Dossier ${tenantId}` }),
            buildFile(SAGE_GE_SECOND_FILE, now, { name: 'Boulangerie Martin' }),
          ],
        }),
    },
    fileId: () => SAGE_GE_FILE,
    files: (tenant) => Object.keys(tenant.files),
    credentials: (tenant) => ({ geIdentifier: tenant.geIdentifier }),
    mistypedField: 'geIdentifier',
    presetIds: (tenant) => {
      const file = tenant.files[SAGE_GE_FILE]!;
      return {
        files: [SAGE_GE_FILE, ...Object.keys(tenant.files).filter((id) => id !== SAGE_GE_FILE)],
        fiscalYears: Object.values(file.fiscalYears).map((fy) => `${fy.id} (${fy.start} to ${fy.end}, ${fy.status})`),
        journals: Object.keys(file.journals),
        accounts: Object.keys(file.accounts),
      };
    },
    actionTarget: (tenantId, fileId) => ({ entityId: tenantId, fileId }),
    openFileAction: 'open-accounting',
    openingMessages: (result) => (result as { messages?: string[] }).messages ?? [],
    vendorEntries: (tenant, fileId) =>
      Object.values(tenant.files[fileId]?.entries ?? {}).map((e) => ({
        ref: e.id,
        marker: e.trackingCode ?? undefined,
        state: e.status === 'injected' ? 'posted' : e.status,
        label: e.label ?? e.request.label,
        documentNumber: e.documentNumber ?? e.request.documentNumber,
        attachments: e.attachmentsKept ?? e.request.attachments.length,
        comment: e.request.comment,
        postingDate: e.request.postingDate,
        analytics: e.request.lines.filter((l) => l.analytics?.length).length,
      })),
  },
});
