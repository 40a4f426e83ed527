import { expect } from 'vitest';
import {
  encodeQuadraFile,
  entryLine,
  type QuadraAccountRecord,
  type QuadraEntryLine,
} from '../../contracts/quadra/ascii.js';
import {
  QuadraErrorBodySchema,
  type Ecriture,
  type RejectionReport,
  type SasResponse,
} from '../../contracts/quadra/wire.js';
import type { VirtualClock } from '../../core/clock.js';
import { createTestHarness, rejectionExpectation, type TestHarnessDefinition } from '../kit/test-harness.js';
import { createQuadraSimulator, type QuadraSimulator } from './index.js';
import { buildDossier, buildFirm, defaultCfeKey, type DossierOverrides, type FirmOverrides } from './seed/builders.js';
import type { QuadraState } from './state/schema.js';

/**
 * Shared helpers for the Quadra tests: a fresh simulator per test over a state built with the
 * seed builders, the token, SAS and upload calls a connector makes, and the admin actions a
 * person does. Nothing here asserts a behaviour on its own.
 */

/** Where the virtual clock starts: EX2025 is closed, EX2026 open. */
export const START = '2026-03-16T09:00:00.000Z';
/** The firm the requests authenticate as, and its main dossier. */
export const SIC = '500001';
export const DOSSIER = 'MAIN';
/** Another firm with its own dossier: never visible to SIC 500001. */
export const OTHER_SIC = '500002';
export const OTHER_DOSSIER = 'SECRET';
export const VENDOR_NAME = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

export interface SetupOptions {
  firm?: Omit<FirmOverrides, 'dossiers'>;
  dossier?: DossierOverrides;
  /** A last touch on the built state, before the simulator starts. */
  tweak?: (state: QuadraState) => void;
  maxBodyBytes?: number;
  /** Another clock (a live one); a frozen one at START by default. */
  clock?: VirtualClock;
}

export type Harness = ReturnType<typeof setup>;

export function buildState(options: SetupOptions = {}): QuadraState {
  const main = buildFirm(SIC, {
    ...options.firm,
    dossiers: [buildDossier(DOSSIER, 2026, defaultCfeKey(SIC), options.dossier)],
  });
  const other = buildFirm(OTHER_SIC, {
    name: 'Cabinet Secret Bravo',
    dossiers: [buildDossier(OTHER_DOSSIER, 2026, defaultCfeKey(OTHER_SIC), { name: 'Dossier Confidentiel Bravo' })],
  });
  const state: QuadraState = { tenants: { [main.sicCode]: main, [other.sicCode]: other } };
  options.tweak?.(state);
  return state;
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Quadra's requests sign in with tokens (CPA, CFE): the harness gets them with its own calls below. */
export const quadraHarness: TestHarnessDefinition<QuadraState, QuadraSimulator> = { create: createQuadraSimulator };

export function setup(options: SetupOptions = {}) {
  const harness = createTestHarness(quadraHarness, {
    start: START,
    clock: options.clock,
    initialState: buildState(options),
    maxBodyBytes: options.maxBodyBytes,
  });
  const { sim, request, action } = harness;
  const firm = (sic = SIC) => sim.store.data.tenants[sic]!;
  const dossier = (code = DOSSIER, sic = SIC) => firm(sic).dossiers[code]!;

  const cpaTokenRequest = (sic = SIC, overrides: Record<string, string> = {}) =>
    request('/QuadraODOpenApi/token', {
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: firm(sic).cpa.key,
        client_secret: firm(sic).cpa.secret,
        vendor_name: VENDOR_NAME,
        application_name: 'Qonto Accounting Hub',
        application_version: '1.0.0',
        ...overrides,
      },
    });
  async function cpaToken(sic = SIC): Promise<string> {
    const res = await cpaTokenRequest(sic);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }
  /** Calls a CPA method (`POST /QuadraODOpenApi/<method>?<query>`). */
  async function cpa(method: string, query: Record<string, string> = {}, token?: string | null): Promise<Response> {
    const bearer = token === undefined ? await cpaToken() : token;
    const qs = new URLSearchParams(query).toString();
    return request(`/QuadraODOpenApi/${method}${qs ? `?${qs}` : ''}`, {
      method: 'POST',
      headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
    });
  }

  const cfeTokenRequest = (sic = SIC, overrides: Record<string, string> = {}) =>
    request('/CFE/token', {
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: firm(sic).cfe.key,
        client_secret: firm(sic).cfe.secret,
        ...overrides,
      },
    });
  async function cfeToken(sic = SIC): Promise<string> {
    const res = await cfeTokenRequest(sic);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }
  const sasRequest = (token: string, code = DOSSIER, query = '') =>
    request(`/CFE/V1/getsastoken/${code}${query}`, { headers: { authorization: `Bearer ${token}` } });
  async function sas(code = DOSSIER, sic = SIC): Promise<SasResponse> {
    const res = await sasRequest(await cfeToken(sic), code);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as SasResponse;
  }
  /** A URL of the container, as the SAS answer composes it. */
  const blobUrl = (s: SasResponse, path = '') =>
    `${new URL(s.blobServiceUri).pathname}/${s.containerName}${path ? `/${path}` : ''}?${s.sasToken}`;

  /** Uploads a file into the dossier's input folder (201), the way the connector does. */
  async function upload(
    content: Uint8Array | string,
    fileName = 'ECRITURES.TXT',
    code = DOSSIER,
  ): Promise<SasResponse> {
    const s = await sas(code);
    const res = await request(blobUrl(s, `input/${fileName}`), {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' },
      raw: content,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return s;
  }

  async function openDossier(code = DOSSIER) {
    const { status, body } = await action('open-dossier', { sicCode: SIC, dossier: code });
    expect(status, JSON.stringify(body)).toBe(200);
    return body.result as {
      imported: { file: string; importId: string; lines: number; visibleAt: string }[];
      rejected: { file: string; report: string; problems: number }[];
      published: number;
    };
  }
  async function entries(code = DOSSIER): Promise<Ecriture[]> {
    const res = await cpa('GetEcritures', { dossier: code });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { Ecritures: Ecriture[] }).Ecritures;
  }
  async function report(fileName = 'ECRITURES.TXT', code = DOSSIER): Promise<RejectionReport> {
    const s = await sas(code);
    const res = await request(blobUrl(s, `archive/rejected/${fileName}.report.json`));
    expect(res.status).toBe(200);
    return (await res.json()) as RejectionReport;
  }
  const blobPaths = (code = DOSSIER) => Object.keys(dossier(code).container.blobs).sort();

  return {
    ...harness,
    firm,
    dossier,
    cpaTokenRequest,
    cpaToken,
    cpa,
    cfeTokenRequest,
    cfeToken,
    sasRequest,
    sas,
    blobUrl,
    upload,
    openDossier,
    entries,
    report,
    blobPaths,
  };
}

