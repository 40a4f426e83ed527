import { expect } from 'vitest';
import { getEntry, renderMessage, type CatalogueId } from '../../contracts/catalogue/index.js';
import { createVirtualClock, type VirtualClock } from '../../core/clock.js';
import { DEFAULT_START, type Simulator, type SimulatorOptions } from './simulator.js';
import type { z } from 'zod';
import { createRandom } from '../../core/random.js';
import type { Store } from '../../core/store.js';
import type { SimulatorKitOptions } from './simulator-kit.js';

/**
 * The one shape of a simulator's test harness: each vendor's `test-support.ts` describes its
 * simulator here (its factory, how a tenant signs in) and adds only what is its own (its builders,
 * its token or upload calls). Tests build a fresh harness per test, on a frozen clock, so that
 * files run in parallel and time moves only when a test says so.
 */
export interface TestHarnessDefinition<S, Sim extends Simulator<S>> {
  create(options: SimulatorOptions<S>): Sim;
  /**
   * The headers a client sends to sign in as a tenant of the state, read from the state (the
   * tenant's own credentials). Absent for a vendor whose requests need a token first (Quadra):
   * its harness gets tokens with its own calls.
   */
  authenticate?(sim: Sim, tenantId: string): Record<string, string>;
  /** The tenant `request` signs in as when a test names none; absent: none unless `as` names one. */
  defaultTenant?: string;
}

export interface TestHarnessOptions<S> {
  /** Where the frozen clock starts (DEFAULT_START by default). */
  start?: string;
  /** Another clock (a live one, or one shared with a hub); a frozen one at `start` by default. */
  clock?: VirtualClock;
  seed?: number;
  /** The state the test starts from (the vendor's `buildState()` usually). */
  initialState: S;
  maxBodyBytes?: number;
}

export interface TestRequestInit extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body (with a JSON content type unless one is given). */
  json?: unknown;
  /** A body sent as is (with a JSON content type unless one is given). */
  raw?: string | Uint8Array;
  /** Sent as an `application/x-www-form-urlencoded` body. */
  form?: Record<string, string>;
  /** The tenant whose credentials sign the request in; `null` for none. Headers given win. */
  as?: string | null;
}

/** An admin action's answer: its status and its JSON body. */
export interface ActionAnswer {
  status: number;
  body: { ok: boolean; result: any; message?: string; error?: string } & Record<string, any>;
}

export type TestHarness<S, Sim extends Simulator<S>> = ReturnType<typeof createTestHarness<S, Sim>>;

export function createTestHarness<S, Sim extends Simulator<S>>(
  definition: TestHarnessDefinition<S, Sim>,
  options: TestHarnessOptions<S>,
) {
  const clock = options.clock ?? createVirtualClock({ start: options.start ?? DEFAULT_START });
  const sim = definition.create({
    clock,
    seed: options.seed,
    initialState: options.initialState,
    maxBodyBytes: options.maxBodyBytes,
  });

  /** The headers that sign in as a tenant, as a client sends them. */
  function headers(tenantId: string): Record<string, string> {
    if (!definition.authenticate) throw new Error('this simulator signs in with tokens: use its own token calls');
    return definition.authenticate(sim, tenantId);
  }

  /** A request to the simulator's app (no socket), signed in as `as` (the default tenant by default). */
  async function request(path: string, init: TestRequestInit = {}): Promise<Response> {
    const { json, raw, form, as = definition.defaultTenant ?? null, headers: given, ...rest } = init;
    const sent = new Headers(given);
    if (as !== null)
      for (const [name, value] of Object.entries(headers(as))) if (!sent.has(name)) sent.set(name, value);
    let body: string | Uint8Array | undefined;
    let type = 'application/json';
    if (json !== undefined) body = JSON.stringify(json);
    if (raw !== undefined) body = raw;
    if (form !== undefined) {
      body = new URLSearchParams(form).toString();
      type = 'application/x-www-form-urlencoded';
    }
    if (body !== undefined && !sent.has('content-type')) sent.set('content-type', type);
    return sim.app.request(path, { ...rest, headers: sent, body: body as RequestInit['body'] });
  }

  /** Runs a vendor action under `/__admin/actions/<name>` (what a person does in the vendor's UI). */
  async function action(name: string, input: unknown): Promise<ActionAnswer> {
    const res = await sim.app.request(`/__admin/actions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as ActionAnswer['body'] };
  }

  /** Moves the clock and waits for the work that fell due (imports, processing delays). */
  async function advance(ms: number): Promise<void> {
    sim.clock.advance(ms);
    await sim.settled();
  }

  /** The whole persisted state, to compare before and after a refused request. */
  const stateSnapshot = () => JSON.stringify(sim.store.data);

  return { sim, clock: sim.clock, headers, request, action, advance, stateSnapshot };
}

/** A response's JSON body, untyped: the tests check it against the contracts or literal values. */
export const json = (res: Response): Promise<any> => res.json() as Promise<any>;

/** Asserts a response is the vendor's error body with this status and code (and message). */
export type ExpectVendorError<R> = (
  res: Response,
  status: number,
  code: string,
  message?: string | RegExp,
) => Promise<R>;

/**
 * `expectRejection(res, id, params)` for a vendor: the catalogue entry's wire status, code and
 * exact message (rendered from the catalogue, never retyped), checked by the vendor's own
 * error-body assertion.
 */
export function rejectionExpectation<R>(expectError: ExpectVendorError<R>) {
  return (res: Response, id: CatalogueId, params: Record<string, string> = {}, variant = 0): Promise<R> => {
    const wire = getEntry(id).wire;
    if (!wire) throw new Error(`${id} has no wire error`);
    return expectError(res, wire.status, wire.code, renderMessage(id, params, variant));
  };
}

/** Fails the test with the body when a response's status is not the one expected. */
export async function expectStatus(res: Response, status: number): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
}

/**
 * The options of a bare one-purpose simulator over `store`, for the kit's own tests (a tagger, an
 * items list): a frozen clock, seed 1, empty seeds, the vendor error as `{ vendorCode, vendorMessage }`.
 */
export function bareKitOptions<S extends { tenants: Record<string, unknown> }>(
  name: string,
  store: Store<S>,
  schema: z.ZodType<S>,
  tenantSchema: z.ZodType<S['tenants'][string]>,
): SimulatorKitOptions<S> {
  return {
    name,
    title: name[0]!.toUpperCase() + name.slice(1),
    store,
    clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }),
    random: createRandom(1),
    schema,
    tenantSchema,
    empty: () => ({ tenants: {} }) as S,
    seed: () => ({ tenants: {} }) as S,
    defaultSeed: 1,
    formatError: (error) => ({ vendorCode: error.code, vendorMessage: error.message }),
  };
}
