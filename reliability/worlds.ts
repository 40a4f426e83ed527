import { z } from 'zod';
import { encodeQuadraFile, entryLine } from '../contracts/quadra/ascii.js';
import { LoopErrorBodySchema } from '../contracts/loop/wire.js';
import { QuadraErrorBodySchema } from '../contracts/quadra/wire.js';
import { SageErrorBodySchema } from '../contracts/sage-ge/wire.js';
import { createVirtualClock, type VirtualClock } from '../core/clock.js';
import type { Simulator } from '../simulators/kit/simulator.js';
import { VENDORS, type VendorId } from '../vendors/index.js';
import { createLoopSimulator } from '../simulators/loop/index.js';
import {
  buildApiKey,
  buildEcritures,
  buildFirm as buildLoopFirm,
  buildFolder,
  buildTiers,
} from '../simulators/loop/seed/builders.js';
import type { LoopState } from '../simulators/loop/state/schema.js';
import { createQuadraSimulator } from '../simulators/quadra/index.js';
import { buildDossier, buildFirm as buildQuadraFirm, defaultCfeKey } from '../simulators/quadra/seed/builders.js';
import type { QuadraState } from '../simulators/quadra/state/schema.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import type { EntryPushRequest } from '../contracts/sage-ge/wire.js';
import { buildEntity, buildFile, purchaseEntryBody } from '../simulators/sage-ge/seed/builders.js';
import type { SageGeState } from '../simulators/sage-ge/state/schema.js';

/**
 * The worlds the reliability tests run against: each simulator holds two tenants, A and B, whose
 * data carries marker strings that appear nowhere else (`MARKA-…`, `MARKB-…`), so a test can
 * search any answer for a byte of the other tenant. Every world knows, for each tenant, the
 * credentials, the ids its routes take and a valid body for each route that takes one; the route
 * list itself comes from the app's `/openapi.json`, so a new route is covered without editing this.
 */

export const START = '2026-03-16T09:00:00.000Z';
export const TENANTS = ['A', 'B'] as const;
export type TenantKey = (typeof TENANTS)[number];
/** Strings only tenant A's (resp. B's) data holds. */
export const MARKERS: Record<TenantKey, string[]> = {
  A: ['MARKA-firm-7Q2', 'MARKA-file-9W4', 'MARKA-party-3K8'],
  B: ['MARKB-firm-5T1', 'MARKB-file-2X6', 'MARKB-party-8J0'],
};
export const other = (t: TenantKey): TenantKey => (t === 'A' ? 'B' : 'A');

/** The kit's own error body on `/__admin`. */
export const AdminErrorSchema = z
  .object({
    error: z.enum([
      'bad-request',
      'unauthorized',
      'forbidden',
      'not-found',
      'conflict',
      'payload-too-large',
      'unsupported-media-type',
    ]),
    message: z.string(),
    issues: z.unknown().optional(),
  })
  .strict();

export interface RouteSpec {
  method: string;
  /** The OpenAPI path template, e.g. `/api/v1/files/{fileId}/entries`. */
  template: string;
  pathParams: string[];
  query: { name: string; required: boolean }[];
  headers: { name: string; required: boolean }[];
  bodyType?: string;
}

/** The vendor routes an app describes in its `/openapi.json`. */
export async function routesOf(sim: Simulator<unknown>): Promise<RouteSpec[]> {
  const doc = (await (await sim.app.request('/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; required?: boolean }[];
          requestBody?: { content: Record<string, unknown> };
        }
      >
    >;
  };
  const routes: RouteSpec[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      routes.push({
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required })),
        headers: params.filter((p) => p.in === 'header').map((p) => ({ name: p.name, required: !!p.required })),
        bodyType: op.requestBody ? Object.keys(op.requestBody.content)[0] : undefined,
      });
    }
  }
  return routes;
}

/** One request, before it is turned into a `Request`: tests mutate its parts. */
export interface RequestParts {
  method: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** A JSON value (JSON routes), a record of strings (form routes) or bytes/text (raw routes). */
  body?: unknown;
  bodyType?: string;
}

export function buildPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodePart(params[name] ?? 'x'));
}

/** encodeURIComponent, except that a lone surrogate becomes the bytes of invalid UTF-8 a client could still send. */
function encodePart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

