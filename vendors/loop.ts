import { loopConnectorModule } from '../connectors/loop/index.js';
import { loopView } from '../dashboard/views/loop.js';
import { JOURNAL_TYPES } from '../contracts/loop/wire.js';
import { createLoopSimulator, loopDefinition } from '../simulators/loop/index.js';
import { buildApiKey, buildCompte, buildFirm, buildFolder, buildJournal } from '../simulators/loop/seed/builders.js';
import type { FirmState } from '../simulators/loop/state/schema.js';
import { VENDOR_DISPLAY_NAMES } from '../contracts/common/vendor-ids.js';
import { defineVendor, type VendorEntryView } from './types.js';

const LINE_FIELDS = new Set(['compteNumero', 'compteAuxiliaire', 'libelle', 'debit', 'credit']);

/** The folder every Loop scenario links to, its name (in LOOP-COLLABORATOR-NO-ACCESS) and the key's collaborator. */
export const LOOP_FOLDER = 'F1';
export const LOOP_FOLDER_NAME = 'BOULANGERIE MARTIN SAS';
export const LOOP_COLLABORATOR = 'api.qonto@cabinet';
/**
 * The public part of the preset's API key. Own choice: the same in every tenant, so that a
 * scenario can name it in Loop Hub actions (`associate-folders`) without knowing its tenant id;
 * the secret, the subscription key and the domain are the tenant's own, so no two tenants'
 * credentials open each other's firm.
 */
export const LOOP_API_KEY = 'KEYQONTOSCENARIO000000001';

/** One firm whose domain is the tenant id, one healthy folder, the key "QONTO" associated with it. */
export function healthyLoopFirm(tenantId: string, now: Date): FirmState {
  const folder = buildFolder(LOOP_FOLDER, now, { name: LOOP_FOLDER_NAME });
  // The hub's expense reports go to journal NDF on account 625700 (connectors/hub/entry-builders.ts).
  folder.journaux.NDF = buildJournal(LOOP_FOLDER, 'NDF', 'Notes de frais', JOURNAL_TYPES.od);
  folder.comptes['625700'] = buildCompte(LOOP_FOLDER, '625700', 'Réceptions');
  const createdAt = now.toISOString();
  return buildFirm(tenantId, {
    name: `Cabinet ${tenantId}`,
    subscriptionKey: `sub-${tenantId}`.padEnd(32, '0'),
    folders: [folder],
    apiKeys: [
      buildApiKey('QONTO', tenantId, [LOOP_FOLDER], createdAt, {
        key: LOOP_API_KEY,
        secret: `secret-QONTO-${tenantId}`,
        collaborateur: LOOP_COLLABORATOR,
      }),
    ],
  });
}

const keyOf = (tenant: FirmState) => Object.values(tenant.apiKeys)[0]!;

/** Cegid Loop: firms by domain, folders, Loop Hub keys, JSON imports; the import's status is read back at once. */
export const loopVendor = defineVendor({
  id: 'loop',
  title: VENDOR_DISPLAY_NAMES.loop,
  simulator: { definition: loopDefinition, create: createLoopSimulator, portOffset: 3 },
  connector: loopConnectorModule,
  dashboard: loopView,
  testing: {
    presets: { healthy: healthyLoopFirm },
    fileId: () => LOOP_FOLDER,
    // The folders the credentials' key may publish to: the others answer the key's refusal.
    files: (tenant: FirmState) => Object.keys(keyOf(tenant).folders),
    credentials: (tenant: FirmState) => ({
      apiKey: keyOf(tenant).key,
      apiSecret: keyOf(tenant).secret,
      domain: tenant.domain,
      subscriptionKey: tenant.subscriptionKey,
    }),
    mistypedField: 'apiSecret',
    presetIds: (tenant: FirmState) => {
      const folder = tenant.folders[LOOP_FOLDER]!;
      const keys = Object.values(tenant.apiKeys);
      return {
        files: [LOOP_FOLDER, ...Object.keys(tenant.folders).filter((code) => code !== LOOP_FOLDER)],
        fiscalYears: Object.values(folder.fiscalYears).map((fy) => `${fy.id} (${fy.start} to ${fy.end}, ${fy.status})`),
        journals: Object.keys(folder.journaux),
        accounts: Object.keys(folder.comptes),
        other: {
          'API key (`key`)': keys.map((k) => `${k.key} (${k.name})`),
          collaborator: keys.map((k) => k.collaborateur),
          'folder name (in LOOP-COLLABORATOR-NO-ACCESS)': [folder.name],
        },
      };
    },
    // The runner fills in only what an action takes: the key actions get no `folder`.
    actionTarget: (tenantId, fileId) => ({ domain: tenantId, folder: fileId }),
    /** One view per entry of each import, in arrival order: what Loop decided for it. */
    vendorEntries: (tenant, fileId) =>
      Object.values(tenant.imports)
        .filter((imp) => imp.codeIbs === fileId)
        .sort((a, b) => a.seq - b.seq)
        .flatMap((imp) =>
          imp.request.data.ecritures.map((ecriture, index): VendorEntryView => {
            const result = imp.results[index];
            return {
              ref: `${imp.id}:${index}`,
              marker: ecriture.refPiece,
              state: result?.statut === 'Integree' ? 'posted' : result?.statut === 'Rejetee' ? 'rejected' : 'queued',
              label: ecriture.libelle,
              documentNumber: ecriture.refPiece,
              attachments: imp.piecesJointes[index]?.length ?? 0,
              postingDate: ecriture.datePiece,
              // Anything a line carries besides its account, label and amounts (an allocation, a section).
              analytics: ecriture.lignes.filter((l) => Object.keys(l).some((k) => !LINE_FIELDS.has(k))).length,
            };
          }),
        ),
  },
});
