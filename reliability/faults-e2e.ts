import { createHubEngine, type HubEngine } from '../connectors/hub/engine.js';
import { purchaseEntry } from '../connectors/hub/entry-builders.js';
import { createLoopConnector, LoopCredentialsSchema } from '../connectors/loop/index.js';
import {
  createQuadraConnector,
  pieceNumberOf,
  QuadraCredentialsSchema,
  type QuadraCredentials,
} from '../connectors/quadra/index.js';
import { createSageGeConnector } from '../connectors/sage-ge/index.js';
import { JOURNAL_TYPES } from '../contracts/loop/wire.js';
import { createVirtualClock, type VirtualClock } from '../core/clock.js';
import { faultMix } from '../simulators/kit/faults.js';
import { serveApp, type RunningServer } from '../simulators/kit/serve.js';
import type { Simulator } from '../simulators/kit/simulator.js';
import { createLoopSimulator } from '../simulators/loop/index.js';
import { buildApiKey, buildCompte, buildFirm, buildFolder, buildJournal } from '../simulators/loop/seed/builders.js';
import type { LoopState } from '../simulators/loop/state/schema.js';
import { createQuadraSimulator } from '../simulators/quadra/index.js';
import { buildDossier, buildFirm as buildQuadraFirm, defaultCfeKey } from '../simulators/quadra/seed/builders.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { buildEntity, buildFile } from '../simulators/sage-ge/seed/builders.js';
import type { SageGeState } from '../simulators/sage-ge/state/schema.js';
import type { VendorId } from '../vendors/index.js';

/**
 * Faults end to end: the hub's engine with the real connectors syncs N entries to a simulator
 * served on a real loopback socket, while the simulator injects `rate` faults on every vendor
 * request (5xx, dropped connections, garbled bodies, latency, 429 with Retry-After). At the end:
 * exactly N entries in the vendor, none twice, none lost, and each hub status agrees with the
 * vendor's record of the entry.
 */

export interface FaultFigures {
  vendor: VendorId;
  entries: number;
  /** Vendor requests seen, and those answered with an injected fault, by kind. */
  requests: number;
  faults: Record<string, number>;
  rounds: number;
  posted: number;
  /** Entries the vendor holds more than once. */
  duplicates: number;
  /** Hub entries the vendor does not hold. */
  lost: number;
  vendorEntries: number;
  /** Hub entries whose status or reference disagrees with the vendor's record. */
  disagreements: string[];
}

const START = '2026-03-16T09:00:00.000Z';
const DATE = '2026-03-10';

/** Serves a simulator on loopback, counting requests and the faults it injected. */
async function serveCounting(sim: Simulator<unknown>, figures: FaultFigures): Promise<RunningServer> {
  return serveApp(
    async (request, env) => {
      const res = await sim.app.fetch(request, env);
      if (!new URL(request.url).pathname.startsWith('/__admin')) {
        figures.requests += 1;
        const fault = res.headers.get('x-ledgersim-fault');
        if (fault) {
          const kind = fault.split('#')[0]!;
          figures.faults[kind] = (figures.faults[kind] ?? 0) + 1;
        }
      }
      return res;
    },
    { port: 0 },
  );
}

async function addAndVerify(hub: HubEngine, n: number) {
  const ids = Array.from({ length: n }, (_, i) => `E${String(i).padStart(5, '0')}`);
  for (const id of ids) await hub.addEntry(purchaseEntry({ id, clientFileId: 'C1', date: DATE, attachments: [] }));
  for (const id of ids) await hub.markVerified(id);
  return ids;
}

export interface FaultRunOptions {
  entries: number;
  rate?: number;
  seed?: number;
  maxRounds?: number;
}

const notPosted = (hub: HubEngine, ids: string[]) => ids.filter((id) => hub.entry(id)!.status.status !== 'posted');

type ConnectorFor = Parameters<typeof createHubEngine>[0]['connectorFor'];

/**
 * One vendor's part of a run: its simulator and credentials, what moves its entries in a round,
 * and how it counts them in its own storage (see `UNDER_FAULTS` for why each vendor has its own).
 */
