import { own } from '../../core/own.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { changesOf, ForbiddenKeyError, forbiddenKeyMessage } from '../../core/changes.js';
import { jsonStream } from '../../core/json-stream.js';
import { createReadGate, type ReadGate } from '../../core/read-gate.js';
import { nextNight, systemRealTime, type RealTime, type VirtualClock } from '../../core/clock.js';
import { createTenantClocks, type TenantClocks, type TenantTime } from '../../core/tenant-clock.js';
import { parseDuration } from '../../core/duration.js';
import { bearerAccepted, foreignRequest, isJsonType, servedAccess } from './access.js';
import {
  createFaultInjector,
  faultMiddleware,
  FaultRuleSchema,
  MAX_FAULT_RULES,
  type FaultInjector,
} from './faults.js';
import { createRequestJournal, journalMiddleware, type RequestJournal, type RequestJournalOptions } from './journal.js';
import type { SeededRandom } from '../../core/random.js';
import { StoreUnavailableError, type Store } from '../../core/store.js';
import type { VendorProvenance } from '../../contracts/provenance.js';
import {
  actionsServedBy,
  adminOpenApiDocument,
  ClockBodySchema,
  RequestsQuerySchema,
  SeedBodySchema,
} from './admin-openapi.js';
import { applyAdminLinks, TENANT_HEADER } from './admin-links.js';
import { setAnswerHeader } from './light-response.js';
import { mountDocs } from './docs.js';
import { addMissingPatterns, bodySizeRule, type DocumentRule } from './strict.js';
import { applyExamples, type OperationExamples } from './examples.js';
import { applyProvenance } from './provenance.js';
import { validationFailure } from './route.js';
import { createCredentialIndex, type CredentialIndex } from './tenant-index.js';
import { vendorError, VendorReply, type FormatVendorError, type KitEnv } from './vendor-error.js';

/**
 * What every simulator shares: the vendor-shaped validation hook, the request journal, fault
 * injection, the body limit, the `/__admin` control plane and `/openapi.json`. A simulator
 * builds its kit, mounts its vendor routers on `kit.app`, and calls `kit.finish(actions)` with its
 * vendor actions (what a person does in the vendor's UI), mounted under `/__admin`.
 */
export interface SimulatorKitOptions<S extends { tenants: Record<string, unknown> }> {
  name: string;
  title: string;
  store: Store<S>;
  clock: VirtualClock;
  random: SeededRandom;
  /** The schema of the whole persisted state. */
  schema: z.ZodType<S>;
  /** The schema of one tenant, for `PUT /__admin/tenants/:id`. */
  tenantSchema: z.ZodType<S['tenants'][string]>;
  /** A state with no tenants (what `reset` restores). */
  empty: () => S;
  /** The demo state for a seed (what `seed` loads). */
  seed: (seed: number, now: Date) => S;
  defaultSeed: number;
  formatError: FormatVendorError;
  /**
   * Work due on the virtual clock (deferred imports, processing delays), run after every move of
   * the server's clock or of a tenant's; each tenant's work is judged by that tenant's time. It
   * answers the next instant of the server's clock at which more falls due (if any), so a live
   * clock wakes then without polling.
   */
  tick?: (time: TenantTime) => Promise<number | undefined>;
  /** Tenants nobody touched for this long are removed (`ledgersim start --tenant-ttl`); the demo's never. */
  tenantTtl?: TenantTtlOptions;
  maxBodyBytes?: number;
  journal?: RequestJournalOptions;
  /**
   * What picks a tenant in a request's credentials (an identifier, a key): two tenants sharing one
   * would leave the second unreachable, so the admin plane refuses it (409).
   */
  credentialKeys?: (tenant: S['tenants'][string]) => string[];
  /** Where each wire fact comes from: `/openapi.json` carries it as `x-provenance`. */
  provenance?: VendorProvenance;
  /** Rules of the request bodies that the zod schemas check by refinement, written into `/openapi.json` (see `strict.ts`). */
  documentRules?: DocumentRule[];
  /** An example request per operation, written into `/openapi.json` (see `examples.ts`); from the current state when a function. */
  examples?: OperationExamples | ((state: S) => OperationExamples);
}