export function toRequest(base: string, template: string, parts: RequestParts): { url: string; init: RequestInit } {
  const qs = Object.entries(parts.query)
    .map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`)
    .join('&');
  const url = `${base}${buildPath(template, parts.path)}${qs ? `?${qs}` : ''}`;
  const headers: Record<string, string> = { ...parts.headers };
  let body: string | Uint8Array | undefined;
  if (parts.body !== undefined && parts.method !== 'GET' && parts.method !== 'HEAD') {
    if (typeof parts.body === 'string' || parts.body instanceof Uint8Array) body = parts.body as string | Uint8Array;
    else if (parts.bodyType === 'application/x-www-form-urlencoded')
      body = new URLSearchParams(parts.body as Record<string, string>).toString();
    else body = JSON.stringify(parts.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = parts.bodyType ?? 'application/json';
  }
  return { url, init: { method: parts.method, headers, body } };
}

export interface World {
  name: VendorId;
  sim: Simulator<any>;
  clock: VirtualClock;
  /** Sage: an array of `{ $severity, $dataCode, $message }`; Quadra `{ error, error_description }`; Loop `{ statusCode, code, message }`. */
  errorSchema: z.ZodType<unknown>;
  routes: RouteSpec[];
  /** A valid request for a route as tenant `t` (its credentials, its ids, a valid body). */
  valid(route: RouteSpec, t: TenantKey): RequestParts;
  /** The credentials of a request as tenant `t` on a route (headers, query or form fields). */
  credentials(
    route: RouteSpec,
    t: TenantKey,
  ): { headers?: Record<string, string>; query?: Record<string, string>; body?: Record<string, string> };
  /** A sample valid input for each vendor action, to mutate. */
  actionInput(t: TenantKey): Record<string, unknown>;
  /** The state a test restores after an accepted request, so every run starts alike. */
  initial: string;
  restore(): Promise<void>;
  request(parts: RequestParts, template: string): Promise<Response>;
}

async function finishWorld(partial: Omit<World, 'routes' | 'initial' | 'restore' | 'request'>): Promise<World> {
  const world = partial as World;
  world.routes = await routesOf(partial.sim);
  world.initial = JSON.stringify(partial.sim.store.data);
  world.restore = async () => {
    partial.sim.faults.clear();
    if (partial.clock.nowMs() !== Date.parse(START)) {
      partial.clock.set(START);
      await partial.sim.settled();
    }
    if (JSON.stringify(partial.sim.store.data) !== world.initial)
      await partial.sim.store.replace(JSON.parse(world.initial));
  };
  world.request = (parts, template) => {
    const { url, init } = toRequest('http://sim.test', template, parts);
    return Promise.resolve(partial.sim.app.request(url, init));
  };
  return world;
}

export interface WorldOptions {
  maxBodyBytes?: number;
  journal?: { maxRecords?: number; maxBodyChars?: number };
}

// ------------------------------------------------------------------------------------------------
// Sage GE

const SAGE_IDS = {
  A: { entity: 'EA', file: 'afile', ge: 'GE-ENT-A-RELIABILITY-0001' },
  B: { entity: 'EB', file: 'bfile', ge: 'GE-ENT-B-RELIABILITY-0002' },
} as const;

export function sageState(now: Date): SageGeState {
  const tenants: SageGeState['tenants'] = {};
  for (const t of TENANTS) {
    const ids = SAGE_IDS[t];
    const [firm, fileName, party] = MARKERS[t] as [string, string, string];
    const file = buildFile(ids.file, now, { name: `Dossier ${fileName}`, code: t === 'A' ? 'ALPHA' : 'BRAVO' });
    file.thirdParties.FMARK = {
      type: 'supplier',
      name: party,
      subsidiaryAccount: 'FMARK',
      collectiveAccount: '401000',
    };
    tenants[ids.entity] = buildEntity(ids.entity, now, {
      name: `Cabinet ${firm}`,
      geIdentifier: ids.ge,
      files: [file],
    });
  }
  return { tenants };
}

export function sageEntry(overrides: Partial<EntryPushRequest> = {}) {
  return purchaseEntryBody({ comment: 'Facture fournisseur #RELI0#', ...overrides });
}

export async function sageWorld(options: WorldOptions = {}): Promise<World> {
  const clock = createVirtualClock({ start: START });
  const sim = createSageGeSimulator({ clock, initialState: sageState(clock.now()), ...options });
  // One entry in each file, its comment marked, so entry routes have an id to read.
  for (const t of TENANTS) {
    const res = await sim.app.request(`/api/v1/files/${SAGE_IDS[t].file}/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SAGE_IDS[t].ge}`, 'content-type': 'application/json' },
      body: JSON.stringify(sageEntry({ comment: `${MARKERS[t][0]} #SEED${t}#` })),
    });
    if (res.status !== 202) throw new Error(`seeding a Sage entry: ${res.status} ${await res.text()}`);
  }
  const ids = (t: TenantKey): Record<string, string> => ({ fileId: SAGE_IDS[t].file, entryId: 'ENT-000001' });
  return finishWorld({
    name: 'sage-ge',
    sim,
    clock,
    errorSchema: SageErrorBodySchema.min(1),
    credentials: (_route, t) => ({ headers: { authorization: `Bearer ${SAGE_IDS[t].ge}` } }),
    valid(route, t) {
      const body =
        route.method === 'PUT' && route.template.endsWith('third-parties')
          ? {
              thirdParties: [
                { type: 'supplier', name: 'Acme', subsidiaryAccount: 'FACME', collectiveAccount: '401000' },
              ],
            }
          : route.method === 'POST' && route.template.endsWith('/entries')
            ? sageEntry()
            : undefined;
      return fill(
        route,
        ids(t),
        {},
        { authorization: `Bearer ${SAGE_IDS[t].ge}`, 'idempotency-key': 'reli-key-1' },
        body,
      );
    },
    actionInput: (t) => ({
      entityId: SAGE_IDS[t].entity,
      fileId: SAGE_IDS[t].file,
      journal: 'AC',
      locked: true,
      active: true,
    }),
  });
}