interface FaultWorld<S extends Simulator<unknown>> {
  vendor: VendorId;
  /** The rounds before giving up, unless the options say. */
  rounds: number;
  /** The vendor file the client file C1 links to. */
  vendorFileId: string;
  credentials: Record<string, string>;
  simulator(clock: VirtualClock, seed: number): S;
  /** The hub's connector to the served simulator, for a connection's credentials. */
  connector(baseUrl: string, credentials: unknown, clock: VirtualClock): ReturnType<ConnectorFor>;
  /** Anything the hub does before the wizard (Quadra: its first scheduler run, as at start-up). */
  beforeConnect?(hub: HubEngine): Promise<void>;
  /** Anything the hub needs once the file is linked, before the faults start. */
  afterLink?(hub: HubEngine): Promise<void>;
  /** One round: what makes the vendor take the entries and the hub read their fate. */
  round(hub: HubEngine, sim: S, clock: VirtualClock): Promise<void>;
  /** Counts what the vendor holds into the figures: vendor entries, duplicates, lost, posted, disagreements. */
  count(hub: HubEngine, sim: S, ids: string[], figures: FaultFigures): void;
}

/** The skeleton every vendor's run shares: serve, connect, link, arm the faults, send, round until posted, count. */
async function underFaults<S extends Simulator<unknown>>(
  world: FaultWorld<S>,
  options: FaultRunOptions,
): Promise<FaultFigures> {
  const figures: FaultFigures = {
    vendor: world.vendor,
    entries: options.entries,
    requests: 0,
    faults: {},
    rounds: 0,
    posted: 0,
    duplicates: 0,
    lost: 0,
    vendorEntries: 0,
    disagreements: [],
  };
  const clock = createVirtualClock({ start: START });
  const sim = world.simulator(clock, options.seed ?? 1);
  const server = await serveCounting(sim, figures);
  try {
    const hub = createHubEngine({
      clock,
      connectorFor: (connection) => world.connector(server.url, connection.credentials, clock),
    });
    await world.beforeConnect?.(hub);
    const connection = await hub.connect({
      vendor: world.vendor,
      credentials: { ...world.credentials },
      frequency: 'manual',
    });
    if (!connection.ok) throw new Error(JSON.stringify(connection.error));
    const linked = await hub.linkFile({
      clientFile: { id: 'C1', name: 'Client 1' },
      connectionId: connection.value.id,
      vendorFileId: world.vendorFileId,
    });
    if (!linked.ok) throw new Error(JSON.stringify(linked.error));
    await world.afterLink?.(hub);
    for (const rule of faultMix(options.rate ?? 0.2)) sim.faults.add(rule);
    const ids = await addAndVerify(hub, options.entries);
    const maxRounds = options.maxRounds ?? world.rounds;
    while (figures.rounds < maxRounds && notPosted(hub, ids).length > 0) {
      figures.rounds += 1;
      await world.round(hub, sim, clock);
    }
    world.count(hub, sim, ids, figures);
    return figures;
  } finally {
    await server.close();
    await sim.close();
  }
}

const SAGE_GE_IDENTIFIER = 'GE-IDENTIFIER-E1-0123456789';

