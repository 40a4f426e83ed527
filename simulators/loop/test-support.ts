import { expect } from 'vitest';
import { LoopErrorBodySchema } from '../../contracts/loop/wire.js';
import type { VirtualClock } from '../../core/clock.js';
import { createTestHarness, rejectionExpectation, type TestHarnessDefinition } from '../kit/test-harness.js';
import { createLoopSimulator, type LoopSimulator } from './index.js';
import { buildApiKey, buildEcritures, buildFirm, buildFolder, buildTiers, calendarYear } from './seed/builders.js';
import type { LoopState } from './state/schema.js';

/**
 * The state the Loop tests start from (explicit builders, no faker):
 *  - firm CABA: folders F1 (healthy, 150 entries typed in Loop), F2 (connector not activated),
 *    F3 (current year's chart incomplete), F4 (not associated with the key), F5 (every journal
 *    closed); key QONTO associated with F1, F2, F3, F5;
 *  - firm CABB: folders F1 (same code, other data) and BONLY; key QONTO associated with both.
 */
export const START = '2026-03-16T09:00:00.000Z';
export const YEAR = 2026;

export interface SetupOptions {
  /** The state to start from (`buildState()` by default). */
  state?: LoopState;
  /** A last touch on the built state, before the simulator starts. */
  tweak?: (state: LoopState) => void;
  maxBodyBytes?: number;
  /** Another clock (a live one); a frozen one at START by default. */
  clock?: VirtualClock;
}

export type Harness = ReturnType<typeof setup>;

export function buildState(options: Pick<SetupOptions, 'tweak'> = {}): LoopState {
  const now = new Date(START);
  const closedJournals = buildFolder('F5', now);
  for (const j of Object.values(closedJournals.journaux)) j.ferme = true;
  const caba = buildFirm('CABA', {
    folders: [
      buildFolder('F1', now, {
        name: 'BOULANGERIE MARTIN SAS',
        ecritures: buildEcritures('F1', 150, `${YEAR}-01-15`, START),
      }),
      buildFolder('F2', now, { name: 'GARAGE DURAND', connectorActive: false }),
      buildFolder('F3', now, { fiscalYears: [calendarYear(YEAR - 1), calendarYear(YEAR, 'open', false)] }),
      buildFolder('F4', now),
      closedJournals,
    ],
    apiKeys: [buildApiKey('QONTO', 'CABA', ['F1', 'F2', 'F3', 'F5'], START)],
  });
  const cabbF1 = buildFolder('F1', now, { name: 'AUTRE CABINET F1' });
  cabbF1.tiers.CSECRET = buildTiers('F1', 'CSECRET', 0, 'Client secret de CABB');
  const cabb = buildFirm('CABB', {
    folders: [cabbF1, buildFolder('BONLY', now, { ecritures: buildEcritures('BONLY', 3, `${YEAR}-01-15`, START) })],
    apiKeys: [buildApiKey('QONTO', 'CABB', ['F1', 'BONLY'], START)],
  });
  const state: LoopState = { tenants: { CABA: caba, CABB: cabb } };
  options.tweak?.(state);
  return state;
}

/** The three headers of a firm's key, as the hub sends them. */
export function headersFor(sim: LoopSimulator, domain: string, keyName = 'QONTO'): Record<string, string> {
  const firm = sim.store.data.tenants[domain]!;
  const key = Object.values(firm.apiKeys).find((k) => k.name === keyName)!;
  return {
    'Ocp-Apim-Subscription-Key': firm.subscriptionKey,
    'x-apikey': `${key.key}:${key.secret}`,
    'x-domain': firm.domain,
  };
}

/**
 * How the Loop tests sign in: a firm's key "QONTO". No default tenant: each request names its
 * credentials (`as: 'CABA'` or headers), since the tests take headers apart.
 */
export const loopHarness: TestHarnessDefinition<LoopState, LoopSimulator> = {
  create: createLoopSimulator,
  authenticate: (sim, domain) => headersFor(sim, domain),
};

export function setup(options: SetupOptions = {}) {
  return createTestHarness(loopHarness, {
    start: START,
    clock: options.clock,
    initialState: options.state ?? buildState(options),
    maxBodyBytes: options.maxBodyBytes,
  });
}

/** A valid import body: `count` balanced purchase entries in F1's current year. */
export function importBody(codeIbs = 'F1', ecritures: unknown[] = [purchase()]) {
  return {
    codeIbs,
    data: { contexte: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, options: { multiPeriode: false }, ecritures },
  };
}

export function purchase(overrides: Record<string, unknown> = {}, aux = 'FBUROTIC') {
  return {
    journalCode: 'AC',
    datePiece: `${YEAR}-03-10`,
    refPiece: 'FA-2026-001',
    libelle: 'Fournitures bureau mars',
    lignes: [
      { compteNumero: '606400', libelle: 'Papier', debit: 100, credit: 0 },
      { compteNumero: '445660', debit: 20, credit: 0 },
      { compteNumero: '401000', compteAuxiliaire: aux, debit: 0, credit: 120 },
    ],
    ...overrides,
  };
}

/** Asserts a response is Loop's error body with this status and code (and message). */
export async function expectLoopError(res: Response, status: number, code: string, message?: string | RegExp) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = LoopErrorBodySchema.parse(JSON.parse(text));
  expect(body.code).toBe(code);
  if (typeof message === 'string') expect(body.message).toBe(message);
  else if (message) expect(body.message).toMatch(message);
  return body;
}

/** Asserts a response is the catalogue entry's wire error: its status, code and exact message. */
export const expectRejection = rejectionExpectation(expectLoopError);

export { json } from '../kit/test-harness.js';
