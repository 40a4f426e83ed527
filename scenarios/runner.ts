import { getEntry } from '../contracts/catalogue/index.js';
import { expectedMessage } from '../contracts/scenario/message.js';
import type { AccountingEntry, SyncStatus } from '../contracts/hub/model.js';
import type { EntryTemplate, Expectation, Scenario, Step } from '../contracts/scenario/schema.js';
import { createHubEngine, type HubEngine } from '../connectors/hub/engine.js';
import { bankEntry, expenseReportEntry, PDF, purchaseEntry, salesEntry } from '../connectors/hub/entry-builders.js';
import type { ConnectorError } from '../connectors/types.js';
import { createVirtualClock, type VirtualClock } from '../core/clock.js';
import { own } from '../core/own.js';
import { createRandom } from '../core/random.js';
import type { JournalFilter, JournalRecord } from '../simulators/kit/journal.js';
import { createInProcessFetch } from '../simulators/kit/in-process-fetch.js';
import { VENDORS, type VendorModule, type VendorRegistry } from '../vendors/index.js';
import type { VendorEntryView } from '../vendors/types.js';

export interface TimelineItem {
  phase: 'given' | 'steps' | 'expect' | 'remedy' | 'remedy-expect';
  index: number;
  /** What was done (the step's data), or the expectations checked. */
  step?: Step;
  /** Virtual time after the step. */
  at: string;
  requests: Pick<JournalRecord, 'method' | 'path' | 'status' | 'requestBody' | 'responseBody'>[];
  /** Each entry's hub status after the step. */
  statuses: Record<string, string>;
  error?: string;
  checks?: { ok: boolean; description: string }[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  vendor: string;
  covers: string[];
  mode: 'in-process' | 'against';
  /** Against a shared server, the tenant the scenario ran in (drawn from the run seed). */
  tenant?: string;
  status: 'passed' | 'failed';
  failures: string[];
  timeline: TimelineItem[];
  /** Real milliseconds the run took (the only non-deterministic figure). */
  durationMs: number;
}

export interface RunOptions {
  /** Base URLs of running simulators, per vendor: run against them instead of in-process. */
  against?: Partial<Record<string, string>>;
  /** The vendors to run on (ledgersim's by default; a test adds its own). */
  vendors?: VendorRegistry;
  /** Stop after the steps and expectations (do not run the remedy): what `reproduce` shows first. */
  skipRemedy?: boolean;
  /** The `--admin-token` of the servers run against (`LEDGERSIM_ADMIN_TOKEN` by default): sent on `/__admin` only. */
  adminToken?: string;
  /** Changes the vendor state before it is loaded (`reproduce --fec`: the customer's reference data). */
  seedTenant?: (tenant: unknown, fileId: string) => unknown;
  /**
   * `reproduce`: the customer's identifiers exchanged with the scenario's own in what the run
   * builds itself (the preset's vendor state, the vendor file, the builders' entries); the
   * scenario's data already carries them (`scenarios/replay.ts`).
   */
  customerValues?: <T>(value: T) => T;
  /**
   * Against a shared server, the seed of the scenario's tenant id (`scn-<id>-<6 letters>`): the
   * same seed draws the same ids; an id another run holds is refused by the server
   * (`If-None-Match: *`) and the next one drawn, so two runs never share a tenant. Default 1.
   */
  runSeed?: number;
}

/** Attempts at a tenant id nobody holds on a shared server before giving up. */
const TENANT_ID_ATTEMPTS = 20;

/** The tenant ids a scenario's run tries on a shared server, in order: seeded by the run seed and the scenario. */
export function scenarioTenantIds(scenarioId: string, runSeed: number): () => string {
  const slug = scenarioId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);
  let hash = 0x811c9dc5; // FNV-1a: each scenario its own stream under one run seed
  for (const ch of scenarioId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  const random = createRandom((runSeed ^ hash) >>> 0);
  return () => `scn-${slug}-${random.string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
}

/** Fetch that adds the admin token to the `/__admin` calls (never to the vendor's routes, whose credentials are the scenario's). */
export function withAdminToken(token: string | undefined, inner: typeof fetch = globalThis.fetch): typeof fetch {
  if (!token) return inner;
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.pathname.startsWith('/__admin')) return inner(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return inner(input, { ...init, headers });
  }) as typeof fetch;
}

const CLIENT_FILE = 'C1';

/** Reads the request journal with `GET /__admin/requests`'s filters. */
type JournalReader = (filter: JournalFilter) => JournalRecord[] | Promise<JournalRecord[]>;
/**
 * Reads a tenant's state as `GET /__admin/tenants/:id` answers it (`undefined` when there is none):
 * a copy, or, for a reader that is done with it before the state can change, the state itself.
 */
type TenantReader = (tenantId: string, copy: boolean) => unknown;

class ScenarioFailure extends Error {}

/** Vendor and base URL → each action's input keys (see `World.actionInputKeys`). */
const ACTION_INPUT_KEYS = new Map<string, Promise<Map<string, Set<string>>>>();

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  const started = performance.now();
  const registry = options.vendors ?? VENDORS;
  const vendor = registry.get(scenario.vendor);
  const clock = createVirtualClock({ start: scenario.start });
  const against = options.against?.[scenario.vendor];
  const mode = against ? 'against' : 'in-process';
  // In-process the server is the scenario's own: a fixed id keeps its timeline the same on every run.
  const tenantIds = against
    ? scenarioTenantIds(scenario.id, options.runSeed ?? 1)
    : () => `scn-${scenario.id.replace(/[^a-z0-9]+/g, '-')}`;
  let baseUrl: string;
  let fetchFn: typeof fetch;
  let close = async () => {};
  let readJournal: JournalReader | undefined;
  let readTenant: TenantReader | undefined;
  if (against) {
    baseUrl = against.replace(/\/+$/, '');
    fetchFn = withAdminToken(options.adminToken ?? (process.env.LEDGERSIM_ADMIN_TOKEN || undefined));
  } else {
    const simulator = vendor.simulator.create({ clock, initialState: 'empty' });
    baseUrl = `https://${scenario.vendor}.scenario.ledgersim.test`;
    // Straight to the simulator's `app.fetch`, with no socket and no msw (its handler matching,
    // cookie parsing and request cloning were a fifth of the suite's CPU); other projects' tests
    // reach the same simulators through the msw bridge or this same fetch (`ledgersim/msw`).
    fetchFn = createInProcessFetch([{ baseUrl, fetch: simulator.app.fetch }]);
    readJournal = (filter) => simulator.journal.list(filter);
    // What the admin GET would send, without the request, the streamed serialisation and the
    // parse back; a JSON copy, as the answer was, where later steps could change what was read.
    readTenant = (tenantId, copy) => {
      const tenant = own(simulator.store.data.tenants as Record<string, unknown>, tenantId);
      return tenant === undefined || !copy ? tenant : JSON.parse(JSON.stringify(tenant));
    };
    close = () => simulator.close();
  }
  const world = new World(
    scenario,
    registry,
    vendor,
    clock,
    baseUrl,
    fetchFn,
    tenantIds,
    mode === 'in-process',
    options.seedTenant,
    readJournal,
    options.customerValues,
    readTenant,
  );
  const failures: string[] = [];
  try {
    await world.setUp();
    await world.run('steps', scenario.steps);
    failures.push(...(await world.check('expect', scenario.expect)));
    if (scenario.remedy && !options.skipRemedy && failures.length === 0) {
      await world.run('remedy', scenario.remedy.steps);
      failures.push(...(await world.check('remedy-expect', scenario.remedy.expect)));
    }
  } catch (error) {
    failures.push(
      error instanceof ScenarioFailure ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`,
    );
  } finally {
    await world
      .disarmFaults()
      .catch((error: Error) => failures.push(`could not disarm the scenario's fault rules: ${error.message}`));
    if (against)
      await world
        .cleanUp()
        .catch((error: Error) => failures.push(`could not leave ${baseUrl} as it was: ${error.message}`));
    await close();
  }
  return {
    id: scenario.id,
    title: scenario.title,
    vendor: scenario.vendor,
    covers: scenario.covers,
    mode,
    ...(against && world.tenantName ? { tenant: world.tenantName } : {}),
    status: failures.length === 0 ? 'passed' : 'failed',
    failures,
    timeline: world.timeline,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Everything one run of a scenario holds: the vendor, the hub, and what happened so far. */
class World {
  readonly timeline: TimelineItem[] = [];
  readonly hub: HubEngine;
  private connectionId: string | undefined;
  /** Fault rules are the server's, not the tenant's: the scenario's own (by id) are disarmed at its end, nobody else's. */
  private armedFaults: number[] = [];
  private fileId = '';
  /** The scenario's tenant: on a shared server, the first id drawn that no other run holds. */
  private tenantId = '';
  /** The tenant id, once the server took it. */
  get tenantName(): string | undefined {
    return this.tenantId || undefined;
  }
  private tenant: unknown;
  private lastError: ConnectorError | undefined;
  private lastOpening: string[] = [];
  private journalSince = 0;
  private journalStart = 0;
  private readonly entryIds: string[] = [];
  /** The client file linked to the scenario's vendor file: `C1`, or the one the wizard's table gave it. */
  private clientFile = CLIENT_FILE;

  constructor(
    private readonly scenario: Scenario,
    registry: VendorRegistry,
    private readonly vendor: VendorModule,
    private readonly clock: VirtualClock,
    private readonly baseUrl: string,
    private readonly vendorFetch: typeof globalThis.fetch,
    private readonly tenantIds: () => string,
    /** In-process, the simulator runs on this very clock: its `/__admin/clock` move is the move. */
    private readonly sharesVendorClock: boolean,
    private readonly seedTenant?: RunOptions['seedTenant'],
    /**
     * In-process, the journal is read from the simulator itself, as its clock is: about a third of a
     * scenario's requests were `GET /__admin/requests`, each serializing records the runner parsed back.
     */
    private readonly readJournal?: JournalReader,
    private readonly customerValues: <T>(value: T) => T = (value) => value,
    /**
     * In-process, a tenant is read from the simulator's store too: each expectation and each
     * refused action read the whole tenant through the admin plane, serialized and parsed back.
     */
    private readonly tenantReader?: TenantReader,
  ) {
    this.hub = createHubEngine({
      clock,
      connectorFor: (connection) =>
        registry.connectorFor(connection, { baseUrl, fetch: this.vendorFetch, clock, sleep: async () => {} }),
    });
  }

  /** Disarms the fault rules the scenario armed and left (on a shared server, the next scenario would meet them). */
  async disarmFaults(): Promise<void> {
    // A rule armed for `times` requests may have fired them all and gone: its 404 is fine.
    for (const id of this.armedFaults.splice(0)) await this.admin('DELETE', `/faults/${id}`, undefined, [404]);
  }

  /**
   * Against a shared server: its tenant (and the tenant's time line with it) and its requests in
   * the journal go; the server's clock was never moved.
   */
  async cleanUp(): Promise<void> {
    if (!this.tenantId) return;
    await this.admin('DELETE', `/tenants/${this.tenantId}`, undefined, [404]);
    await this.admin('DELETE', `/requests?tenantId=${encodeURIComponent(this.tenantId)}`);
  }

  private async admin(
    method: string,
    path: string,
    body?: unknown,
    allowed: number[] = [],
    headers: Record<string, string> = {},
  ): Promise<any> {
    const res = await this.vendorFetch(`${this.baseUrl}/__admin${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (allowed.includes(res.status)) return undefined;
    if (res.status >= 400)
      throw new ScenarioFailure(`${method} /__admin${path} answered ${res.status}: ${text.slice(0, 400)}`);
    return text ? JSON.parse(text) : undefined;
  }

  async setUp() {
    // In-process the clock is the scenario's own; on a shared server the tenant gets a time line
    // of its own, set as it is created (below): the server's clock is never moved.
    if (this.sharesVendorClock) await this.admin('POST', '/clock', { set: this.scenario.start });
    this.tenantId = this.tenantIds();
    let tenant = this.buildTenant();
    this.fileId = this.customerValues(this.vendor.testing.fileId(tenant));
    if (this.seedTenant) tenant = this.seedTenant(tenant, this.fileId);
    if (this.sharesVendorClock) await this.admin('PUT', `/tenants/${this.tenantId}`, tenant);
    else tenant = await this.createOwnTenant(tenant);
    this.tenant = tenant;
    for (const action of this.scenario.given.vendor.actions) await this.vendorAction(action.action, action.input);
    this.journalSince = await this.lastJournalSeq();
    this.journalStart = this.journalSince;
    await this.hub.runScheduler();
    this.record('given', 0, undefined);
  }

  /** The journal's records, newest first, as `GET /__admin/requests` answers them. */
  private async journal(filter: JournalFilter): Promise<JournalRecord[]> {
    if (this.readJournal) return this.readJournal(filter);
    const query = new URLSearchParams(
      Object.entries(filter)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]): [string, string] => [k, String(v)]),
    );
    return (await this.admin('GET', `/requests?${query}`)).requests;
  }

  /** Creates the tenant under an id no other run holds, on its own time line from the scenario's start. */
  private async createOwnTenant(tenant: unknown): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.admin(
        'PUT',
        // Frozen: a scenario is defined on a frozen time line, and a live server's real time must not
        // move it between two steps; its own steps move it (and the work due on it fires then).
        `/tenants/${this.tenantId}?now=${encodeURIComponent(this.scenario.start)}&frozen=true`,
        tenant,
        [412],
        { 'if-none-match': '*' },
      );
      if (answer !== undefined) return tenant;
      if (attempt === TENANT_ID_ATTEMPTS)
        throw new ScenarioFailure(`${TENANT_ID_ATTEMPTS} tenant ids drawn, all held on ${this.baseUrl}`);
      // Held by another run: the next id of the seeded stream, with credentials of its own.
      this.tenantId = this.tenantIds();
      tenant = this.rebuildTenant();
    }
  }

  /** The scenario's vendor state for the current tenant id (its credentials derive from the id). */
  private buildTenant(): unknown {
    const given = this.scenario.given.vendor;
    if (given.tenant) return { ...given.tenant, id: this.tenantId };
    const preset = this.vendor.testing.presets[given.preset];
    if (!preset)
      throw new ScenarioFailure(
        `unknown preset "${given.preset}" for ${this.vendor.id}: ${Object.keys(this.vendor.testing.presets).join(', ')}`,
      );
    return this.customerValues(preset(this.tenantId, this.clock.now()));
  }

  private rebuildTenant(): unknown {
    let tenant = this.buildTenant();
    if (this.seedTenant) tenant = this.seedTenant(tenant, this.fileId);
    return tenant;
  }

  /** The tenant's state now; one the simulator has not (any more) fails the scenario, as the admin GET's 404 does. */
  private async readTenant(copy = true): Promise<any> {
    return this.tenantReader?.(this.tenantId, copy) ?? this.admin('GET', `/tenants/${this.tenantId}`);
  }

  private async lastJournalSeq(): Promise<number> {
    const requests = await this.journal({ limit: 1 });
    return requests[0]?.seq ?? 0;
  }

  /**
   * An action's body: the tenant and file ids filled in where the action's input takes them (Loop's
   * key actions take no folder, Quadra's firm actions no dossier), then the step's input; `null` in
   * it removes a target key (Sage GE's entity-level Marketplace names no file).
   */
  private async actionBody(action: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const takes = (await this.actionInputKeys()).get(action);
    const target = Object.entries(this.vendor.testing.actionTarget(this.tenantId, this.fileId)).filter(
      ([key]) => takes === undefined || takes.has(key),
    );
    return Object.fromEntries(
      Object.entries({ ...Object.fromEntries(target), ...input }).filter(([, v]) => v !== null),
    );
  }

  /** Each action's input keys, from `GET /__admin/actions` (once per server: the actions are code, not state). */
  private actionInputKeys(): Promise<Map<string, Set<string>>> {
    const key = `${this.vendor.id} ${this.baseUrl}`;
    let keys = ACTION_INPUT_KEYS.get(key);
    if (!keys) {
      keys = this.admin('GET', '/actions').then(
        (listing: { actions?: { name: string; input?: { properties?: object } }[] }) =>
          new Map((listing?.actions ?? []).map((a) => [a.name, new Set(Object.keys(a.input?.properties ?? {}))])),
      );
      // A server that cannot list them gets the whole target, as before; asked again next time.
      keys = keys.catch(() => {
        ACTION_INPUT_KEYS.delete(key);
        return new Map();
      });
      ACTION_INPUT_KEYS.set(key, keys);
    }
    return keys;
  }

  private async vendorAction(action: string, input: Record<string, unknown> = {}): Promise<unknown> {
    const answer = await this.admin('POST', `/actions/${action}`, await this.actionBody(action, input));
    return answer.result;
  }

  /** A vendor action whose refusal is expected: its HTTP status, whatever it is. */
  private async vendorActionStatus(action: string, input: Record<string, unknown> = {}): Promise<number> {
    const body = await this.actionBody(action, input);
    const res = await this.vendorFetch(`${this.baseUrl}/__admin/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.text();
    return res.status;
  }

  /**
   * A person in the vendor's UI sees what the hub put there: `{{vendorRef:P1}}` is the vendor's id
   * of hub entry P1 (its last receipt), `{{trackingCode:P1}}` its `#AAAAA#` code (without the `#`).
   */
  private withHubValues(input: Record<string, unknown>): Record<string, unknown> {
    const fill = (value: string) =>
      value.replace(/\{\{(vendorRef|trackingCode):([A-Za-z0-9-]+)\}\}/g, (_, what: string, id: string) => {
        const record = this.hub.entry(id);
        const found = what === 'trackingCode' ? record?.trackingCode : record?.receipt?.vendorRef;
        if (!found) throw new ScenarioFailure(`no ${what} for hub entry ${id} (not sent yet?)`);
        return found;
      });
    return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? fill(v) : v]));
  }

  private async newRequests(): Promise<TimelineItem['requests']> {
    // On a shared server, this run's tenant's requests only (another run's interleave with them);
    // a request refused before its credentials named a tenant is then left out of the timeline.
    const requests = await this.journal({
      since: this.journalSince,
      limit: 500,
      ...(this.sharesVendorClock ? {} : { tenantId: this.tenantId }),
    });
    const list = requests.filter((r) => !r.path.startsWith('/__admin')).reverse();
    for (const r of requests) if (r.seq > this.journalSince) this.journalSince = r.seq;
    // The fields a JSON answer would carry: an absent body stays absent.
    return list.map(({ method, path, status, requestBody, responseBody }) => ({
      method,
      path,
      status,
      ...(requestBody === undefined ? {} : { requestBody }),
      ...(responseBody === undefined ? {} : { responseBody }),
    }));
  }

  /** The wizard's first screen: a connection with the tenant's credentials, kept for the next steps. */
  private async connect(credentials = this.wizardCredentials()): Promise<boolean> {
    if (this.connectionId) return true;
    const hubGiven = this.scenario.given.hub;
    const connection = await this.hub.connect({
      vendor: this.scenario.vendor,
      credentials,
      frequency: hubGiven.frequency,
      weeklyAccountSync: hubGiven.weeklyAccountSync,
    });
    if (!connection.ok) {
      this.lastError = connection.error;
      return false;
    }
    this.connectionId = connection.value.id;
    return true;
  }

  /** What the wizard's form holds for the tenant: the vendor's credentials, the fields it leaves empty left out. */
  private wizardCredentials(): Record<string, string> {
    const credentials: Record<string, string | undefined> = this.vendor.testing.credentials(this.tenant);
    return Object.fromEntries(Object.entries(credentials).filter((e): e is [string, string] => e[1] !== undefined));
  }

  private statuses(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of this.entryIds) {
      const record = this.hub.entry(id);
      if (!record) continue;
      // What the connector changed to send it (an account number cut...) shows while it is on its way.
      const notes = record.status.status === 'synchronizing' ? (record.receipt?.notes ?? []) : [];
      out[id] = [
        describeStatus(record.status),
        ...notes.map((n) => `${n.message}${n.catalogueId ? ` [${n.catalogueId}]` : ''}`),
      ].join('; ');
    }
    return out;
  }