export const sageUnderFaults = (options: FaultRunOptions) =>
  underFaults(
    {
      vendor: 'sage-ge',
      rounds: 60,
      vendorFileId: 'F1',
      credentials: { geIdentifier: SAGE_GE_IDENTIFIER },
      simulator: (clock, seed) => {
        const now = clock.now();
        const state: SageGeState = {
          tenants: { E1: buildEntity('E1', now, { geIdentifier: SAGE_GE_IDENTIFIER, files: [buildFile('F1', now)] }) },
        };
        return createSageGeSimulator({ clock, seed, initialState: state, journal: { maxRecords: 100 } });
      },
      connector: (baseUrl, _credentials, clock) =>
        createSageGeConnector({
          baseUrl,
          fetch: globalThis.fetch,
          credentials: { geIdentifier: SAGE_GE_IDENTIFIER },
          clock,
          sleep: async () => {},
        }),
      afterLink: async (hub) => {
        await hub.addThirdParty('C1', {
          id: 'FBUREAU',
          kind: 'supplier',
          name: 'Bureau Vallée',
          subsidiaryAccount: 'FBUREAU',
        });
      },
      round: async (hub, sim) => {
        await hub.synchronize('C1');
        // The accountant opens the file in GE: what waits in the Sage cloud is injected.
        await sim.app.request('/__admin/actions/open-accounting', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ entityId: 'E1', fileId: 'F1' }),
        });
        await hub.synchronize('C1');
      },
      count: (hub, sim, ids, figures) => {
        const file = sim.store.data.tenants.E1!.files.F1!;
        const vendor = Object.values(file.entries);
        figures.vendorEntries = vendor.length;
        const byCode = new Map<string, typeof vendor>();
        for (const e of vendor) byCode.set(e.trackingCode ?? '', [...(byCode.get(e.trackingCode ?? '') ?? []), e]);
        figures.duplicates = [...byCode.values()].reduce((n, list) => n + Math.max(0, list.length - 1), 0);
        for (const id of ids) {
          const record = hub.entry(id)!;
          const found = byCode.get(record.trackingCode) ?? [];
          if (found.length === 0) figures.lost += 1;
          if (record.status.status === 'posted') figures.posted += 1;
          const mine = found[0];
          if (!mine) continue;
          const agrees =
            record.status.status === 'posted'
              ? mine.status === 'injected' &&
                record.receipt?.vendorRef === mine.id &&
                (record.status.documentNumber ?? mine.documentNumber) === mine.documentNumber
              : mine.status !== 'injected';
          if (!agrees)
            figures.disagreements.push(
              `${id}: hub ${record.status.status} ${record.receipt?.vendorRef ?? ''}, Sage ${mine.id} ${mine.status}`,
            );
        }
      },
    },
    options,
  );

const SIC = '500001';

export const quadraUnderFaults = (options: FaultRunOptions) =>
  underFaults(
    {
      vendor: 'quadra',
      rounds: 30,
      vendorFileId: 'D1',
      credentials: {
        cpaKey: `CPA-${SIC}-KEY`,
        cpaSecret: `cpa-secret-${SIC}`,
        cfeKey: defaultCfeKey(SIC),
        cfeSecret: `cfe-secret-${SIC}`,
        sicCode: SIC,
      } satisfies QuadraCredentials,
      simulator: (clock, seed) => {
        const firm = buildQuadraFirm(SIC, { dossiers: [buildDossier('D1', 2026, defaultCfeKey(SIC))] });
        return createQuadraSimulator({
          clock,
          seed,
          initialState: { tenants: { [SIC]: firm } },
          journal: { maxRecords: 100 },
        });
      },
      connector: (baseUrl, credentials, clock) =>
        createQuadraConnector({
          baseUrl,
          fetch: globalThis.fetch,
          credentials: QuadraCredentialsSchema.parse(credentials),
          clock,
          sleep: async () => {},
        }),
      beforeConnect: (hub) => hub.runScheduler(),
      round: async (hub, sim, clock) => {
        await hub.synchronize('C1');
        // Someone opens the dossier in Quadra: the files waiting in CFE are imported.
        await sim.app.request('/__admin/actions/open-dossier', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sicCode: SIC, dossier: 'D1' }),
        });
        clock.advance(13 * 3_600_000); // the import delay, then the hub's 12-hour read-back
        await sim.settled();
        await hub.runScheduler();
      },
      count: (hub, sim, ids, figures) => {
        // One hub entry is one piece number; the same piece imported twice is a duplicate.
        const lines = Object.values(sim.store.data.tenants[SIC]!.dossiers.D1!.entries);
        const imports = new Map<string, Set<string>>();
        for (const line of lines)
          imports.set(line.record.pieceNumber, (imports.get(line.record.pieceNumber) ?? new Set()).add(line.importId));
        figures.vendorEntries = imports.size;
        figures.duplicates = [...imports.values()].reduce((n, set) => n + set.size - 1, 0);
        for (const id of ids) {
          const record = hub.entry(id)!;
          const found = imports.get(pieceNumberOf(record.trackingCode));
          if (!found) figures.lost += 1;
          if (record.status.status === 'posted') figures.posted += 1;
          if ((record.status.status === 'posted') !== Boolean(found))
            figures.disagreements.push(`${id}: hub ${record.status.status}, Quadra ${found ? 'imported' : 'absent'}`);
        }
      },
    },
    options,
  );