export interface SimulatorKit<T = unknown> {
  app: OpenAPIHono<KitEnv>;
  /**
   * Credential → tenant from `credentialKeys`, kept in step with every write: what the vendor
   * routes authenticate with, so that a request costs one look-up whatever the number of tenants.
   */
  credentials: CredentialIndex<T>;
  journal: RequestJournal;
  faults: FaultInjector;
  /** A router for one vendor resource; validation failures answer in the vendor's shape. */
  router(): OpenAPIHono<KitEnv>;
  /** Mounts the vendor actions and the catch-alls; call once, after the vendor routes. */
  finish(actions?: Hono<KitEnv>): void;
  /** Resolves once the work due after the last clock move is done. */
  settled(): Promise<void>;
  /** How many times that work failed (logged; it should stay 0: `/__admin/health` shows it). */
  tickFailures(): number;
  /** Stops listening to the shared clock. */
  dispose(): void;
  formatError: FormatVendorError;
  /** The server's clock and each tenant's time line over it. */
  clocks: TenantClocks;
}

export interface TenantTtlOptions {
  /** How long (real milliseconds) a tenant nobody touched is kept. */
  ms: number;
  /** Real time and timers (tests drive them by hand). */
  real?: RealTime;
  /** Told which tenants were removed (`ledgersim start` prints them). */
  onEvict?: (tenantIds: string[]) => void;
}

