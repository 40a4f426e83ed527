import { createVirtualClock } from '../../core/clock.js';
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
export const NOW = '2026-03-16T09:00:00.000Z';
export const YEAR = 2026;

export function testState(): LoopState {
  const now = new Date(NOW);
  const closedJournals = buildFolder('F5', now);
  for (const j of Object.values(closedJournals.journaux)) j.ferme = true;
  const caba = buildFirm('CABA', {
    folders: [
      buildFolder('F1', now, {
        name: 'BOULANGERIE MARTIN SAS',
        ecritures: buildEcritures('F1', 150, `${YEAR}-01-15`, NOW),
      }),
      buildFolder('F2', now, { name: 'GARAGE DURAND', connectorActive: false }),
      buildFolder('F3', now, { fiscalYears: [calendarYear(YEAR - 1), calendarYear(YEAR, 'open', false)] }),
      buildFolder('F4', now),
      closedJournals,
    ],
    apiKeys: [buildApiKey('QONTO', 'CABA', ['F1', 'F2', 'F3', 'F5'], NOW)],
  });
  const cabbF1 = buildFolder('F1', now, { name: 'AUTRE CABINET F1' });
  cabbF1.tiers.CSECRET = buildTiers('F1', 'CSECRET', 0, 'Client secret de CABB');
  const cabb = buildFirm('CABB', {
    folders: [cabbF1, buildFolder('BONLY', now, { ecritures: buildEcritures('BONLY', 3, `${YEAR}-01-15`, NOW) })],
    apiKeys: [buildApiKey('QONTO', 'CABB', ['F1', 'BONLY'], NOW)],
  });
  return { tenants: { CABA: caba, CABB: cabb } };
}

export function createTestLoop(state: LoopState = testState()): LoopSimulator {
  return createLoopSimulator({ clock: createVirtualClock({ start: NOW }), initialState: state });
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

export const get = (sim: LoopSimulator, path: string, headers: Record<string, string>) =>
  sim.app.request(path, { headers });

export const postJson = (
  sim: LoopSimulator,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  contentType = 'application/json',
) =>
  sim.app.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const admin = (sim: LoopSimulator, action: string, input: unknown) =>
  sim.app.request(`/__admin/actions/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });

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

/** The whole state, to assert that a refused request changed nothing. */
export const snapshot = (sim: LoopSimulator) => JSON.stringify(sim.store.data);

/** A response's JSON body, untyped: the tests check it against the contracts or literal values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json() as Promise<any>;