function loopFolder(now: Date) {
  const f = buildFolder('F1', now, { name: 'BOULANGERIE MARTIN SAS' });
  f.journaux.NDF = buildJournal('F1', 'NDF', 'Notes de frais', JOURNAL_TYPES.od);
  f.comptes['625700'] = buildCompte('F1', '625700', 'Réceptions');
  return f;
}

const LOOP_KEY = buildApiKey('QONTO', 'CABA', ['F1'], START);
const LOOP_SUBSCRIPTION_KEY = buildFirm('CABA', { folders: [], apiKeys: [] }).subscriptionKey;

export const loopUnderFaults = (options: FaultRunOptions) =>
  underFaults(
    {
      vendor: 'loop',
      rounds: 60,
      vendorFileId: 'F1',
      credentials: {
        apiKey: LOOP_KEY.key,
        apiSecret: LOOP_KEY.secret,
        domain: 'CABA',
        subscriptionKey: LOOP_SUBSCRIPTION_KEY,
      },
      simulator: (clock, seed) => {
        const state: LoopState = {
          tenants: { CABA: buildFirm('CABA', { folders: [loopFolder(clock.now())], apiKeys: [LOOP_KEY] }) },
        };
        return createLoopSimulator({ clock, seed, initialState: state, journal: { maxRecords: 100 } });
      },
      connector: (baseUrl, credentials, clock) =>
        createLoopConnector({
          baseUrl,
          fetch: globalThis.fetch,
          credentials: LoopCredentialsSchema.parse(credentials),
          clock,
          sleep: async () => {},
        }),
      round: async (hub, sim, clock) => {
        await hub.synchronize('C1');
        clock.advance(20 * 60_000); // Loop's import service runs; the hub's settle window passes
        await sim.settled();
        await hub.synchronize('C1');
      },
      count: (hub, sim, ids, figures) => {
        const rows = Object.values(sim.store.data.tenants.CABA!.folders.F1!.ecritures).filter(
          (r) => r.ecritureOrigine !== 'SAISIE',
        );
        const byNumero = new Map<number, string>();
        for (const r of rows) byNumero.set(r.numeroEcriture, r.refPiece);
        const byRef = new Map<string, number[]>();
        for (const [numero, ref] of byNumero) byRef.set(ref, [...(byRef.get(ref) ?? []), numero]);
        figures.vendorEntries = byNumero.size;
        // One hub entry is one tracking code; a second integrated entry with the same code is a duplicate.
        const byTracking = new Map<string, number>();
        for (const ref of byRef.keys()) {
          const code = /#([A-Z]{5})#/.exec(ref)?.[1] ?? ref;
          byTracking.set(code, (byTracking.get(code) ?? 0) + (byRef.get(ref)?.length ?? 0));
        }
        figures.duplicates = [...byTracking.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
        for (const id of ids) {
          const record = hub.entry(id)!;
          const count = byTracking.get(record.trackingCode) ?? 0;
          if (count === 0) figures.lost += 1;
          if (record.status.status === 'posted') figures.posted += 1;
          const numeros = record.receipt?.marker ? byRef.get(record.receipt.marker) : undefined;
          const agrees =
            record.status.status === 'posted'
              ? numeros?.length === 1 && record.status.documentNumber === String(numeros[0])
              : count === 0;
          if (!agrees)
            figures.disagreements.push(
              `${id}: hub ${record.status.status} ${record.receipt?.marker ?? ''}, Loop ${numeros?.join(',') ?? 'none'}`,
            );
        }
      },
    },
    options,
  );

/**
 * The run of each vendor, a per-vendor list on purpose rather than one runner over the registry's
 * generic views: each run drives what moves that vendor's entries (Sage GE's file opened so its
 * cloud queue is injected; Quadra's dossier opened, then the CFE import delay and the hub's
 * 12-hour read-back; Loop's import service on the clock) and counts duplicates in the vendor's own
 * storage by the vendor's own key (tracking code, piece number, `refPiece`), which is exactly what
 * the check is about and what a generic view would hide. Keyed by the declared vendor ids, so a
 * vendor declared without its run here does not compile; the test and `npm run soak` iterate the
 * registry's order.
 */
export const UNDER_FAULTS: { readonly [Id in VendorId]: (options: FaultRunOptions) => Promise<FaultFigures> } = {
  'sage-ge': sageUnderFaults,
  quadra: quadraUnderFaults,
  loop: loopUnderFaults,
};
