import { expect } from 'vitest';
import { getEntry, renderMessage, type CatalogueId } from '../../contracts/catalogue/index.js';
import {
  SAGE_GE_API,
  SageErrorBodySchema,
  type EntryPushRequest,
  type EntryStatus,
} from '../../contracts/sage-ge/wire.js';
import { createTestHarness, rejectionExpectation, type TestHarnessDefinition } from '../kit/test-harness.js';
import { createSageGeSimulator, type SageGeSimulator } from './index.js';
import {
  bankOverrides,
  buildEntity,
  buildFile,
  purchaseEntryBody,
  type EntityOverrides,
  type FileOverrides,
} from './seed/builders.js';
import type { EntityState, FileState, SageGeState } from './state/schema.js';

/**
 * Shared helpers for the Sage GE tests: a fresh simulator per test over a state built with the
 * seed builders, requests authenticated as a firm entity, and the calls every test makes (push an
 * entry, open the accounting, run an admin action). Nothing here asserts a behaviour on its own.
 */

/** Where the virtual clock starts: the open fiscal years are FY2025 and FY2026. */
export const START = '2026-03-16T09:00:00.000Z';
/** The firm entity the requests authenticate as, and its main file. */
export const ENTITY = 'ENT-A';
export const FILE = 'main';
/** Another firm, with its own file: never visible to ENT-A. */
export const OTHER_ENTITY = 'ENT-B';
export const OTHER_FILE = 'other-file';
/** Strings only the other firm's data holds, to prove none of it leaks. */
export const OTHER_SECRETS = [
  'Cabinet Secret Bravo',
  'Dossier Confidentiel Bravo',
  'GE-ENT-B-0000000000000000',
  'BRAVO-TP-NAME',
];

export interface SetupOptions {
  /** Where the virtual clock starts (default START). */
  start?: string;
  /** Overrides of ENT-A (not its files). */
  entity?: Omit<EntityOverrides, 'files'>;
  /** Overrides of ENT-A's main file. */
  file?: FileOverrides;
  /** More files of ENT-A, by id. */
  extraFiles?: Record<string, FileOverrides>;
  /** A last touch on the built state (e.g. lock one journal), before the simulator starts. */
  tweak?: (state: SageGeState, now: Date) => void;
  maxBodyBytes?: number;
}

export type Harness = ReturnType<typeof setup>;

/** The state a test starts from: ENT-A with its healthy main file, and ENT-B with its own. */
export function buildState(options: SetupOptions = {}): SageGeState {
  const now = new Date(options.start ?? START);
  const files: FileState[] = [
    buildFile(FILE, now, options.file),
    ...Object.entries(options.extraFiles ?? {}).map(([id, o]) => buildFile(id, now, o)),
  ];
  const main = buildEntity(ENTITY, now, { ...options.entity, files });
  const otherFile = buildFile(OTHER_FILE, now, { name: 'Dossier Confidentiel Bravo', code: 'BRAVO' });
  otherFile.thirdParties.BRAVO1 = {
    type: 'supplier',
    name: 'BRAVO-TP-NAME',
    subsidiaryAccount: 'BRAVO1',
    collectiveAccount: '401000',
  };
  const other: EntityState = buildEntity(OTHER_ENTITY, now, { name: 'Cabinet Secret Bravo', files: [otherFile] });
  const state: SageGeState = { tenants: { [main.id]: main, [other.id]: other } };
  options.tweak?.(state, now);
  return state;
}

/** How the Sage GE tests sign in: the entity's GE identifier as a bearer token. */
export const sageGeHarness: TestHarnessDefinition<SageGeState, SageGeSimulator> = {
  create: createSageGeSimulator,
  authenticate: (sim, entityId) => ({
    authorization: `Bearer ${sim.store.data.tenants[entityId]?.geIdentifier ?? `GE-${entityId}-0000000000000000`}`,
  }),
  defaultTenant: ENTITY,
};