  private async record(
    phase: TimelineItem['phase'],
    index: number,
    step: Step | undefined,
    extra: Partial<TimelineItem> = {},
  ) {
    this.timeline.push({
      phase,
      index,
      ...(step ? { step } : {}),
      at: this.clock.now().toISOString(),
      requests: await this.newRequests(),
      statuses: this.statuses(),
      ...extra,
    });
  }

  async run(phase: 'steps' | 'remedy', steps: readonly Step[]) {
    for (const [index, step] of steps.entries()) {
      let error: string | undefined;
      let checks: TimelineItem['checks'];
      try {
        checks = await this.step(step);
      } catch (e) {
        if (!(e instanceof ScenarioFailure)) throw e;
        error = e.message;
      }
      await this.record(phase, index, step, { ...(error ? { error } : {}), ...(checks ? { checks } : {}) });
      if (error) throw new ScenarioFailure(`${phase}[${index}] ${step.do}: ${error}`);
      const failed = checks?.filter((c) => !c.ok) ?? [];
      if (failed.length)
        throw new ScenarioFailure(`${phase}[${index}] check: ${failed.map((c) => c.description).join('; ')}`);
    }
  }

  private buildEntry(template: EntryTemplate): AccountingEntry {
    const base = {
      id: template.id,
      clientFileId: this.clientFile,
      date: template.date ?? this.scenario.start.slice(0, 10),
    };
    const builders = {
      purchase: purchaseEntry,
      sales: salesEntry,
      'expense-report': expenseReportEntry,
      bank: bankEntry,
    } as const;
    // The builder's own accounts and journal take the customer's; the id and client file are the scenario's.
    const entry = {
      ...this.customerValues(builders[template.kind](base)),
      id: base.id,
      clientFileId: base.clientFileId,
    };
    if (template.documentDate) entry.documentDate = template.documentDate;
    if (template.journal) entry.journal = template.journal;
    if (template.label) entry.label = template.label;
    if (template.lines) entry.lines = template.lines;
    if (template.attachments !== undefined)
      entry.attachments = Array.from({ length: template.attachments }, (_, i) => ({
        ...PDF,
        fileName: `piece-${i + 1}.pdf`,
      }));
    if (template.documentNumber === null) delete entry.documentNumber;
    else if (template.documentNumber !== undefined) entry.documentNumber = template.documentNumber;
    return entry;
  }