export function createSimulatorKit<S extends { tenants: Record<string, unknown> }>(
  options: SimulatorKitOptions<S>,
): SimulatorKit<S['tenants'][string]> {
  const clocks = createTenantClocks(options.clock);
  const clock = clocks.base;
  type Tenant = S['tenants'][string];
  const credentials = createCredentialIndex(
    options.store as unknown as Store<{ tenants: Record<string, Tenant> }>,
    options.credentialKeys ?? (() => []),
  );
  const journal = createRequestJournal(options.journal);
  const faults = createFaultInjector(options.random);

  let ticking: Promise<void> = Promise.resolve();
  let pendingTicks = 0;
  let tickFailures = 0;
  const unsubscribe = options.tick
    ? clocks.onChange(() => {
        // Every tenant's time as of this move (a live clock reads on; a later move queues its own).
        const time = clocks.time();
        pendingTicks += 1;
        ticking = ticking
          .then(() => options.tick!(time))
          .then((next) => {
            if (typeof next === 'number') clock.wakeAt(next);
          })
          .catch((error) => {
            tickFailures += 1;
            console.error(`[${options.name}] tick failed`, error);
          })
          .finally(() => (pendingTicks -= 1));
      })
    : () => {};
  // A live clock: what fell due while the process was down (a restart with --data) runs now, and
  // the tick's answer arms the wake-up for what comes next.
  if (options.tick && clock.mode === 'live') clock.wakeAt(clock.nowMs());

  const defaultHook = (result: { success: boolean; error?: unknown; target?: string }, c: Context<KitEnv>) =>
    result.success ? undefined : validationFailure(c, result.target ?? 'json', result.error as z.ZodError);
  const router = () => new OpenAPIHono<KitEnv>({ defaultHook });

  const app = router();
  const reaper = options.tenantTtl ? createTenantReaper(options, options.tenantTtl, journal, clocks) : undefined;
  const tenantOfRequest = (c: Context<KitEnv>) => (c.get as (k: string) => string | undefined)('tenantId');
  app.use('*', async (c, next) => {
    c.set('formatError', options.formatError);
    if (pendingTicks > 0) await ticking; // work due after a clock move is done before anything is answered
    // The routes read the time of the request's tenant once its credentials name it; while no
    // tenant has a time line of its own, every tenant shows the server's and nothing is scoped.
    if (clocks.hasLines()) await clocks.scope(() => tenantOfRequest(c), next);
    else await next();
    const tenantId = tenantOfRequest(c);
    if (tenantId !== undefined) {
      reaper?.touch(tenantId);
      // Whom the credentials named: what `/openapi.json`'s links to the admin plane read it from.
      if (PRINTABLE.test(tenantId)) setAnswerHeader(c.res, TENANT_HEADER, tenantId);
    }
  });
  app.use('*', async (c, next) => {
    const admin = isAdminPath(c.req.path);
    const access = servedAccess(c.env);
    if (access) {
      // A rebound Host is refused on the vendor routes too: the demo credentials are printed and
      // seeded, so a page that reached them could read a tenant's books. Origin is left to the
      // vendor routes' own credentials (a header no form or no-preflight fetch can set).
      // Following a link to an admin page (a GET navigation: the user sees the answer, the page
      // that linked does not) is allowed from anywhere; everything else from another origin is not.
      const navigation =
        (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('sec-fetch-mode') === 'navigate';
      const foreign = foreignRequest(c.req.raw.headers, access, admin && !navigation);
      if (foreign)
        return admin
          ? adminError(c, 403, foreign)
          : vendorError(c, { status: 403, code: 'HostNotAllowed', message: foreign });
      if (admin && access.adminToken && !bearerAccepted(c.req.header('authorization'), access.adminToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="ledgersim admin"');
        return adminError(
          c,
          401,
          'The admin plane asks for Authorization: Bearer <the --admin-token of ledgersim start>',
        );
      }
    }
    if (admin && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // JSON only: a form or a no-preflight fetch (text/plain) cannot send it cross-site.
      const type = c.req.header('content-type');
      const length = c.req.header('content-length');
      const hasBody = c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
      if (type === undefined ? hasBody : !isJsonType(type))
        return adminError(
          c,
          415,
          `The admin plane takes application/json bodies only, not ${type ?? 'a body with no Content-Type'}`,
        );
    }
    await next();
  });
  app.use('*', journalMiddleware(journal as never, clock));
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => {
      const message = `The request body is larger than ${maxBodyBytes} bytes`;
      return isAdminPath(c.req.path)
        ? adminError(c, 413, message)
        : vendorError(c as Context<KitEnv>, { status: 413, code: 'PayloadTooLarge', message });
    },
  });
  // hono's bodyLimit wraps every body in a counting stream (and makes the node adapter build a full
  // Request): only bodies without a trustworthy declared length, or too long, go through it.
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (
      length !== undefined &&
      /^\d+$/.test(length) &&
      c.req.header('transfer-encoding') === undefined &&
      Number(length) <= maxBodyBytes
    )
      return next();
    return limitBody(c, next);
  });
  app.use('*', faultMiddleware(faults));
  // No change is visible before it is durable (see read-gate.ts): a read waits for the commits in
  // flight; a writer sees them (its numbers and duplicate checks must), and a refusal of its that
  // may rest on one of them is answered once they are durable (a 503 if one was undone: "already
  // exists" would name something that never existed). A writer's success answers once its own
  // commit is durable, and every commit before it with it. With nothing in flight: one call.
  const gate = createReadGate(options.store);
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return gate.read(next);
    const door = gate.door();
    if (door) await door;
    await next();
    if (c.res.status >= 400 && c.res.status !== 503) await options.store.durable();
  });

  // A tenant removed (deleted, evicted, replaced with the whole state) takes its time line along.
  // A commit names the tenants it removes: only those are looked at, so removing one of 10,000
  // tenants with lines of their own costs one look-up; a replace (no changes) looks at them all.
  const unwatch = options.store.onApplied((changes) => {
    if (!clocks.hasLines()) return;
    const { tenants } = options.store.data;
    const gone = (id: string) => clocks.hasLine(id) && !Object.hasOwn(tenants, id);
    if (changes === undefined || changes.some((change) => change.path[0] === 'tenants' && change.path.length < 2)) {
      for (const id of [...clocks.offsets().keys()]) if (gone(id)) clocks.drop(id);
      return;
    }
    for (const { path } of changes)
      if (path[0] === 'tenants' && path.length === 2 && gone(path[1]!)) clocks.drop(path[1]!);
  });

  const admin = createAdminRouter(
    options,
    credentials,
    gate,
    clocks,
    journal,
    faults,
    () => ticking,
    () => tickFailures,
    reaper,
  );

  return {
    app,
    credentials,
    journal,
    faults,
    router,
    finish(actions) {
      if (actions) admin.route('/', actions);
      app.route('/__admin', admin);
      const config = {
        openapi: '3.0.0',
        info: {
          title: options.title,
          version: '1.0.0',
          description: `ledgersim's ${options.title} simulator. Each operation, parameter and field carries \`x-provenance\`: confirmed by a public source, inferred, or the simulator's own choice (not the vendor's documented API).`,
        },
      };
      const provenance = options.provenance;
      // `servers` is where this request reached the simulator (the Host was checked above), so a
      // client generated from the document, or /docs's "Try it out", calls this very server.
      const servers = (c: Context) => [
        { url: new URL(c.req.url).origin, description: `this ledgersim ${options.title} simulator` },
      ];
      app.get('/openapi.json', (c) => {
        const generated = { ...app.getOpenAPIDocument(config), servers: servers(c) };
        const strict = addMissingPatterns(generated, app.openAPIRegistry.definitions as never);
        const examples =
          typeof options.examples === 'function' ? options.examples(options.store.data) : options.examples;
        const document = examples ? applyExamples(strict, examples) : strict;
        const served = applyAdminLinks(provenance ? applyProvenance(document, provenance).document : document);
        // After the provenance markers: a rule's `oneOf` branches are constraints, not fields of their own.
        for (const rule of options.documentRules ?? []) rule(served);
        bodySizeRule(maxBodyBytes)(served);
        return c.json(served);
      });
      const described = actionsServedBy(actions);
      app.get('/__admin/openapi.json', (c) => c.json(adminOpenApiDocument(options, servers(c), described)));
      mountDocs(app, options.title);
      app.notFound((c) =>
        vendorError(c, { status: 404, code: 'NotFound', message: `No route for ${c.req.method} ${c.req.path}` }),
      );
      app.onError((error, c) => {
        if (error instanceof VendorReply) return error.respond(c);
        if (error instanceof HTTPException) {
          const status = error.status;
          const message =
            status === 400 && /JSON/i.test(error.message)
              ? 'Malformed JSON in the request body'
              : error.message || 'Bad request';
          return vendorError(c, {
            status,
            code:
              status === 415 ? 'UnsupportedMediaType' : /JSON/i.test(error.message) ? 'MalformedJson' : 'BadRequest',
            message,
          });
        }
        // A name from the request that would have become a key no state can hold: the routes'
        // own validation should have refused it; whichever one did not, nothing was changed.
        if (error instanceof ForbiddenKeyError)
          return vendorError(c, { status: 400, code: 'BadRequest', message: forbiddenKeyMessage(error.key) });
        // The write could not be made durable (disk full, I/O error): it was undone, the store is
        // read-only until a probe succeeds; the client is told to retry, as the vendor's own
        // maintenance answers do (our choice of status: 503, the vendors' documented overload answer).
        if (error instanceof StoreUnavailableError) {
          c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
          return vendorError(c, { status: 503, code: 'ServiceUnavailable', message: error.message });
        }
        // The client went away (or was cut off by the request timeout) before its body was read:
        // not the simulator's fault, and nobody is left to answer. Recorded, not logged.
        if (c.req.raw.signal?.aborted)
          return vendorError(c, {
            status: 400,
            code: 'RequestAborted',
            message: 'The client closed the connection before the request was read',
          });
        console.error(`[${options.name}] unexpected error on ${c.req.method} ${c.req.path}`, error);
        return vendorError(c, {
          status: 500,
          code: 'InternalError',
          message: 'An unexpected error occurred in the simulator',
        });
      });
    },
    settled: () => ticking,
    tickFailures: () => tickFailures,
    dispose() {
      unsubscribe();
      credentials.dispose();
      unwatch();
      reaper?.dispose();
    },
    formatError: options.formatError,
    clocks,
  };
}