/** Fills a route's parameters from known values (or a plain placeholder for a new one). */
function fill(
  route: RouteSpec,
  values: Record<string, string>,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: unknown,
): RequestParts {
  const parts: RequestParts = { method: route.method, path: {}, query: {}, headers: {}, bodyType: route.bodyType };
  for (const name of route.pathParams) parts.path[name] = values[name] ?? 'x';
  for (const q of route.query)
    if (q.required || q.name in query) parts.query[q.name] = query[q.name] ?? values[q.name] ?? 'x';
  for (const h of route.headers) if (headers[h.name] !== undefined) parts.headers[h.name] = headers[h.name]!;
  if (headers.authorization) parts.headers.authorization = headers.authorization;
  for (const [k, v] of Object.entries(headers)) if (/^(ocp-apim|x-apikey|x-domain)/i.test(k)) parts.headers[k] = v;
  if (route.bodyType) parts.body = body ?? (route.bodyType.includes('json') ? {} : '');
  return parts;
}

// ------------------------------------------------------------------------------------------------
// Quadra

const QUADRA_IDS = { A: { sic: '500001', dossier: 'AMAIN' }, B: { sic: '500002', dossier: 'BMAIN' } } as const;
export const QUADRA_VENDOR_NAME = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

export function quadraState(): QuadraState {
  const tenants: QuadraState['tenants'] = {};
  for (const t of TENANTS) {
    const ids = QUADRA_IDS[t];
    const [firm, dossierName] = MARKERS[t] as [string, string, string];
    tenants[ids.sic] = buildQuadraFirm(ids.sic, {
      name: `Cabinet ${firm}`,
      dossiers: [buildDossier(ids.dossier, 2026, defaultCfeKey(ids.sic), { name: `Dossier ${dossierName}` })],
    });
  }
  return { tenants };
}

export function quadraFile(label = 'Facture Dupont'): Uint8Array {
  const common = { journal: 'AC', date: '2026-03-10', label, pieceNumber: 'FA-0001' };
  const encoded = encodeQuadraFile([
    entryLine({ account: '60640000', direction: 'D', amountCents: 10_000, ...common }),
    entryLine({ account: '40100000', direction: 'C', amountCents: 10_000, ...common }),
  ]);
  if (!encoded.ok) throw new Error(JSON.stringify(encoded.problems));
  return encoded.bytes;
}

export async function quadraWorld(
  options: WorldOptions = {},
): Promise<
  World & { tokens: Record<TenantKey, { cpa: string; cfe: string; sas: Record<string, string>; container: string }> }
