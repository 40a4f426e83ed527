import { encodeQuadraFile, entryLine } from '../../../contracts/quadra/ascii.js';
import { CFE_INPUT_FOLDER } from '../../../contracts/quadra/wire.js';
import { createRandom } from '../../../core/random.js';
import type { DossierState, QuadraState } from '../state/schema.js';
import { EXPORTER_JOURNALS, buildDossier, buildFirm, calendarPeriod } from './builders.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The demo state `ledgersim start` serves: three French firms named from the seed (`core/french-names.ts`), and in
 * the first one a dossier per catalogue case, so a developer can hit each behaviour by hand. The
 * same seed gives the same firms and keys; SIC codes and dossier codes are fixed.
 */
export function quadraDemoState(seed: number, now: Date): QuadraState {
  const random = createRandom(seed);
  const year = now.getUTCFullYear();
  const keys = (sicCode: string) => ({
    cpa: { key: `CPA-${random.string(24, KEY_ALPHABET)}`, secret: random.string(40, KEY_ALPHABET) },
    cfe: {
      key: `CFE-${random.string(24, KEY_ALPHABET)}`,
      secret: random.string(40, KEY_ALPHABET),
      activated: sicCode !== '100003',
    },
  });
  const company = (caseName: string) => `${random.names.companyName()} (${caseName})`;

  const mainKeys = keys('100001');
  const dossier = (code: string, caseName: string, overrides: Parameters<typeof buildDossier>[3] = {}) =>
    withExporterJournals(buildDossier(code, year, mainKeys.cfe.key, { name: company(caseName), ...overrides }));

  const incomplete = dossier('INCOMPLET', 'QDR-INCOMPLETE-FILE: no class 2 or 3 account, journals locked');
  for (const number of ['21830000', '37000000']) delete incomplete.accounts[number];
  for (const journal of Object.values(incomplete.journals)) journal.status = 'locked';

  const main = buildFirm('100001', {
    name: `Cabinet ${random.names.lastName()}`,
    ...mainKeys,
    dossiers: [
      dossier('SAIN', 'healthy'),
      withWaitingFile(dossier('ATTENTE', 'QDR-IMPORT-ON-OPEN / QDR-NO-LABELS: a file waits for the opening'), now),
      dossier('SANSEXO', 'QDR-PERIOD-NOT-OPEN: every period closed', {
        periods: [calendarPeriod(year - 1, 'closed'), calendarPeriod(year, 'closed')],
      }),
      incomplete,
      dossier('CLEFCFE', 'QDR-CONTAINER-NOT-FOUND: Quadra settings hold an old CFE key', {
        cfeKeyInSettings: `CFE-${random.string(24, KEY_ALPHABET)}`,
      }),
    ],
  });
  const noPortalKeys = keys('100002');
  const noPortal = buildFirm('100002', {
    name: `Cabinet ${random.names.lastName()} (QDR-CPA-NO-PORTAL)`,
    portalAccess: false,
    ...noPortalKeys,
    dossiers: [withExporterJournals(buildDossier('SAIN', year, noPortalKeys.cfe.key, { name: company('healthy') }))],
  });
  const notActivatedKeys = keys('100003');
  const notActivated = buildFirm('100003', {
    name: `Cabinet ${random.names.lastName()} (QDR-CFE-NOT-ACTIVATED)`,
    ...notActivatedKeys,
    dossiers: [
      withExporterJournals(buildDossier('SAIN', year, notActivatedKeys.cfe.key, { name: company('healthy') })),
    ],
  });
  return { tenants: { [main.sicCode]: main, [noPortal.sicCode]: noPortal, [notActivated.sicCode]: notActivated } };
}

/** The journals real exporters write (EXPORTER_JOURNALS), open, beside the dossier's own. */
function withExporterJournals(dossier: DossierState): DossierState {
  for (const journal of EXPORTER_JOURNALS) dossier.journals[journal.code] ??= { ...journal, status: 'open' };
  return dossier;
}

/** A supplier invoice already uploaded to the container, on an auxiliary account Quadra does not know. */
function withWaitingFile(dossier: DossierState, now: Date): DossierState {
  const date = now.toISOString().slice(0, 10);
  const common = { journal: 'AC', date, label: 'Facture Dupont', pieceNumber: 'FA-0001' };
  const encoded = encodeQuadraFile([
    entryLine({ ...common, account: '60640000', direction: 'D', amountCents: 10_000 }),
    entryLine({ ...common, account: '44566000', direction: 'D', amountCents: 2_000 }),
    entryLine({ ...common, account: '0DUPONT', direction: 'C', amountCents: 12_000 }),
  ]);
  if (!encoded.ok) throw new Error(`demo file: ${JSON.stringify(encoded.problems)}`);
  const path = `${CFE_INPUT_FOLDER}/ECR00001.TXT`;
  dossier.container.blobs[path] = {
    path,
    contentBase64: Buffer.from(encoded.bytes).toString('base64'),
    contentType: 'text/plain; charset=windows-1252',
    size: encoded.bytes.length,
    uploadedAt: now.toISOString(),
  };
  return dossier;
}