interface TenantReaper {
  /** The tenant was used now. */
  touch(tenantId: string): void;
  /** These tenants are the demo's: never removed. */
  keep(tenantIds: string[]): void;
  dispose(): void;
}

/**
 * `--tenant-ttl`: a shared server removes the tenants nobody touched (a request its credentials
 * named, an admin call naming it) for `ms` of real time. Real, not virtual: a tenant is abandoned
 * when nobody has used it for a while, however far its own time line or the server's was moved
 * (a frozen server clock would otherwise keep every tenant forever, and a scenario that advances
 * its tenant three nights is not three nights old). One unref'd timer, for the earliest expiry.
 */
function createTenantReaper<S extends { tenants: Record<string, unknown> }>(
  options: SimulatorKitOptions<S>,
  ttl: TenantTtlOptions,
  journal: RequestJournal,
  clocks: TenantClocks,
): TenantReaper {
  const real = ttl.real ?? systemRealTime;
  const { store } = options;
  const tenants = changesOf<{ tenants: Record<string, unknown> }>();
  const kept = new Set(Object.keys(options.seed(options.defaultSeed, clocks.base.now()).tenants));
  const lastTouched = new Map<string, number>();
  let timer: { handle: unknown; at: number } | undefined;

  const arm = (at: number) => {
    if (timer && timer.at <= at) return;
    if (timer) real.clearTimeout(timer.handle);
    const handle = real.setTimeout(
      () => {
        timer = undefined;
        void sweep();
      },
      Math.max(0, at - real.now()),
    );
    timer = { handle, at };
  };
  const sweep = async () => {
    const now = real.now();
    const expired: string[] = [];
    let next: number | undefined;
    for (const id of Object.keys(store.data.tenants)) {
      if (kept.has(id)) continue;
      // A tenant first seen now (loaded, put with the whole state) counts from now.
      const last = lastTouched.get(id) ?? now;
      lastTouched.set(id, last);
      if (now - last >= ttl.ms) expired.push(id);
      else if (next === undefined || last + ttl.ms < next) next = last + ttl.ms;
    }
    for (const id of lastTouched.keys()) if (!Object.hasOwn(store.data.tenants, id)) lastTouched.delete(id);
    if (expired.length) {
      try {
        await store.commit(expired.map((id) => tenants.del(['tenants', id])));
        for (const id of expired) {
          lastTouched.delete(id);
          journal.clear(id);
        }
        ttl.onEvict?.(expired);
      } catch (error) {
        console.error(`[${options.name}] could not remove the expired tenants`, error);
        next = now + ttl.ms;
      }
    }
    if (next !== undefined) arm(next);
  };
  // Every tenant there at the start is counted from the start.
  if (Object.keys(store.data.tenants).some((id) => !kept.has(id))) arm(real.now() + ttl.ms);
  const unwatch = store.onApplied(() => {
    if (!timer) arm(real.now() + ttl.ms);
  });
  return {
    touch(tenantId) {
      if (kept.has(tenantId)) return;
      lastTouched.set(tenantId, real.now());
      if (!timer) arm(real.now() + ttl.ms);
    },
    keep(tenantIds) {
      for (const id of tenantIds) kept.add(id);
    },
    dispose() {
      unwatch();
      if (timer) real.clearTimeout(timer.handle);
      timer = undefined;
    },
  };
}