> {
  const clock = createVirtualClock({ start: START });
  const sim = createQuadraSimulator({ clock, initialState: quadraState(), ...options });
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const tokens = {} as Record<TenantKey, { cpa: string; cfe: string; sas: Record<string, string>; container: string }>;
  for (const t of TENANTS) {
    const firm = (sim.store.data as QuadraState).tenants[QUADRA_IDS[t].sic]!;
    const cpaRes = await sim.app.request('/QuadraODOpenApi/token', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: firm.cpa.key,
        client_secret: firm.cpa.secret,
        vendor_name: QUADRA_VENDOR_NAME,
        application_name: 'Hub',
        application_version: '1.0.0',
      }).toString(),
    });
    const cfeRes = await sim.app.request('/CFE/token', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: firm.cfe.key,
        client_secret: firm.cfe.secret,
      }).toString(),
    });
    const cpa = ((await cpaRes.json()) as { access_token: string }).access_token;
    const cfe = ((await cfeRes.json()) as { access_token: string }).access_token;
    const sasRes = await sim.app.request(`/CFE/V1/getsastoken/${QUADRA_IDS[t].dossier}?AccessMode=ReadWrite`, {
      headers: { authorization: `Bearer ${cfe}` },
    });
    const sasBody = (await sasRes.json()) as { containerName: string; sasToken: string };
    if (!cpa || !cfe || !sasBody.sasToken) throw new Error('seeding Quadra tokens failed');
    const sas = Object.fromEntries(new URLSearchParams(sasBody.sasToken));
    tokens[t] = { cpa, cfe, sas, container: sasBody.containerName };
    // One file in the container, its bytes marked.
    const put = await sim.app.request(`/CFE/blob/${sasBody.containerName}/input/SEED.TXT?${sasBody.sasToken}`, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' },
      body: quadraFile(MARKERS[t][2]!.slice(0, 20)),
    });
    if (put.status !== 201) throw new Error(`seeding a Quadra blob: ${put.status} ${await put.text()}`);
    // Opening the dossier imports it (archive/imported/SEED.TXT); INPUT.TXT stays in input/.
    const opened = await sim.app.request('/__admin/actions/open-dossier', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sicCode: QUADRA_IDS[t].sic, dossier: QUADRA_IDS[t].dossier }),
    });
    if (opened.status !== 200) throw new Error(`opening a Quadra dossier: ${opened.status} ${await opened.text()}`);
    const input = await sim.app.request(`/CFE/blob/${sasBody.containerName}/input/INPUT.TXT?${sasBody.sasToken}`, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' },
      body: quadraFile(MARKERS[t][1]!.slice(0, 20)),
    });
    if (input.status !== 201) throw new Error(`seeding a Quadra blob: ${input.status}`);
  }
  clock.advance(10 * 60_000);
  await sim.settled();
  clock.set(START);
  await sim.settled();
  const firmOf = (t: TenantKey) => (sim.store.data as QuadraState).tenants[QUADRA_IDS[t].sic]!;
  const credentials = (
    route: RouteSpec,
    t: TenantKey,
  ): { headers?: Record<string, string>; query?: Record<string, string>; body?: Record<string, string> } => {
    if (route.template.endsWith('/QuadraODOpenApi/token')) {
      const f = firmOf(t);
      return {
        body: {
          grant_type: 'client_credentials',
          client_id: f.cpa.key,
          client_secret: f.cpa.secret,
          vendor_name: QUADRA_VENDOR_NAME,
          application_name: 'Hub',
          application_version: '1.0.0',
        },
      };
    }
    if (route.template.endsWith('/CFE/token')) {
      const f = firmOf(t);
      return { body: { grant_type: 'client_credentials', client_id: f.cfe.key, client_secret: f.cfe.secret } };
    }
    if (route.template.startsWith('/CFE/blob')) return { query: tokens[t].sas };
    if (route.template.startsWith('/CFE/')) return { headers: { authorization: `Bearer ${tokens[t].cfe}` } };
    return { headers: { authorization: `Bearer ${tokens[t].cpa}` } };
  };
  const world = await finishWorld({
    name: 'quadra',
    sim,
    clock,
    errorSchema: QuadraErrorBodySchema,
    credentials,
    valid(route, t) {
      const creds = credentials(route, t);
      const values = {
        dossier: QUADRA_IDS[t].dossier,
        container: tokens[t].container,
        fileName: route.template.includes('/archive/') ? 'SEED.TXT' : 'INPUT.TXT',
        status: 'imported',
        restype: 'container',
        comp: 'list',
        ...creds.query,
      };
      const body = creds.body ?? (route.method === 'PUT' ? quadraFile() : undefined);
      const parts = fill(route, values, { ...creds.query }, { ...creds.headers, 'x-ms-blob-type': 'BlockBlob' }, body);
      for (const [k, v] of Object.entries(creds.query ?? {})) parts.query[k] = v;
      return parts;
    },
    actionInput: (t) => ({ sicCode: QUADRA_IDS[t].sic, dossier: QUADRA_IDS[t].dossier, granted: true, minutes: 5 }),
  });
  return Object.assign(world, { tokens });
}

// ------------------------------------------------------------------------------------------------
// Loop

const LOOP_IDS = { A: { domain: 'LOOPA', folder: 'FA' }, B: { domain: 'LOOPB', folder: 'FB' } } as const;