  private async step(step: Step): Promise<TimelineItem['checks'] | undefined> {
    if (step.do !== 'check') this.lastError = undefined;
    switch (step.do) {
      case 'link-file': {
        const credentials = this.wizardCredentials();
        if (step.credentials !== undefined && step.credentials !== 'valid') {
          const field = step.credentials === 'wrong' ? this.vendor.testing.mistypedField : step.credentials.wrong;
          if (!Object.hasOwn(credentials, field))
            throw new ScenarioFailure(
              `the ${this.scenario.vendor} wizard has no code "${field}" to mistype (it asks for ${Object.keys(credentials).join(', ')})`,
            );
          credentials[field] = `${credentials[field]}-WRONG`;
        }
        const hubGiven = this.scenario.given.hub;
        const connection = await this.hub.connect({
          vendor: this.scenario.vendor,
          credentials,
          frequency: hubGiven.frequency,
          weeklyAccountSync: hubGiven.weeklyAccountSync,
        });
        if (!connection.ok) {
          this.lastError = connection.error;
          return;
        }
        this.connectionId = connection.value.id;
        const linked = await this.hub.linkFile({
          clientFile: { id: CLIENT_FILE, name: `Client of ${this.tenantId}` },
          connectionId: this.connectionId,
          vendorFileId: this.fileId,
          thirdParties: hubGiven.thirdParties ?? DEFAULT_THIRD_PARTIES,
        });
        if (!linked.ok) this.lastError = linked.error;
        return;
      }
      case 'wizard': {
        if (!(await this.connect())) return;
        for (const file of step.clientFiles ?? []) await this.hub.addClientFile(file);
        const confirmed = await this.hub.confirmFileTable({
          connectionId: this.connectionId!,
          associations: Object.entries(step.associate ?? {}).map(([clientFileId, vendorFileId]) => ({
            clientFileId,
            vendorFileId,
          })),
        });
        if (!confirmed.ok) {
          this.lastError = confirmed.error;
          return;
        }
        const ours = Object.values(this.hub.store.data.links).find((l) => l.vendorFileId === this.fileId);
        if (ours) this.clientFile = ours.clientFileId;
        return;
      }
      case 'set-file-status': {
        const vendorFile = step.vendorFile ?? this.fileId;
        const link = Object.values(this.hub.store.data.links).find((l) => l.vendorFileId === vendorFile);
        if (!link) throw new ScenarioFailure(`no client file is linked to the vendor file ${vendorFile}`);
        const set = await this.hub.setFileActive(link.clientFileId, step.active);
        if (!set.ok) this.lastError = set.error;
        return;
      }
      case 'edit-credentials': {
        if (!this.connectionId) {
          // The first connection failed: the wizard is run again with the right keys.
          return this.step({ do: 'link-file' });
        }
        // The keys as the vendor has them now: an action (a regenerated key) may have changed them.
        this.tenant = await this.readTenant();
        const edited = await this.hub.editCredentials(this.connectionId, this.wizardCredentials());
        if (!edited.ok) this.lastError = edited.error;
        return;
      }
      case 'add-entry':
        await this.hub.addEntry(this.buildEntry(step.entry));
        this.entryIds.push(step.entry.id);
        return;
      case 'edit-entry':
        await this.hub.editEntry(this.buildEntry(step.entry));
        return;
      case 'mark-verified':
        for (const id of step.entries ?? this.entryIds) {
          const status = this.hub.entry(id)?.status.status;
          if (step.entries || status === 'to-verify' || status === 'sync-failed' || status === 'failed-check')
            await this.hub.markVerified(id);
        }
        return;
      case 'exclude':
        await this.hub.exclude(step.entry);
        return;
      case 'synchronize':
        await this.hub.synchronize(this.clientFile);
        return;
      case 'open-file': {
        const { openFileAction, openingMessages } = this.vendor.testing;
        if (!openFileAction) throw new ScenarioFailure(`${this.vendor.id} has no "open the file" action`);
        const result = await this.vendorAction(openFileAction);
        this.lastOpening = openingMessages?.(result) ?? [];
        return;
      }
      case 'advance-clock': {
        let body: object;
        if (step.to === 'next-night') body = { advance: 'next-night' };
        else if (step.to === 'next-evening') {
          const now = this.clock.now();
          const evening = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 20);
          body = { set: new Date(evening > now.getTime() ? evening : evening + 86_400_000).toISOString() };
        } else body = { advance: step.by ?? '1h' };
        // In-process the server's clock is the scenario's own. Against a shared server only the
        // tenant's time line moves, and the hub's clock follows it; in-process it is the same
        // clock, and a second set would wake every timer on it twice.
        const { now } = await this.admin(
          'POST',
          this.sharesVendorClock ? '/clock' : `/tenants/${this.tenantId}/clock`,
          body,
        );
        if (!this.sharesVendorClock) this.clock.set(now);
        await this.hub.runScheduler();
        return;
      }
      case 'vendor-action':
        if (step.refused) {
          const before = JSON.stringify(await this.readTenant(false));
          const status = await this.vendorActionStatus(step.action, step.input && this.withHubValues(step.input));
          if (status < 400 || status >= 500)
            throw new ScenarioFailure(`the vendor answered ${status} to ${step.action}, where it refuses it`);
          if (JSON.stringify(await this.readTenant(false)) !== before)
            throw new ScenarioFailure(`the vendor refused ${step.action} but changed its state`);
          return;
        }
        await this.vendorAction(step.action, step.input && this.withHubValues(step.input));
        return;
      case 'refresh-reference-data': {
        const refreshed = await this.hub.refreshReferenceData(this.clientFile);
        if (!refreshed.ok) this.lastError = refreshed.error;
        return;
      }
      case 'set-integration':
        if (this.connectionId) await this.hub.setIntegrationEnabled(this.connectionId, step.enabled);
        return;
      case 'set-frequency':
        if (this.connectionId) await this.hub.setFrequency(this.connectionId, step.frequency);
        return;
      case 'inject-fault': {
        const { faults } = (await this.admin('POST', '/faults', step.fault)) as { faults: { id: number }[] };
        this.armedFaults.push(...faults.map((f) => f.id));
        return;
      }
      case 'clear-faults':
        await this.disarmFaults();
        return;
      case 'check':
        return this.evaluate(step.expect);
    }
  }

  async check(phase: 'expect' | 'remedy-expect', expectations: readonly Expectation[]): Promise<string[]> {
    const checks = await this.evaluate(expectations);
    await this.record(phase, 0, undefined, { checks });
    return checks.filter((c) => !c.ok).map((c) => `${phase}: ${c.description}`);
  }

  private async evaluate(expectations: readonly Expectation[]): Promise<{ ok: boolean; description: string }[]> {
    // Read, not copied: the expectations only look, and what they ask the vendor meanwhile (GETs) changes nothing.
    const tenant = await this.readTenant(false);
    return Promise.all(expectations.map(async (e) => this.evaluateOne(e, tenant)));
  }

  private async evaluateOne(e: Expectation, tenant: unknown): Promise<{ ok: boolean; description: string }> {
    const result = (ok: boolean, description: string, actual?: unknown) => ({
      ok,
      description: ok ? description : `${description} (got ${JSON.stringify(actual)})`,
    });
    switch (e.expect) {
      case 'status': {
        const status = this.hub.entry(e.entry)?.status;
        let description = `entry ${e.entry} is ${e.is}`;
        let ok = status?.status === e.is;
        if (e.catalogueId) {
          description += ` with ${e.catalogueId}`;
          ok &&= status !== undefined && 'catalogueId' in status && status.catalogueId === e.catalogueId;
          const entry = getEntry(e.catalogueId);
          if (entry.messages.length > 0 && status && 'message' in status) {
            const expected = expectedMessage(e.catalogueId, e.params, e.variant);
            description += ` and the message "${expected.text}"`;
            ok &&= expected.matches(status.message);
          }
        }
        return result(ok, description, status);
      }
      case 'vendor-entry': {
        const found = this.vendorEntryOf(tenant, e.entry);
        const checks: [boolean, string][] = [[found !== undefined, `the vendor holds entry ${e.entry}`]];
        if (found) {
          if (e.state) checks.push([found.state === e.state, `in state ${e.state}`]);
          if (e.label !== undefined) checks.push([found.label === e.label, `labelled "${e.label}"`]);
          if (e.documentNumber !== undefined)
            checks.push([found.documentNumber === e.documentNumber, `numbered "${e.documentNumber}"`]);
          if (e.documentNumberMatches)
            checks.push([
              new RegExp(e.documentNumberMatches).test(found.documentNumber ?? ''),
              `numbered /${e.documentNumberMatches}/`,
            ]);
          if (e.attachments !== undefined)
            checks.push([found.attachments === e.attachments, `with ${e.attachments} attachment(s)`]);
          if (e.postingDate !== undefined)
            checks.push([found.postingDate === e.postingDate, `booked on ${e.postingDate}`]);
          if (e.analytics !== undefined)
            checks.push([found.analytics === e.analytics, `with ${e.analytics} analytic allocation(s) received`]);
          if (e.commentContains)
            checks.push([
              found.comment?.includes(e.commentContains) ?? false,
              `its comment contains "${e.commentContains}"`,
            ]);
          if (e.trackingCode) {
            const code = this.hub.entry(e.entry)!.trackingCode;
            checks.push([found.marker === code, `it carries the tracking code ${code}`]);
          }
        }
        return result(
          checks.every(([ok]) => ok),
          checks.map(([, d]) => d).join(', '),
          found,
        );
      }
      case 'vendor-entry-count': {
        const all = this.vendor.testing
          .vendorEntries(tenant, this.fileId)
          .filter((v) => !e.state || v.state === e.state);
        return result(
          all.length === e.count,
          `the vendor holds ${e.count} ${e.state ?? ''} entries`.replace(/\s+/g, ' '),
          all.length,
        );
      }
      case 'vendor-state': {
        let node: unknown = tenant;
        for (const key of e.path)
          node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
        if (e.exists !== undefined)
          return result(
            (node !== undefined) === e.exists,
            `${e.path.join('.')} ${e.exists ? 'exists' : 'does not exist'}`,
            node,
          );
        return result(
          JSON.stringify(node) === JSON.stringify(e.equals),
          `${e.path.join('.')} = ${JSON.stringify(e.equals)}`,
          node,
        );
      }
      case 'reference-data': {
        const data = this.hub.store.data.referenceData[this.clientFile];
        if (
          e.pulled !== undefined &&
          !e.account &&
          !e.journal &&
          !e.subsidiaryAccount &&
          !e.noAccount &&
          !e.noSubsidiaryAccount &&
          e.openFiscalYears === undefined
        )
          return result(
            Boolean(data) === e.pulled,
            `reference data ${e.pulled ? 'pulled' : 'not pulled'}`,
            Boolean(data),
          );
        if (!data) return result(false, 'reference data pulled', undefined);
        const checks: [boolean, string][] = [];
        if (e.account) {
          const account = data.accounts.find((a) => a.number === e.account!.number);
          checks.push([
            account !== undefined &&
              (e.account.label === undefined || account.label === e.account.label) &&
              (e.account.collective === undefined || account.collective === e.account.collective),
            `account ${JSON.stringify(e.account)}`,
          ]);
        }
        if (e.journal) checks.push([data.journals.some((j) => j.code === e.journal), `journal ${e.journal}`]);
        if (e.subsidiaryAccount)
          checks.push([
            data.subsidiaryAccounts.some((s) => s.code === e.subsidiaryAccount) ||
              data.thirdParties.some((t) => t.subsidiaryAccount === e.subsidiaryAccount),
            `subsidiary account ${e.subsidiaryAccount}`,
          ]);
        const hasSubsidiary = (code: string) =>
          data.subsidiaryAccounts.some((s) => s.code === code) ||
          data.thirdParties.some((t) => t.subsidiaryAccount === code);
        if (e.noAccount)
          checks.push([!data.accounts.some((a) => a.number === e.noAccount), `no account ${e.noAccount}`]);
        if (e.noSubsidiaryAccount)
          checks.push([!hasSubsidiary(e.noSubsidiaryAccount), `no subsidiary account ${e.noSubsidiaryAccount}`]);
        if (e.openFiscalYears !== undefined)
          checks.push([
            data.fiscalYears.filter((f) => f.status === 'open').length === e.openFiscalYears,
            `${e.openFiscalYears} open fiscal years`,
          ]);
        return result(
          checks.every(([ok]) => ok),
          `the hub's reference data has ${checks.map(([, d]) => d).join(', ')}`,
          { accounts: data.accounts.length, journals: data.journals.map((j) => j.code), fiscalYears: data.fiscalYears },
        );
      }
      case 'requests': {
        // This scenario's requests only: its tenant, since it began (a shared server serves others too).
        const requests = await this.journal({
          limit: 10_000,
          tenantId: this.tenantId,
          since: this.journalStart,
          ...(e.method ? { method: e.method } : {}),
          ...(e.path ? { path: e.path } : {}),
          ...(e.status ? { status: e.status } : {}),
        });
        const n = requests.filter((r) => !r.path.startsWith('/__admin')).length;
        const what = `${e.method ?? 'any'} requests to ${e.path ?? 'any path'}${e.status ? ` answered ${e.status}` : ''}`;
        if (e.count !== undefined) return result(n === e.count, `${e.count} ${what}`, n);
        return result(n >= (e.atLeast ?? 1), `at least ${e.atLeast ?? 1} ${what}`, n);
      }
      case 'step-error': {
        const error = this.lastError;
        if (e.none) return result(error === undefined, 'the last step succeeded', error);
        let ok =
          error !== undefined &&
          (e.catalogueId === undefined || (error.kind === 'vendor-rejection' && error.catalogueId === e.catalogueId));
        let description = `the last step failed${e.catalogueId ? ` with ${e.catalogueId}` : ''}`;
        if (e.catalogueId && e.params) {
          const file = e.params.file ?? (await this.vendorFileName());
          const expected = expectedMessage(e.catalogueId, { ...(file ? { file } : {}), ...e.params });
          description += ` and the message "${expected.text}"`;
          ok &&= error !== undefined && expected.matches(error.message);
        }
        return result(ok, description, error);
      }
      case 'client-files': {
        const { clientFiles, links, referenceData } = this.hub.store.data;
        const checks: [boolean, string][] = [];
        if (e.count !== undefined)
          checks.push([Object.keys(clientFiles).length === e.count, `${e.count} client files in the hub`]);
        const f = e.file;
        let actual: unknown = { clientFiles, links };
        if (f) {
          const link = f.vendorFile
            ? Object.values(links).find((l) => l.vendorFileId === f.vendorFile)
            : f.clientFile
              ? links[f.clientFile]
              : undefined;
          const id = f.clientFile ?? link?.clientFileId;
          const file = id ? clientFiles[id] : undefined;
          actual = { file, link, pulled: id ? Boolean(referenceData[id]) : undefined };
          const what = f.clientFile ? `client file ${f.clientFile}` : `the client file of vendor file ${f.vendorFile}`;
          checks.push([file !== undefined, `${what} exists`]);
          if (f.clientFile && f.vendorFile)
            checks.push([link?.clientFileId === f.clientFile, `linked to vendor file ${f.vendorFile}`]);
          if (f.name !== undefined) checks.push([file?.name === f.name, `named "${f.name}"`]);
          if (f.linked !== undefined)
            checks.push([(link !== undefined) === f.linked, f.linked ? 'linked' : 'not linked']);
          if (f.active !== undefined) checks.push([link?.active === f.active, f.active ? 'active' : 'inactive']);
          if (f.pulled !== undefined)
            checks.push([
              Boolean(id && referenceData[id]) === f.pulled,
              f.pulled ? 'with its reference data' : 'nothing pulled',
            ]);
        }
        return result(
          checks.every(([ok]) => ok),
          checks.map(([, d]) => d).join(', '),
          actual,
        );
      }
      case 'vendor-file': {
        if (!this.connectionId) return result(false, 'a vendor connection', undefined);
        const files = await this.hub.listVendorFiles(this.connectionId);
        const fileId = e.file ?? this.fileId;
        const file = files.ok ? files.value.find((f) => f.id === fileId) : undefined;
        if (e.listed === false)
          return result(
            files.ok && file === undefined,
            `the vendor does not list file ${fileId}`,
            files.ok ? files.value.map((f) => f.id) : files.error,
          );
        const checks: [boolean, string][] = [[file !== undefined, `the vendor lists file ${fileId}`]];
        if (file && e.connected !== undefined)
          checks.push([file.connected === e.connected, e.connected ? 'connected' : 'disconnected']);
        if (file && e.problem !== undefined)
          checks.push([
            (file.problem?.catalogueId ?? null) === e.problem,
            e.problem ? `with the problem ${e.problem}` : 'with no problem',
          ]);
        return result(
          checks.every(([ok]) => ok),
          checks.map(([, d]) => d).join(', '),
          file,
        );
      }
      case 'vendor-message': {
        const expected = expectedMessage(e.catalogueId, e.params);
        const shown = this.lastOpening.some((message) => expected.matches(message));
        return result(
          e.absent ? !shown : shown,
          `the vendor ${e.absent ? 'did not show' : 'showed'} "${expected.text}"`,
          this.lastOpening,
        );
      }
    }
  }

  /** The name the vendor gives the scenario's file (what its messages call it). */
  private async vendorFileName(): Promise<string | undefined> {
    if (!this.connectionId) return undefined;
    const files = await this.hub.listVendorFiles(this.connectionId);
    return files.ok ? files.value.find((f) => f.id === this.fileId)?.name : undefined;
  }

  private vendorEntryOf(tenant: unknown, entryId: string) {
    const record = this.hub.entry(entryId);
    if (!record?.receipt) return undefined;
    const views = this.vendor.testing.vendorEntries(tenant, this.fileId);
    // The copy of the latest send: a resend under the same tracking code leaves the rejected one beside it.
    // (A Quadra file holds several entries under one ref: the marker tells them apart.)
    const { marker, vendorRef } = record.receipt;
    const byMarker = (v: VendorEntryView) => Boolean(marker) && v.marker === marker;
    return (
      views.find((v) => v.ref === vendorRef && (!marker || byMarker(v))) ??
      views.findLast(byMarker) ??
      views.find((v) => v.ref === vendorRef)
    );
  }
}

const DEFAULT_THIRD_PARTIES = [
  { id: 'FBUREAU', kind: 'supplier' as const, name: 'Bureau Vallée', subsidiaryAccount: 'FBUREAU' },
  { id: 'CDUPONT', kind: 'customer' as const, name: 'Dupont SARL', subsidiaryAccount: 'CDUPONT' },
  { id: 'SMARTIN', kind: 'employee' as const, name: 'Sophie Martin', subsidiaryAccount: 'SMARTIN' },
];

export function describeStatus(status: SyncStatus): string {
  switch (status.status) {
    case 'sync-failed':
    case 'failed-check':
      return `${status.status}: ${status.message}${status.catalogueId ? ` [${status.catalogueId}]` : ''}`;
    case 'pending':
      return status.reason
        ? `pending: ${status.reason}${status.catalogueId ? ` [${status.catalogueId}]` : ''}`
        : 'pending';
    case 'posted':
      return status.documentNumber ? `posted as ${status.documentNumber}` : 'posted';
    default:
      return status.status;
  }
}