/** How long a client is asked to wait after a write the disk refused. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** The last instant a JavaScript Date can hold (+275760-09-13). */
const MAX_INSTANT_MS = 8.64e15;

/** An admin error: ledgersim's own control plane answers `{ error, message, issues? }`. */
const ADMIN_ERRORS = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
} as const;

const isAdminPath = (path: string) => path === '/__admin' || path.startsWith('/__admin/');

export function adminError(c: Context, status: keyof typeof ADMIN_ERRORS, message: string, issues?: unknown) {
  return c.json({ error: ADMIN_ERRORS[status], message, ...(issues ? { issues } : {}) }, status);
}

/** Parses a JSON body with a schema; on failure returns the 400 response to send. */
export async function parseAdminBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let body: unknown;
  const text = await c.req.text();
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: adminError(c, 400, 'Malformed JSON in the request body') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return {
      ok: false,
      response: adminError(
        c,
        400,
        `Invalid body: ${first.path.join('.') || '(root)'}: ${first.message}`,
        parsed.error.issues,
      ),
    };
  }
  return { ok: true, value: parsed.data };
}

/** Moves a clock as `POST /__admin/clock` asks (set, advance by a duration, to the next night); a refusal's message, or undefined. */
function moveClock(clock: VirtualClock, move: z.infer<typeof ClockBodySchema>): string | undefined {
  if ('set' in move) clock.set(move.set);
  else if (move.advance === 'next-night') clock.set(nextNight(clock.now()));
  else {
    let ms: number;
    try {
      ms = parseDuration(move.advance);
    } catch (error) {
      return (error as Error).message;
    }
    // Past the last instant a Date can hold, every toISOString() would throw: refuse it here.
    if (!Number.isFinite(clock.nowMs() + ms) || clock.nowMs() + ms > MAX_INSTANT_MS)
      return `Cannot advance the clock by ${move.advance}: past the last representable instant`;
    clock.advance(ms);
  }
  return undefined;
}

