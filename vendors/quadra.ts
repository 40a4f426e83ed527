import { quadraConnectorModule } from '../connectors/quadra/index.js';
import { quadraView } from '../dashboard/views/quadra.js';
import { decodeQuadraFile, type QuadraEntryLine } from '../contracts/quadra/ascii.js';
import {
  CFE_IMPORTED_FOLDER,
  CFE_INPUT_FOLDER,
  CFE_REJECTED_FOLDER,
  isAttachmentName,
} from '../contracts/quadra/wire.js';
import { createQuadraSimulator, quadraDefinition } from '../simulators/quadra/index.js';
import { buildDossier, buildFirm, defaultCfeKey } from '../simulators/quadra/seed/builders.js';
import type { FirmState } from '../simulators/quadra/state/schema.js';
import { VENDOR_DISPLAY_NAMES } from '../contracts/common/vendor-ids.js';
import { defineVendor, type VendorEntryView } from './types.js';

/**
 * The dossier every Quadra scenario links to. Own choice: a short code, since the dossier's CFE
 * container is named `<sic>-<dossier>` and the SIC code is the scenario's tenant id.
 */
export const QUADRA_DOSSIER = 'D1';

/**
 * One firm whose SIC code is the tenant id, with Collaborative Portal access and an activated CFE
 * key; its four codes derive from the SIC code (unique per tenant). One healthy dossier: last
 * year closed and this year open, the PCG chart, journals AC, VT, BQ, OD, AN open, the CFE key
 * recorded in Quadra's settings.
 */
export function healthyQuadraFirm(tenantId: string, now: Date): FirmState {
  return buildFirm(tenantId, {
    name: `Cabinet ${tenantId}`,
    dossiers: [
      buildDossier(QUADRA_DOSSIER, now.getUTCFullYear(), defaultCfeKey(tenantId), { name: `Dossier ${tenantId}` }),
    ],
  });
}

/** One view per entry (lines grouped by piece number) of one file. */
/** One file is one entry: its `I` records are the entry's analytics. */
function views(
  lines: readonly QuadraEntryLine[],
  ref: string,
  state: VendorEntryView['state'],
  analytics = 0,
  /** Whether the dossier holds the document a line names at 182 (shipped beside the file). */
  holds: (name: string) => boolean = () => false,
): VendorEntryView[] {
  const byPiece = new Map<string, QuadraEntryLine[]>();
  for (const line of lines) {
    const piece = line.pieceNumber || line.pieceNumber8 || line.pieceNumber5;
    byPiece.set(piece, [...(byPiece.get(piece) ?? []), line]);
  }
  return [...byPiece].map(([marker, group]) => ({
    ref,
    marker,
    state,
    label: group[0]!.longLabel || group[0]!.label,
    documentNumber: group[0]!.pieceNumber8 || undefined,
    // A supporting document counts when a line names it and its file came with it.
    attachments: new Set(group.map((l) => l.attachment).filter((name) => name && holds(name))).size,
    postingDate: group[0]!.date,
    analytics,
  }));
}

const linesOfBlob = (contentBase64: string): QuadraEntryLine[] =>
  decodeQuadraFile(new Uint8Array(Buffer.from(contentBase64, 'base64'))).records.flatMap((r) =>
    r.record.type === 'M' ? [r.record] : [],
  );
const analyticsOfBlob = (contentBase64: string): number =>
  decodeQuadraFile(new Uint8Array(Buffer.from(contentBase64, 'base64'))).records.filter((r) => r.record.type === 'I')
    .length;

/** Cegid Quadra: firms by SIC code, dossiers, CPA reads and CFE uploads; read back 12 hours after sending. */
export const quadraVendor = defineVendor({
  id: 'quadra',
  title: VENDOR_DISPLAY_NAMES.quadra,
  simulator: { definition: quadraDefinition, create: createQuadraSimulator, portOffset: 2 },
  connector: quadraConnectorModule,
  dashboard: quadraView,
  testing: {
    presets: { healthy: healthyQuadraFirm },
    fileId: () => QUADRA_DOSSIER,
    files: (tenant: FirmState) => Object.keys(tenant.dossiers),
    credentials: (tenant: FirmState) => ({
      cpaKey: tenant.cpa.key,
      cpaSecret: tenant.cpa.secret,
      cfeKey: tenant.cfe.key,
      cfeSecret: tenant.cfe.secret,
      sicCode: tenant.sicCode,
    }),
    /** A mistyped CPA secret (QDR-CPA-AUTH); `{ wrong: 'cfeSecret' }` gives QDR-CFE-AUTH. */
    mistypedField: 'cpaSecret',
    presetIds: (tenant: FirmState) => {
      const dossier = tenant.dossiers[QUADRA_DOSSIER]!;
      return {
        files: [QUADRA_DOSSIER, ...Object.keys(tenant.dossiers).filter((code) => code !== QUADRA_DOSSIER)],
        fiscalYears: Object.values(dossier.periods).map((p) => `${p.id} (${p.start} to ${p.end}, ${p.status})`),
        journals: Object.keys(dossier.journals),
        accounts: Object.keys(dossier.accounts),
      };
    },
    // Firm-level actions (keys, portal access, CFE activation) refuse a `dossier`: their steps pass `dossier: null`.
    actionTarget: (tenantId, fileId) => ({ sicCode: tenantId, dossier: fileId }),
    openFileAction: 'open-dossier',
    vendorEntries: (tenant, fileId) => {
      const dossier = tenant.dossiers[fileId];
      if (!dossier) return [];
      const fileOfImport = (importId: string) => dossier.imports[importId]?.fileName ?? importId;
      const out: VendorEntryView[] = [];
      const posted = new Map<string, QuadraEntryLine[]>();
      for (const entry of Object.values(dossier.entries).sort((a, b) => a.id - b.id)) {
        const ref = fileOfImport(entry.importId);
        posted.set(ref, [...(posted.get(ref) ?? []), entry.record]);
      }
      const analyticsOf = (fileName: string) =>
        Object.values(dossier.imports)
          .filter((imp) => imp.fileName === fileName)
          .reduce((n, imp) => n + imp.ignored.analytic, 0);
      const blobs = dossier.container.blobs;
      const imported = (name: string) => Object.hasOwn(blobs, `${CFE_IMPORTED_FOLDER}/${name}`);
      const waiting = (name: string) => Object.hasOwn(blobs, `${CFE_INPUT_FOLDER}/${name}`);
      for (const [ref, lines] of posted) out.push(...views(lines, ref, 'posted', analyticsOf(ref), imported));
      for (const imp of Object.values(dossier.imports))
        if (imp.status === 'importing')
          out.push(...views(imp.lines, imp.fileName, 'queued', imp.ignored.analytic, imported));
      for (const blob of Object.values(dossier.container.blobs).sort((a, b) =>
        a.uploadedAt.localeCompare(b.uploadedAt),
      )) {
        const name = blob.path.slice(blob.path.lastIndexOf('/') + 1);
        if (isAttachmentName(name)) continue;
        if (blob.path.startsWith(`${CFE_INPUT_FOLDER}/`))
          out.push(
            ...views(linesOfBlob(blob.contentBase64), name, 'queued', analyticsOfBlob(blob.contentBase64), waiting),
          );
        else if (blob.path.startsWith(`${CFE_REJECTED_FOLDER}/`) && !name.endsWith('.report.json'))
          out.push(...views(linesOfBlob(blob.contentBase64), name, 'rejected', analyticsOfBlob(blob.contentBase64)));
      }
      return out;
    },
  },
});