export function loopState(now: Date): LoopState {
  const tenants: LoopState['tenants'] = {};
  for (const t of TENANTS) {
    const ids = LOOP_IDS[t];
    const [firm, folderName, party] = MARKERS[t] as [string, string, string];
    const folder = buildFolder(ids.folder, now, {
      name: folderName,
      ecritures: buildEcritures(ids.folder, 3, '2026-01-15', START),
    });
    folder.tiers.FMARK = buildTiers(ids.folder, 'FMARK', 1, party);
    tenants[ids.domain] = buildLoopFirm(ids.domain, {
      name: `Cabinet ${firm}`,
      folders: [folder],
      apiKeys: [buildApiKey('QONTO', ids.domain, [ids.folder], START)],
    });
  }
  return { tenants };
}

export function loopImport(folder: string, libelle = 'Fournitures bureau mars') {
  return {
    codeIbs: folder,
    data: {
      contexte: { from: '2026-01-01', to: '2026-12-31' },
      options: { multiPeriode: false },
      ecritures: [
        {
          journalCode: 'AC',
          datePiece: '2026-03-10',
          refPiece: 'FA-2026-001',
          libelle,
          lignes: [
            { compteNumero: '606400', libelle: 'Papier', debit: 100, credit: 0 },
            { compteNumero: '445660', debit: 20, credit: 0 },
            { compteNumero: '401000', compteAuxiliaire: 'FBUROTIC', debit: 0, credit: 120 },
          ],
        },
      ],
    },
  };
}

export function loopHeaders(state: LoopState, t: TenantKey): Record<string, string> {
  const firm = state.tenants[LOOP_IDS[t].domain]!;
  const key = Object.values(firm.apiKeys)[0]!;
  return {
    'Ocp-Apim-Subscription-Key': firm.subscriptionKey,
    'x-apikey': `${key.key}:${key.secret}`,
    'x-domain': firm.domain,
  };
}

export async function loopWorld(options: WorldOptions = {}): Promise<World & { importIds: Record<TenantKey, string> }> {
  const clock = createVirtualClock({ start: START });
  const sim = createLoopSimulator({ clock, initialState: loopState(clock.now()), ...options });
  const importIds = {} as Record<TenantKey, string>;
  for (const t of TENANTS) {
    const res = await sim.app.request('/loop-api-publiques/importJson', {
      method: 'POST',
      headers: { ...loopHeaders(sim.store.data as LoopState, t), 'content-type': 'application/json' },
      body: JSON.stringify(loopImport(LOOP_IDS[t].folder, MARKERS[t][0])),
    });
    const body = (await res.json()) as { accountingImportRequestId?: string };
    if (res.status !== 200 || !body.accountingImportRequestId)
      throw new Error(`seeding a Loop import: ${res.status} ${JSON.stringify(body)}`);
    importIds[t] = body.accountingImportRequestId;
  }
  // Let Loop's import service integrate them, then start every test from there.
  clock.set(Date.parse(START) + 120_000);
  await sim.settled();
  clock.set(START);
  await sim.settled();
  const world = await finishWorld({
    name: 'loop',
    sim,
    clock,
    errorSchema: LoopErrorBodySchema,
    credentials: (_route, t) => ({ headers: loopHeaders(sim.store.data as LoopState, t) }),
    valid(route, t) {
      const values = { codeDossier: LOOP_IDS[t].folder, accountingImportRequestId: importIds[t] };
      const query: Record<string, string> = route.template.endsWith('EcritureComptable')
        ? { filter: 'ecritureOrigine == "SAISIE"' }
        : {};
      const body = route.method === 'POST' ? loopImport(LOOP_IDS[t].folder) : undefined;
      return fill(route, values, query, loopHeaders(sim.store.data as LoopState, t), body);
    },
    actionInput: (t) => ({
      domain: LOOP_IDS[t].domain,
      folder: LOOP_IDS[t].folder,
      active: true,
      journal: 'AC',
      ferme: true,
    }),
  });
  return Object.assign(world, { importIds });
}

/** One world per registered vendor: a vendor added to the registry without its world does not compile. */
export const WORLDS = { 'sage-ge': sageWorld, quadra: quadraWorld, loop: loopWorld } as const satisfies Record<
  VendorId,
  (options?: WorldOptions) => Promise<World>
>;
/** The vendors the reliability checks run over, in the registry's order. */
export const WORLD_NAMES: readonly VendorId[] = VENDORS.ids;
export const IDS = { sage: SAGE_IDS, quadra: QUADRA_IDS, loop: LOOP_IDS } as const;