const TENANT_ID_PATTERN = /^[A-Za-z0-9._-]{1,80}$/;
/** What a header value can carry as it is (a tenant id put with the whole state may hold anything). */
const PRINTABLE = /^[\x21-\x7e]{1,200}$/;

function createAdminRouter<S extends { tenants: Record<string, unknown> }>(
  options: SimulatorKitOptions<S>,
  credentials: CredentialIndex<S['tenants'][string]>,
  gate: ReadGate,
  clocks: TenantClocks,
  journal: RequestJournal,
  faults: FaultInjector,
  ticking: () => Promise<void>,
  tickFailures: () => number,
  reaper: TenantReaper | undefined,
): Hono<KitEnv> {
  const { store } = options;
  const clock = clocks.base;
  // The tenant's own type is generic here: its paths are checked, its value by `tenantSchema`.
  const tenants = changesOf<{ tenants: Record<string, unknown> }>();
  const admin = new Hono<KitEnv>();
  admin.get('/health', (c) =>
    c.json({
      status: store.writable ? 'ok' : 'read-only',
      simulator: options.name,
      now: clock.now().toISOString(),
      tenants: Object.keys(store.data.tenants).length,
      tickFailures: tickFailures(),
    }),
  );
  // Streamed: a state of 1,000,000 entries is past the longest string V8 can build.
  // Each read of the stream passes the read gate (it holds only durable state) and takes a big
  // object's keys a slice at a time from the store's key index.
  admin.get('/state', (c) =>
    c.body(jsonStream(store.data, { around: gate.read, keysOf: store.keysOf }), 200, {
      'content-type': 'application/json',
    }),
  );
  const { credentialKeys } = options;
  const sharing = (id: string, owner: string) =>
    `Tenant ${id} would share its credentials with tenant ${owner}: each tenant needs its own, or one of them is unreachable`;
  /** The first credential two tenants would share (`owners` already holds the other tenants'). */
  const sharedCredential = (owners: Map<string, string>, tenants: [string, S['tenants'][string]][]) => {
    for (const [id, tenant] of tenants) {
      for (const key of credentialKeys?.(tenant) ?? []) {
        const owner = owners.get(key);
        if (owner !== undefined && owner !== id) return sharing(id, owner);
        owners.set(key, id);
      }
    }
    return undefined;
  };
  const tenantOf = (tenantId: string) => own(store.data.tenants, tenantId);

  admin.put('/state', async (c) => {
    const body = await parseAdminBody(c, options.schema);
    if (!body.ok) return body.response;
    const shared = sharedCredential(new Map(), Object.entries(body.value.tenants) as [string, S['tenants'][string]][]);
    if (shared) return adminError(c, 409, `${shared}; nothing was changed`);
    await store.replace(body.value);
    return c.json({ ok: true, tenants: Object.keys(body.value.tenants).length });
  });
  admin.get('/tenants', (c) => c.json({ tenants: Object.keys(store.data.tenants) }));
  admin.get('/tenants/:tenantId', (c) => {
    const tenantId = c.req.param('tenantId');
    const tenant = tenantOf(tenantId); // own keys only: `toString` names no tenant
    if (tenant) c.set('tenantId', tenantId); // reading a tenant is using it (--tenant-ttl)
    return tenant
      ? c.body(jsonStream(tenant, { around: gate.read, keysOf: store.keysOf }), 200, {
          'content-type': 'application/json',
        })
      : adminError(c, 404, `No tenant ${tenantId}`);
  });
  admin.put('/tenants/:tenantId', async (c) => {
    const body = await parseAdminBody(c, options.tenantSchema);
    if (!body.ok) return body.response;
    const tenantId = c.req.param('tenantId');
    if (!TENANT_ID_PATTERN.test(tenantId))
      return adminError(c, 400, 'A tenant id is 1 to 80 letters, digits, dots, dashes or underscores');
    // `If-None-Match: *` creates only: two runners drawing the same id on a shared server find out
    // instead of one overwriting the other's tenant.
    if (c.req.header('if-none-match')?.trim() === '*' && tenantOf(tenantId))
      return adminError(c, 412, `Tenant ${tenantId} exists already (If-None-Match: *); nothing was changed`);
    // `?now=`: the tenant starts on its own time line, set before it exists, so that no work of
    // its falls due on the server's time in between.
    const now = c.req.query('now');
    if (now !== undefined && !z.iso.datetime({ offset: true }).safeParse(now).success)
      return adminError(c, 400, `?now must be an ISO 8601 instant, not "${now}"`);
    // `&frozen=true`: the line stands at `now` and moves only when moved (POST its clock), even on a
    // live server: a scenario is defined on a frozen time line, and real time must not leak into it.
    const frozen = c.req.query('frozen');
    if (frozen !== undefined && frozen !== 'true' && frozen !== 'false')
      return adminError(c, 400, `?frozen must be true or false, not "${frozen}"`);
    if (frozen !== undefined && now === undefined)
      return adminError(c, 400, '?frozen freezes the time line ?now starts: give ?now too');
    // The other tenants' credentials come from the index: no pass over 10,000 tenants per PUT.
    const keys = credentialKeys?.(body.value) ?? [];
    const owner = keys
      .map((key) => credentials.holders(key).find((id) => id !== tenantId))
      .find((id) => id !== undefined);
    const shared = owner === undefined ? undefined : sharing(tenantId, owner);
    if (shared) return adminError(c, 409, `${shared}; nothing was changed`);
    if (now !== undefined) {
      clocks.drop(tenantId); // a line put anew: frozen only if asked again
      if (frozen === 'true') clocks.freeze(tenantId, now);
      else clocks.forTenant(tenantId).set(now);
    }
    c.set('tenantId', tenantId);
    await store.commit([tenants.set(['tenants', tenantId], body.value)]);
    if (now !== undefined) await ticking();
    return c.json({ ok: true, tenantId });
  });
  admin.delete('/tenants/:tenantId', async (c) => {
    const tenantId = c.req.param('tenantId');
    if (!tenantOf(tenantId)) return adminError(c, 404, `No tenant ${tenantId}`);
    await store.commit([tenants.del(['tenants', tenantId])]);
    return c.json({ ok: true });
  });
  admin.post('/reset', async (c) => {
    await store.replace(options.empty());
    journal.clear();
    faults.clear();
    return c.json({ ok: true });
  });
  admin.post('/seed', async (c) => {
    const body = await parseAdminBody(c, SeedBodySchema);
    if (!body.ok) return body.response;
    const seed = body.value.seed ?? options.defaultSeed;
    const seeded = options.seed(seed, clock.now());
    reaper?.keep(Object.keys(seeded.tenants));
    await store.replace(seeded);
    return c.json({ ok: true, seed, tenants: Object.keys(store.data.tenants).length });
  });
  /** The tenants with a time line of their own: their time and their offset over the server's. */
  const tenantClocks = () =>
    Object.fromEntries(
      [...clocks.offsets()].map(([id, offsetMs]) => [
        id,
        { now: clocks.forTenant(id).now().toISOString(), offsetMs, ...(clocks.isFrozen(id) ? { frozen: true } : {}) },
      ]),
    );
  admin.get('/clock', (c) => c.json({ now: clock.now().toISOString(), mode: clock.mode, tenants: tenantClocks() }));
  admin.post('/clock', async (c) => {
    const body = await parseAdminBody(c, ClockBodySchema);
    if (!body.ok) return body.response;
    const refused = moveClock(clock, body.value);
    if (refused) return adminError(c, 400, refused);
    await ticking();
    return c.json({ now: clock.now().toISOString() });
  });
  const tenantClock = (tenantId: string) => {
    const line = clocks.forTenant(tenantId);
    return {
      tenantId,
      now: line.now().toISOString(),
      offsetMs: clocks.offsets().get(tenantId) ?? 0,
      ...(clocks.isFrozen(tenantId) ? { frozen: true } : {}),
    };
  };
  // One tenant's own time line: moving it moves nothing else (the server's clock, other tenants).
  admin.get('/tenants/:tenantId/clock', (c) => {
    const tenantId = c.req.param('tenantId');
    if (!tenantOf(tenantId)) return adminError(c, 404, `No tenant ${tenantId}`);
    c.set('tenantId', tenantId);
    return c.json(tenantClock(tenantId));
  });
  admin.post('/tenants/:tenantId/clock', async (c) => {
    const body = await parseAdminBody(c, ClockBodySchema);
    if (!body.ok) return body.response;
    const tenantId = c.req.param('tenantId');
    if (!tenantOf(tenantId)) return adminError(c, 404, `No tenant ${tenantId}`);
    c.set('tenantId', tenantId);
    const refused = moveClock(clocks.forTenant(tenantId), body.value);
    if (refused) return adminError(c, 400, refused);
    await ticking();
    return c.json(tenantClock(tenantId));
  });
  admin.get('/requests', (c) => {
    const query = RequestsQuerySchema.safeParse(c.req.query());
    if (!query.success) return adminError(c, 400, 'Invalid query', query.error.issues);
    return c.json({ requests: journal.list({ limit: 200, ...query.data }) });
  });
  admin.delete('/requests', (c) => {
    const tenantId = c.req.query('tenantId');
    const cleared = tenantId === undefined ? journal.size : journal.list({ tenantId }).length;
    journal.clear(tenantId);
    return c.json({ cleared });
  });
  admin.get('/faults', (c) => c.json({ faults: faults.list() }));
  admin.post('/faults', async (c) => {
    const body = await parseAdminBody(c, z.union([FaultRuleSchema, z.array(FaultRuleSchema).max(100)]));
    if (!body.ok) return body.response;
    const adding = Array.isArray(body.value) ? body.value : [body.value];
    if (faults.size + adding.length > MAX_FAULT_RULES) {
      return adminError(
        c,
        409,
        `At most ${MAX_FAULT_RULES} fault rules can be armed at once (${faults.size} are, ${adding.length} more asked); none was added. DELETE /__admin/faults disarms them all.`,
      );
    }
    const rules = adding.map((rule) => faults.add(rule));
    return c.json({ faults: rules }, 201);
  });
  // One rule by the id `POST /faults` answered: a shared server's other users keep theirs.
  admin.delete('/faults/:id', (c) => {
    const id = c.req.param('id');
    if (!/^[0-9]{1,15}$/.test(id) || !faults.remove(Number(id)))
      return adminError(c, 404, `No fault rule ${id} is armed`);
    return c.json({ ok: true });
  });
  admin.delete('/faults', (c) => {
    faults.clear();
    return c.json({ ok: true });
  });
  return admin;
}