/** A purchase in EX2026: 100 + 20 VAT to supplier 0DUPONT, on journal AC. */
export function purchaseLines(overrides: Partial<QuadraEntryLine> = {}): QuadraEntryLine[] {
  const common = { journal: 'AC', date: '2026-03-10', label: 'Facture Dupont', pieceNumber: 'FA-0001', ...overrides };
  return [
    entryLine({ account: '60640000', direction: 'D', amountCents: 10_000, ...common }),
    entryLine({ account: '44566000', direction: 'D', amountCents: 2_000, ...common }),
    entryLine({ account: '40100000', direction: 'C', amountCents: 12_000, ...common }),
  ];
}

/** Encodes records into file bytes (CRLF), failing the test on a codec problem. */
export function asciiFile(records: readonly unknown[]): Uint8Array {
  const encoded = encodeQuadraFile(records);
  if (!encoded.ok) throw new Error(JSON.stringify(encoded.problems));
  return encoded.bytes;
}

/** Asserts a response is Quadra's error body with this status and code (and message). */
export async function expectQuadraError(res: Response, status: number, code: string, message?: string | RegExp) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = QuadraErrorBodySchema.parse(JSON.parse(text));
  expect(body.error).toBe(code);
  if (typeof message === 'string') expect(body.error_description).toBe(message);
  else if (message) expect(body.error_description).toMatch(message);
  return body;
}

/** Asserts a response is the catalogue entry's wire error: its status, code and exact message. */
export const expectRejection = rejectionExpectation(expectQuadraError);

/** A `C` record (an account), as the public exporters write one before a line on it: Maj 2, no label kept. */
export const accountRecord = (
  fields: Partial<QuadraAccountRecord> & Pick<QuadraAccountRecord, 'account' | 'accountType'>,
): QuadraAccountRecord => ({
  type: 'C',
  label: 'Libelle non repris',
  alphaKey: '',
  collective: '',
  update: '2',
  ...fields,
});