export function setup(options: SetupOptions = {}) {
  const harness = createTestHarness(sageGeHarness, {
    start: options.start ?? START,
    initialState: buildState(options),
    maxBodyBytes: options.maxBodyBytes,
  });
  const { sim, request, action } = harness;

  const geIdentifier = (entityId: string) =>
    sim.store.data.tenants[entityId]?.geIdentifier ?? `GE-${entityId}-0000000000000000`;

  /** A vendor route of a file: `api('main', 'entries')` → `/api/v1/files/main/entries`. */
  const api = (fileId: string, rest = '') => `${SAGE_GE_API}/files/${fileId}${rest ? `/${rest}` : ''}`;

  async function push(body: unknown, options: { fileId?: string; idempotencyKey?: string; as?: string | null } = {}) {
    const headers: Record<string, string> = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {};
    const res = await request(api(options.fileId ?? FILE, 'entries'), {
      method: 'POST',
      json: body,
      headers,
      as: options.as,
    });
    return { res, status: res.status, body: (await res.json()) as EntryStatus & SageErrorLike };
  }

  /** The Accounting button on a file in GE: injects what waits in the Sage cloud. */
  async function openAccounting(entityId = ENTITY, fileId = FILE) {
    const { status, body } = await action('open-accounting', { entityId, fileId });
    expect(status, JSON.stringify(body)).toBe(200);
    return body.result as {
      messages: string[];
      injected: string[];
      rejected: string[];
      stillQueued: number;
      blockedBy?: string;
    };
  }

  async function entryStatus(entryId: string, fileId = FILE): Promise<EntryStatus> {
    const res = await request(api(fileId, `entries/${entryId}`));
    expect(res.status).toBe(200);
    return (await res.json()) as EntryStatus;
  }

  /** Pushes an entry (202), opens the accounting, and returns the entry's fate. */
  async function pushAndInject(body: EntryPushRequest, fileId = FILE): Promise<EntryStatus> {
    const pushed = await push(body, { fileId });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(202);
    expect(pushed.body.status).toBe('queued');
    await openAccounting(ENTITY, fileId);
    return entryStatus(pushed.body.id, fileId);
  }

  const file = (fileId = FILE, entityId = ENTITY) => sim.store.data.tenants[entityId]!.files[fileId]!;

  return { ...harness, api, push, openAccounting, entryStatus, pushAndInject, file, geIdentifier };
}

type SageErrorLike = {
  [index: number]: { $severity: string; $dataCode: string; $message: string; $source?: string } | undefined;
  length?: number;
};

let counter = 0;
/** A tracking code `#AAAAA#` unique in the test run. */
export function trackingCode(): string {
  counter += 1;
  return `T${String(counter).padStart(4, '0')}`;
}

/**
 * A valid purchase entry on journal AC, dated in FY2026: 100 + 20 VAT to supplier F00001 on the
 * collective 401000. Override any field.
 */
export function entryBody(overrides: Partial<EntryPushRequest> = {}): EntryPushRequest {
  return purchaseEntryBody({ comment: `Facture fournisseur #${trackingCode()}#`, ...overrides });
}

/** A bank entry on BQ: a card payment of 42.50. */
export function bankEntryBody(overrides: Partial<EntryPushRequest> = {}): EntryPushRequest {
  return entryBody(bankOverrides(overrides));
}

export const pdf = (fileName: string) => ({
  fileName,
  contentType: 'application/pdf' as const,
  contentBase64: 'JVBERi0xLjQK',
});

/** Asserts a response is Sage's error body (an array of `$severity`, `$dataCode`, `$message`). */
export async function expectSageError(res: Response, status: number, dataCode: string, message?: string | RegExp) {
  expect(res.status).toBe(status);
  const text = await res.text();
  const body = SageErrorBodySchema.parse(JSON.parse(text));
  expect(body.length).toBeGreaterThan(0);
  expect(body[0]!.$severity).toBe('error');
  expect(body[0]!.$dataCode).toBe(dataCode);
  if (typeof message === 'string') expect(body[0]!.$message).toBe(message);
  else if (message) expect(body[0]!.$message).toMatch(message);
  return { body, text };
}

/** Asserts a response is the catalogue entry's wire error: its status, code and exact message. */
export const expectRejection = rejectionExpectation(expectSageError);

/** Asserts an entry was rejected at injection with the catalogue entry's code and exact message. */
export function expectRejectedEntry(
  entry: EntryStatus,
  id: CatalogueId,
  params: Record<string, string> = {},
  variant = 0,
) {
  expect(entry.status).toBe('rejected');
  expect(entry.error).toEqual({ code: getEntry(id).wire!.code, message: renderMessage(id, params, variant) });
  // No GE number was allotted; the rejection names the number the entry was sent with (`entries.test.ts`).
  expect(entry.documentNumber).toEqual(expect.any(String));
}
