/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { FaultRuleSchema } from '../contracts/common/faults.js';
import { explain } from '../contracts/catalogue/explain.js';
import { decodeFec, FecError, parseFec, referenceData, type FecReferenceData } from '../contracts/fec/parse.js';
import { seedFor } from '../scenarios/fec-seed.js';
import { getEntry, identifyMessage } from '../contracts/catalogue/index.js';
import { withCustomerValues } from '../scenarios/replay.js';
import type { Scenario } from '../contracts/scenario/schema.js';
import type { RunOptions, ScenarioResult } from '../scenarios/runner.js';
import { DAY, HOUR, nextNight, type VirtualClock } from '../core/clock.js';
import { VENDORS, type VendorModule } from '../vendors/index.js';
import { bearerAccepted, foreignRequest, sameSecret, servedAccess, sessionValue } from '../simulators/kit/access.js';
import { ActionForm, formToInput, humanize, type ActionInfo, type JsonSchema } from './forms.js';
import { Badge, Empty, Layout, paginate, Pager, Table, when, type Flash } from './layout.js';
import { JournalView, type JournalQuery } from './views/journal.js';
import {
  CatalogueEntryView,
  ReproduceBox,
  ReproduceWithFecBox,
  ResultView,
  ScenarioList,
  Timeline,
} from './views/scenarios.js';
import type { DashboardSimulator, VendorView, ViewContext } from './views/types.js';

export type { DashboardSimulator } from './views/types.js';

/**
 * The dashboard: the three simulators seen and driven from a browser. Rendered on the server by
 * hono/jsx (every string escaped), no client-side script, nothing fetched from elsewhere. It
 * reads the simulators' stores and journals and drives them in-process through their own
 * `app.request` (the `/__admin` plane), so a refused action is refused by the simulator's schema,
 * in its words. Time comes only from the shared virtual clock.
 */
export interface DashboardOptions {
  /** `startSimulators(...).simulators` fits as is. */
  simulators: readonly DashboardSimulator[];
  /** The clock the simulators share (the clock buttons move it). */
  clock: VirtualClock;
  /** Rows per page of the long lists (entries, requests, accounts). */
  pageSize?: number;
  /** Resolves once a clock move is saved (`--data`): a move is answered once it would survive a crash. */
  clockSaved?: () => Promise<void>;
  /** The scenarios the page lists (the built-in ones by default). */
  loadScenarios?: () => Promise<Scenario[]>;
  /** How a scenario runs (the scenario runner by default: in-process, on its own clock). */
  runScenario?: (scenario: Scenario, options?: RunOptions) => Promise<ScenarioResult>;
}

/** One tenant's own time line, as `GET /__admin/clock` lists it. */
interface TenantLine {
  now: string;
  offsetMs: number;
  frozen?: boolean;
}

/** `259200000` → `+3d`, `-5400000` → `-1h 30m`: an offset as a developer reads it. */
export function formatOffset(ms: number): string {
  if (ms === 0) return '0';
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ];
  let rest = Math.abs(Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return `${ms < 0 ? '-' : '+'}${parts.join(' ')}`;
}

/**
 * Each tenant's time: its own line (an offset over the server's clock, or frozen at an instant)
 * or the server's. Tenants with a line of their own come first; a form moves one tenant's line.
 */
function TenantClocksView(props: {
  clocks: { now: string; tenants: Record<string, TenantLine> };
  tenants: readonly string[];
  post: string;
  here: string;
  path: string;
  query: Record<string, string>;
  pageSize: number;
}) {
  const { clocks } = props;
  const own = (id: string) => (Object.hasOwn(clocks.tenants, id) ? clocks.tenants[id] : undefined);
  const ordered = [...props.tenants].sort((a, b) => Number(own(b) !== undefined) - Number(own(a) !== undefined));
  const page = paginate(ordered, props.query.cpage, props.pageSize);
  const listId = 'tenant-clock-choices';
  return (
    <>
      <h2>Tenant clocks</h2>
      <p class="muted">
        Each tenant's time: the server's clock ({when(clocks.now)}) unless it has a time line of its own. Moving one
        tenant's clock moves nothing else.
      </p>
      <Table
        testid="tenant-clocks"
        rows={page.items}
        empty="No tenants."
        rowAttrs={(id) => ({ 'data-tenant': id })}
        columns={[
          { head: 'tenant', cell: (id) => <code>{id}</code> },
          { head: 'now', cell: (id) => when(own(id)?.now ?? clocks.now) },
          { head: 'offset', cell: (id) => (own(id) ? formatOffset(own(id)!.offsetMs) : 'server time') },
          {
            head: 'line',
            cell: (id) =>
              own(id)?.frozen ? <Badge kind="warn">frozen</Badge> : own(id) ? 'flows with the server' : '—',
          },
        ]}
      />
      {page.pages > 1 ? <Pager page={page} path={props.path} query={props.query} param="cpage" noun="tenants" /> : null}
      <form method="post" action={props.post} class="action" data-action="move-tenant-clock">
        <strong>Move a tenant's clock</strong>
        <p>Advance one tenant's time by a duration, or set it to an instant (ISO 8601).</p>
        <label>
          tenant
          <input type="text" name="tenantId" list={listId} required />
          <datalist id={listId}>
            {props.tenants.slice(0, 1000).map((id) => (
              <option value={id} />
            ))}
          </datalist>
        </label>
        <label>
          advance
          <select name="advance">
            <option value="">—</option>
            {['1h', '12h', 'next-night', '1d', '3d', '1w'].map((a) => (
              <option value={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          or set to
          <input type="text" name="set" placeholder="2026-03-20T09:00:00Z" />
        </label>
        <input type="hidden" name="_back" value={props.here} />
        <button type="submit">Move its clock</button>
      </form>
    </>
  );
}

/** Each registered vendor's view (`vendors/`), by simulator name. */
const VIEWS: ReadonlyMap<string, VendorView> = new Map(
  VENDORS.modules.flatMap((vendor) => (vendor.dashboard ? [[vendor.id, vendor.dashboard] as const] : [])),
);

/** The clock buttons: how far each one moves the virtual clock. */
const ADVANCES: Record<string, { label: string; move: (clock: VirtualClock) => void }> = {
  '1h': { label: '1 hour', move: (clock) => clock.advance(HOUR) },
  '12h': { label: '12 hours', move: (clock) => clock.advance(12 * HOUR) },
  'next-night': { label: 'to the next night', move: (clock) => clock.set(nextNight(clock.now())) },
  '1w': { label: '1 week', move: (clock) => clock.advance(7 * DAY) },
};

const FAULT_FORM: ActionInfo = {
  name: 'add-fault',
  description:
    'Inject a fault on the vendor routes: path pattern (* one segment, ** any), kind, and for how many requests or with which probability (seeded).',
  input: z.toJSONSchema(FaultRuleSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
};

/** Its forms are a few fields: a body past this is refused (413) before it is read. */
export const MAX_FORM_BYTES = 64 * 1024;
const SESSION_COOKIE = 'ledgersim-session';

/**
 * No script, no frame, nothing from elsewhere: a page of the dashboard cannot be framed (click
 * jacking), sniffed as something else, or made to post to another site.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: under it a browser sends `Origin: null` on the dashboard's own form posts.
  'Referrer-Policy': 'same-origin',
};

const loginPage = (refused: boolean) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ledgersim: log in</title></head><body><h1>ledgersim</h1>${
    refused ? '<p>That is not the admin token.</p>' : ''
  }<form method="post" action="/login"><label>Admin token (the --admin-token of ledgersim start) <input type="password" name="token" autocomplete="current-password" autofocus></label> <button type="submit">Log in</button></form></body></html>`;

const MAX_FLASHES = 200;
const MAX_RUNS = 20;
const MAX_MESSAGE = 2000;
/** A customer's FEC for `/reproduce`: a year of a small firm's books is well under this. */
const MAX_FEC_BYTES = 20_000_000;

/** A path of this dashboard to come back to: never another site (`//host`, `/\host`). */
const safeBack = (back: unknown): string => (typeof back === 'string' && /^\/(?![/\\])/.test(back) ? back : '/');

const withParam = (path: string, key: string, value: string) => {
  const [base, search = ''] = path.split('?', 2) as [string, string?];
  const params = new URLSearchParams(search);
  params.set(key, value);
  return `${base}?${params.toString()}`;
};

async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function createDashboard(options: DashboardOptions): Hono {
  const { clock } = options;
  const simulators = [...options.simulators];
  const pageSize = options.pageSize ?? 50;
  const bySim = new Map(simulators.map((s) => [s.name as string, s]));
  const load = options.loadScenarios ?? (async () => (await import('../scenarios/load.js')).loadScenarios());
  const run =
    options.runScenario ??
    (async (scenario: Scenario, runOptions?: RunOptions) =>
      (await import('../scenarios/runner.js')).runScenario(scenario, runOptions));

  // Post/redirect/get: what a POST did is shown once by the page it comes back to.
  const flashes = new Map<number, Flash>();
  let flashSeq = 0;
  const flash = (f: Flash) => {
    flashSeq += 1;
    flashes.set(flashSeq, f);
    if (flashes.size > MAX_FLASHES) flashes.delete(flashes.keys().next().value!);
    return flashSeq;
  };
  const back = (c: Context, to: unknown, f: Flash) =>
    c.redirect(withParam(safeBack(to), 'flash', String(flash(f))), 303);

  const runs = new Map<number, ScenarioResult>();
  let runSeq = 0;

  let scenarios: Promise<Scenario[]> | undefined;
  const loadOnce = () => {
    scenarios ??= load().catch((error) => {
      scenarios = undefined;
      throw error;
    });
    return scenarios;
  };

  const actionLists = new Map<string, Promise<ActionInfo[]>>();
  const actionsOf = (sim: DashboardSimulator) => {
    let list = actionLists.get(sim.name);
    if (!list) {
      list = admin(sim, 'GET', '/actions').then((r) =>
        r.status === 200 ? ((r.body as { actions: ActionInfo[] }).actions ?? []) : [],
      );
      actionLists.set(sim.name, list);
    }
    return list;
  };

  /** A call to the simulator's own control plane, in-process. */
  async function admin(
    sim: DashboardSimulator,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const res = await sim.simulator.app.request(`/__admin${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed };
  }

  /** The tenants with a time line of their own, as the simulator's admin plane tells them. */
  async function tenantClocks(sim: DashboardSimulator): Promise<{ now: string; tenants: Record<string, TenantLine> }> {
    const answer = await admin(sim, 'GET', '/clock');
    return answer.status === 200 ? answer.body : { now: clock.now().toISOString(), tenants: {} };
  }

  const nav = [
    { href: '/', label: 'Overview', key: 'overview' },
    ...simulators.map((s) => ({ href: `/s/${encodeURIComponent(s.name)}`, label: s.title, key: s.name })),
    { href: '/requests', label: 'Requests', key: 'requests' },
    { href: '/scenarios', label: 'Scenarios', key: 'scenarios' },
  ];

  function here(c: Context): string {
    const url = new URL(c.req.url);
    url.searchParams.delete('flash');
    const search = url.searchParams.toString();
    return `${url.pathname}${search ? `?${search}` : ''}`;
  }

  async function page(
    c: Context,
    title: string,
    active: string | undefined,
    body: Child,
    status: 200 | 400 | 404 = 200,
  ) {
    const id = Number(c.req.query('flash'));
    const element = (
      <Layout
        title={title}
        now={clock.now().toISOString()}
        here={here(c)}
        active={active}
        nav={nav}
        flash={Number.isInteger(id) ? flashes.get(id) : undefined}
      >
        {body}
      </Layout>
    );
    return c.html(`<!doctype html>${await element}`, status);
  }

  const notFound = (c: Context, what: string) => page(c, 'Not found', undefined, <Empty>{what}</Empty>, 404);

  function context(c: Context, sim: DashboardSimulator, actions: ActionInfo[]): ViewContext {
    const url = new URL(c.req.url);
    const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'flash'));
    return { sim, now: clock.now(), path: url.pathname, query, here: here(c), actions, pageSize };
  }

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  // Served over a socket: only its own Host, only posts from its own pages, and the login when
  // there is an admin token. hono's CSRF check below compares Origin with the request's own URL,
  // which a DNS-rebound page passes (both are the attacker's name): the Host check stops that.
  app.use('*', async (c, next) => {
    const access = servedAccess(c.env);
    if (!access) return next();
    const foreign = foreignRequest(c.req.raw.headers, access, c.req.method !== 'GET' && c.req.method !== 'HEAD');
    if (foreign) return c.text(foreign, 403);
    if (!access.adminToken || c.req.path === '/login') return next();
    const session = getCookie(c, SESSION_COOKIE);
    if (
      (session !== undefined && sameSecret(session, sessionValue(access.adminToken))) ||
      bearerAccepted(c.req.header('authorization'), access.adminToken)
    )
      return next();
    return c.req.method === 'GET' || c.req.method === 'HEAD'
      ? c.redirect('/login', 303)
      : c.text('Log in first: /login', 401);
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => c.text(`A form of the dashboard is at most ${MAX_FORM_BYTES} bytes`, 413),
    }),
  );
  // The dashboard drives the simulators: a page of another site must not post to it.
  app.use('*', csrf());

  app.get('/login', (c) => (servedAccess(c.env)?.adminToken ? c.html(loginPage(false)) : c.redirect('/', 303)));
  app.post('/login', async (c) => {
    const token = servedAccess(c.env)?.adminToken;
    if (!token) return c.redirect('/', 303);
    const form = await formFields(c);
    if (!sameSecret(form.token ?? '', token)) return c.html(loginPage(true), 401);
    setCookie(c, SESSION_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'Strict', path: '/' });
    return c.redirect('/', 303);
  });

  app.get('/', async (c) => {
    const sections = simulators.map((sim) => {
      const view = VIEWS.get(sim.name);
      const ctx = context(c, sim, []);
      const faults = sim.simulator.faults.list();
      return (
        <section data-simulator={sim.name}>
          <h2>
            <a href={`/s/${encodeURIComponent(sim.name)}`}>{sim.title}</a>{' '}
            {sim.url ? (
              <span class="muted">
                {sim.url} (<a href={`${sim.url}/docs`}>API reference</a>)
              </span>
            ) : null}{' '}
            <span class="muted">{`${Object.keys(sim.simulator.store.data.tenants).length} tenants, ${sim.simulator.journal.size} requests in the journal`}</span>{' '}
            {faults.length ? <Badge kind="warn">{`${faults.length} fault(s) armed`}</Badge> : null}
          </h2>
          <div class="grid">{view ? view.overview(ctx) : <Empty>No view for {sim.name}.</Empty>}</div>
        </section>
      );
    });
    return page(c, 'Overview', 'overview', <div>{sections}</div>);
  });

  app.get('/s/:sim', async (c) => {
    const sim = bySim.get(c.req.param('sim'));
    if (!sim) return notFound(c, `No simulator ${c.req.param('sim')}.`);
    const actions = await actionsOf(sim);
    const view = VIEWS.get(sim.name);
    const ctx = context(c, sim, actions);
    const faults = sim.simulator.faults.list();
    const post = `/s/${encodeURIComponent(sim.name)}`;
    return page(
      c,
      sim.title,
      sim.name,
      <div>
        {sim.url ? (
          <p class="muted">
            Serving at {sim.url} (<a href={`${sim.url}/docs`}>API reference</a>, admin {sim.url}/__admin/health, API
            description {sim.url}/openapi.json)
          </p>
        ) : null}
        <div class="grid">{view?.overview(ctx)}</div>
        <TenantClocksView
          clocks={await tenantClocks(sim)}
          tenants={Object.keys(sim.simulator.store.data.tenants)}
          post={`${post}/tenant-clock`}
          here={ctx.here}
          path={ctx.path}
          query={ctx.query}
          pageSize={pageSize}
        />
        <h2>Vendor actions</h2>
        <p class="muted">
          What a person does in the vendor's UI. On a {view?.nouns.file ?? 'file'} page the firm and the{' '}
          {view?.nouns.file ?? 'file'} are filled in.
        </p>
        <div class="actions">
          {actions.map((a) => (
            <ActionForm
              action={a}
              post={`${post}/actions/${encodeURIComponent(a.name)}`}
              back={ctx.here}
              choices={idChoices(sim.name, sim.simulator.store.data)}
            />
          ))}
        </div>
        <h2>Faults</h2>
        <Table
          testid="faults"
          rows={faults}
          empty="No faults armed: every request is answered normally."
          columns={[
            { head: '#', cell: (f) => f.id },
            { head: 'path', cell: (f) => <code>{f.path}</code> },
            { head: 'method', cell: (f) => f.method ?? 'any' },
            {
              head: 'kind',
              cell: (f) =>
                `${f.kind}${f.status ? ` ${f.status}` : ''}${f.latencyMs !== undefined ? ` ${f.latencyMs} ms` : ''}`,
            },
            {
              head: 'remaining / probability',
              cell: (f) => `${f.remaining ?? '∞'}${f.probability !== undefined ? ` · p=${f.probability}` : ''}`,
            },
          ]}
        />
        <div class="actions">
          <ActionForm action={FAULT_FORM} post={`${post}/faults`} back={ctx.here} />
          <form method="post" action={`${post}/faults/clear`} class="action">
            <strong>Clear faults</strong>
            <p>Remove every armed fault.</p>
            <input type="hidden" name="_back" value={ctx.here} />
            <button type="submit">Clear faults</button>
          </form>
        </div>
      </div>,
    );
  });

  // The FEC of a simulated file, from the simulator's own admin plane.
  app.get('/s/:sim/:tenant/:file/fec', async (c) => {
    const sim = bySim.get(c.req.param('sim'));
    if (!sim) return notFound(c, `No simulator ${c.req.param('sim')}.`);
    const res = await sim.simulator.app.request(
      `/__admin/files/${encodeURIComponent(c.req.param('tenant'))}/${encodeURIComponent(c.req.param('file'))}/fec`,
    );
    if (res.status !== 200) return notFound(c, `No FEC for ${c.req.param('file')} in ${sim.title}.`);
    return c.body(await res.text(), 200, {
      'content-type': res.headers.get('content-type') ?? 'text/plain; charset=utf-8',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment',
    });
  });

  app.get('/s/:sim/:tenant/:file', async (c) => {
    const sim = bySim.get(c.req.param('sim'));
    const view = sim && VIEWS.get(sim.name);
    if (!sim || !view) return notFound(c, `No simulator ${c.req.param('sim')}.`);
    const ref = { tenantId: c.req.param('tenant'), fileId: c.req.param('file') };
    const actions = await actionsOf(sim);
    const ctx = context(c, sim, actions);
    const shown = view.file(ctx, ref);
    if (!shown) return notFound(c, `No ${view.nouns.file} ${ref.fileId} in ${view.nouns.tenant} ${ref.tenantId}.`);
    const fixed = view.target(ref.tenantId, ref.fileId);
    const tenantKey = Object.keys(view.target(ref.tenantId))[0]!;
    const relevant = actions
      .filter((a) => a.input.properties && tenantKey in a.input.properties)
      .sort((a, b) => Number(b.name === view.openAction) - Number(a.name === view.openAction));
    const post = `/s/${encodeURIComponent(sim.name)}/actions/`;
    return page(
      c,
      shown.title,
      sim.name,
      <div>
        {shown.summary}
        <p>
          <a
            data-testid="fec-download"
            href={`/s/${encodeURIComponent(sim.name)}/${encodeURIComponent(ref.tenantId)}/${encodeURIComponent(ref.fileId)}/fec`}
          >
            Download the FEC of what this {view.nouns.file}'s books hold
          </a>
        </p>
        <h2>Actions on this {view.nouns.file}</h2>
        <div class="actions">
          {relevant.map((a) => (
            <ActionForm action={a} post={`${post}${encodeURIComponent(a.name)}`} back={ctx.here} fixed={fixed} />
          ))}
        </div>
        {shown.details}
      </div>,
    );
  });

  app.post('/s/:sim/actions/:action', async (c) => {
    const form = await formFields(c);
    const sim = bySim.get(c.req.param('sim'));
    const name = c.req.param('action');
    if (!sim) return back(c, form._back, { kind: 'error', text: `No simulator ${c.req.param('sim')}.` });
    const action = (await actionsOf(sim)).find((a) => a.name === name);
    if (!action) return back(c, form._back, { kind: 'error', text: `${sim.title} has no action "${name}".` });
    const input = formToInput(action.input, form);
    const answer = await admin(sim, 'POST', `/actions/${encodeURIComponent(name)}`, input);
    if (answer.status >= 400) {
      const message =
        typeof answer.body === 'object' && answer.body && 'message' in answer.body
          ? String(answer.body.message)
          : `answered ${answer.status}`;
      return back(c, form._back, { kind: 'error', text: `${humanize(name)} was refused: ${message}` });
    }
    const result = JSON.stringify(answer.body?.result ?? {});
    return back(c, form._back, {
      kind: 'info',
      text: `${humanize(name)}: done. ${result.length > 400 ? `${result.slice(0, 397)}...` : result}`,
    });
  });

  app.post('/s/:sim/faults', async (c) => {
    const form = await formFields(c);
    const sim = bySim.get(c.req.param('sim'));
    if (!sim) return back(c, form._back, { kind: 'error', text: `No simulator ${c.req.param('sim')}.` });
    // The admin route takes one rule or a list, so its own refusal cannot say which field is wrong: check here first.
    const rule = FaultRuleSchema.safeParse(formToInput(FAULT_FORM.input, form));
    if (!rule.success) {
      const issue = rule.error.issues[0]!;
      return back(c, form._back, {
        kind: 'error',
        text: `The fault was refused: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      });
    }
    const answer = await admin(sim, 'POST', '/faults', formToInput(FAULT_FORM.input, form));
    if (answer.status >= 400)
      return back(c, form._back, {
        kind: 'error',
        text: `The fault was refused: ${answer.body?.message ?? answer.status}`,
      });
    return back(c, form._back, {
      kind: 'info',
      text: `Fault armed on ${sim.title}: ${JSON.stringify(answer.body?.faults?.[0] ?? {})}`,
    });
  });

  app.post('/s/:sim/faults/clear', async (c) => {
    const form = await formFields(c);
    const sim = bySim.get(c.req.param('sim'));
    if (!sim) return back(c, form._back, { kind: 'error', text: `No simulator ${c.req.param('sim')}.` });
    sim.simulator.faults.clear();
    return back(c, form._back, { kind: 'info', text: `Every fault of ${sim.title} is cleared.` });
  });

  app.post('/clock', async (c) => {
    const form = await formFields(c);
    const advance = ADVANCES[form.advance ?? ''];
    if (!advance)
      return back(c, form._back, {
        kind: 'error',
        text: `The clock moves by 1h, 12h, next-night or 1w, not "${form.advance ?? ''}".`,
      });
    const before = clock.now().toISOString();
    advance.move(clock);
    // Let the work that fell due (imports, processing delays) finish before showing the state.
    await Promise.all(simulators.map((s) => s.simulator.settled()));
    await options.clockSaved?.();
    return back(c, form._back, {
      kind: 'info',
      text: `The virtual clock moved ${advance.label}: ${when(before)} → ${when(clock.now().toISOString())}.`,
    });
  });

  // One tenant's own time line, moved through the simulator's admin plane (its checks, its words).
  app.post('/s/:sim/tenant-clock', async (c) => {
    const form = await formFields(c);
    const sim = bySim.get(c.req.param('sim'));
    if (!sim) return back(c, form._back, { kind: 'error', text: `No simulator ${c.req.param('sim')}.` });
    const tenantId = (form.tenantId ?? '').trim();
    const set = (form.set ?? '').trim();
    const move = set ? { set } : form.advance ? { advance: form.advance } : undefined;
    if (!tenantId || !move)
      return back(c, form._back, {
        kind: 'error',
        text: "A tenant's clock moves with a tenant id and either a duration (1h, 3d, next-night) or an instant to set.",
      });
    const answer = await admin(sim, 'POST', `/tenants/${encodeURIComponent(tenantId)}/clock`, move);
    if (answer.status >= 400)
      return back(c, form._back, {
        kind: 'error',
        text: `The clock of ${tenantId} was not moved: ${answer.body?.message ?? `answered ${answer.status}`}`,
      });
    await options.clockSaved?.();
    return back(c, form._back, {
      kind: 'info',
      text: `The clock of ${tenantId} (${sim.title}) is now ${when(answer.body.now)}${answer.body.frozen ? ', frozen' : ''}; the other tenants and the server's clock did not move.`,
    });
  });

  app.get('/requests', (c) => {
    const q = c.req.query();
    const query: JournalQuery = {
      sim: q.sim,
      method: q.method,
      path: q.path,
      status: q.status,
      tenant: q.tenant,
      page: q.page,
    };
    return page(c, 'Requests', 'requests', <JournalView simulators={simulators} query={query} pageSize={pageSize} />);
  });

  const scenarioError = (error: unknown) => (
    <div class="flash error">{`The scenarios could not be loaded: ${(error as Error).message}`}</div>
  );

  app.get('/scenarios', async (c) => {
    let list: Scenario[];
    try {
      list = await loadOnce();
    } catch (error) {
      return page(c, 'Scenarios', 'scenarios', scenarioError(error));
    }
    const recent = [...runs.entries()].reverse();
    return page(
      c,
      'Scenarios',
      'scenarios',
      <div>
        <ReproduceBox />
        {recent.length ? (
          <>
            <h2>Recent runs</h2>
            <ul>
              {recent.map(([n, r]) => (
                <li>
                  <a href={`/scenarios/runs/${n}`}>{r.id}</a>{' '}
                  <Badge kind={r.status === 'passed' ? 'ok' : 'bad'}>{r.status}</Badge>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <ScenarioList scenarios={list} back={here(c)} />
      </div>,
    );
  });

  app.post('/scenarios/run', async (c) => {
    const form = await formFields(c);
    let list: Scenario[];
    try {
      list = await loadOnce();
    } catch (error) {
      return back(c, form._back ?? '/scenarios', {
        kind: 'error',
        text: `The scenarios could not be loaded: ${(error as Error).message}`,
      });
    }
    const scenario = list.find((s) => s.id === form.id);
    if (!scenario)
      return back(c, form._back ?? '/scenarios', { kind: 'error', text: `No scenario "${form.id ?? ''}".` });
    const result = await run(scenario);
    runSeq += 1;
    runs.set(runSeq, result);
    if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
    return back(c, `/scenarios/runs/${runSeq}`, {
      kind: result.status === 'passed' ? 'info' : 'error',
      text: `${scenario.id} ${result.status}.`,
    });
  });

  app.get('/scenarios/runs/:n', (c) => {
    const result = runs.get(Number(c.req.param('n')));
    if (!result) return notFound(c, 'This run is no longer kept: run the scenario again from the Scenarios page.');
    return page(
      c,
      `Run of ${result.id}`,
      'scenarios',
      <div>
        <p>
          <a href="/scenarios">← scenarios</a>
        </p>
        <ResultView result={result} />
      </div>,
    );
  });

  app.get('/reproduce', async (c) => reproducePage(c, (c.req.query('message') ?? '').slice(0, MAX_MESSAGE).trim()));

  // The reproduce box with the customer's FEC: a multipart post (the message, the file).
  app.post('/reproduce', async (c) => {
    const body = await c.req.parseBody();
    const message = (typeof body.message === 'string' ? body.message : '').slice(0, MAX_MESSAGE).trim();
    const upload = body.fec;
    if (!(upload instanceof File) || upload.size === 0) return reproducePage(c, message);
    if (upload.size > MAX_FEC_BYTES)
      return reproducePage(c, message, {
        error: `The FEC is over ${MAX_FEC_BYTES / 1_000_000} MB; send the lines of the relevant journal or period.`,
      });
    try {
      const text = decodeFec(new Uint8Array(await upload.arrayBuffer()));
      return reproducePage(c, message, {
        name: upload.name,
        ref: referenceData(parseFec(text), { fileName: upload.name }),
      });
    } catch (error) {
      if (!(error instanceof FecError)) throw error;
      return reproducePage(c, message, {
        error: `${upload.name} is not a valid FEC: ${error.message}. Nothing was run.`,
      });
    }
  });

  async function reproducePage(
    c: Context,
    message: string,
    fec?: { name: string; ref: FecReferenceData } | { error: string },
  ) {
    if (fec && 'error' in fec) {
      return page(
        c,
        "Reproduce a customer's message",
        'scenarios',
        <div>
          <ReproduceBox message={message} />
          <div class="flash error" data-testid="fec-error">
            {fec.error}
          </div>
        </div>,
        400,
      );
    }
    if (!message)
      return page(
        c,
        "Reproduce a customer's message",
        'scenarios',
        <div>
          <ReproduceBox />
          <ReproduceWithFecBox />
        </div>,
      );
    const { sure: best, candidates, unsureBecause } = identifyMessage(message);
    // Not sure is an answer: the candidates and what matched, never a guess presented as a match.
    if (!best) {
      const closest = candidates.slice(0, 3);
      return page(
        c,
        "Reproduce a customer's message",
        'scenarios',
        <div>
          <ReproduceBox message={message} />
          <div class="flash error" data-testid="no-match">
            {`Not sure which catalogue entry this is (${unsureBecause}).`}
          </div>
          {closest.length ? (
            <>
              <h2>The candidates</h2>
              <ul data-testid="candidates">
                {closest.map((m) => (
                  <li>
                    <code>{m.id}</code> {m.entry.title}{' '}
                    <Badge kind="warn">{`${Math.round(m.confidence * 100)}% (${m.via}, ${m.lang})`}</Badge>{' '}
                    <span class="muted">matched: {m.evidence.join(' ')}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>,
      );
    }
    const entry = getEntry(best.id);
    let scenario: Scenario | undefined;
    let loadError: unknown;
    try {
      scenario = (await loadOnce()).find((s) => s.id === entry.scenarioId);
    } catch (error) {
      loadError = error;
    }
    const replay = scenario ? withCustomerValues(scenario, entry.id, best.params) : undefined;
    const seeding = scenario && fec ? seedFor(scenario.vendor, fec.ref) : undefined;
    const seedTenant = seeding && 'seed' in seeding ? seeding.seed : undefined;
    // Written after the run: the summary says what the seeding did to the fiscal years.
    const fecNote = () =>
      fec && seeding
        ? 'seed' in seeding
          ? `V${seeding.summary(fec.name).slice(1)}.`
          : seeding.unsupported
        : undefined;
    let result = replay ? await run(replay.scenario, seedTenant ? { seedTenant } : undefined) : undefined;
    let fellBack: string | undefined;
    if (scenario && result?.status === 'failed' && (replay?.substituted.length || seedTenant)) {
      fellBack = result.failures[0] ?? 'the scenario did not behave as documented';
      result = await run(scenario);
    }
    const explanation = explain(entry, best);
    const before = result?.timeline.filter((t) => t.phase !== 'remedy' && t.phase !== 'remedy-expect') ?? [];
    const after = result?.timeline.filter((t) => t.phase === 'remedy' || t.phase === 'remedy-expect') ?? [];
    return page(
      c,
      "Reproduce a customer's message",
      'scenarios',
      <div>
        <ReproduceBox message={message} />
        <CatalogueEntryView entry={entry} match={best} />
        {replay?.substituted.length && !fellBack ? (
          <p data-testid="replayed">{`Replayed with the customer's values: ${replay.substituted.map((x) => `${x.name} ${x.from} → ${x.to}`).join(', ')}`}</p>
        ) : null}
        {fellBack ? (
          <div class="flash error">{`The customer's values could not be replayed (${fellBack.split('\n')[0]}); shown with the scenario's own values.`}</div>
        ) : null}
        {replay?.notSubstituted.map((n) => (
          <p class="muted">{`Not replayed: ${n.name} = ${n.value} (${n.why})`}</p>
        ))}
        {fecNote() ? <p data-testid="fec-seeded">{fecNote()}</p> : null}
        <div class="card" data-testid="explanation" lang={explanation.lang}>
          <h3>{explanation.lang === 'fr' ? 'Explication à transmettre' : 'Explanation to forward'}</h3>
          <pre>{explanation.text}</pre>
        </div>
        {loadError ? scenarioError(loadError) : null}
        {!loadError && !scenario ? (
          <div class="flash error">{`${entry.id} matches, but its scenario ${entry.scenarioId} does not exist yet.`}</div>
        ) : null}
        {scenario && result ? (
          <div data-testid="reproduction">
            <h2>
              Reproduced by <code>{scenario.id}</code>: {scenario.title}
            </h2>
            <p>
              <Badge kind={result.status === 'passed' ? 'ok' : 'bad'}>
                {result.status === 'passed'
                  ? after.length
                    ? 'reproduced, and the remedy clears it'
                    : 'reproduced'
                  : 'the scenario did not behave as documented'}
              </Badge>
            </p>
            {result.failures.map((f) => (
              <pre class="flash error">{f}</pre>
            ))}
            <Timeline items={before} />
            {after.length ? (
              <>
                <h2>Running the remedy</h2>
                <Timeline items={after} />
              </>
            ) : null}
          </div>
        ) : null}
      </div>,
    );
  }

  app.notFound((c) => notFound(c, `Nothing at ${c.req.path}.`));
  app.onError((error, c) => {
    // A cross-site post refused by the CSRF check, a malformed form: answered as such.
    if (error instanceof HTTPException) return error.getResponse();
    console.error('[dashboard] unexpected error on', c.req.method, c.req.path, error);
    return c.html(
      `<!doctype html><title>ledgersim</title><p>The dashboard failed on this page; the simulators are unaffected.</p>`,
      500,
    );
  });
  return app;
}

/**
 * The tenant and file ids of a simulator's state, by the action field that names them. The field
 * names come from the vendor's `actionTarget` (own choice: Loop's folder actions name `folder`,
 * which its target leaves out, so `folder` and `dossier` are added by name).
 */
function idChoices(vendor: string, state: { tenants: Record<string, unknown> }): Record<string, readonly string[]> {
  if (!VENDORS.has(vendor)) return {};
  const { testing } = VENDORS.get(vendor) as VendorModule;
  const tenants = Object.keys(state.tenants);
  const files = [...new Set(Object.values(state.tenants).flatMap((t) => testing.files(t)))];
  const out: Record<string, readonly string[]> = { folder: files, dossier: files };
  for (const [field, value] of Object.entries(testing.actionTarget('\u0000tenant', '\u0000file'))) {
    if (value === '\u0000tenant') out[field] = tenants;
    else if (value === '\u0000file') out[field] = files;
  }
  return out;
}
