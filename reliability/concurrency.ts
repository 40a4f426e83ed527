import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createVirtualClock } from '../core/clock.js';
import { serveApp } from '../simulators/kit/serve.js';
import { openFileStore } from '../core/store.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { SageGeStateSchema, type SageGeState } from '../simulators/sage-ge/state/schema.js';
import { IDS, START, sageEntry, sageState } from './worlds.js';

/**
 * Concurrency: `clients` concurrent clients push entries with an empty document number to one
 * Sage GE journal through a real server over a file store, while admin actions run at the same
 * time (the accounting opened mid-stream, another tenant's journal locked and unlocked, tenants
 * added and removed, faults added and cleared, the clock moved, the state read). Then the
 * accounting is opened: the auto-numbers must be unique and gap-free, the state must still parse
 * with the schema, and the files on disk must hold exactly the state in memory.
 */

export interface ConcurrencyFigures {
  clients: number;
  pushed: number;
  adminActions: number;
  /** Answers other than the expected (a push not 202, an admin action not 2xx). */
  unexpectedAnswers: string[];
  injected: number;
  /** Document numbers given twice, and numbers missing in 1..N. */
  duplicateNumbers: number;
  gaps: number;
  stateMatchesSchema: boolean;
  /** The files (snapshot + log, as a crash would leave them) replay to the state in memory. */
  diskMatchesMemory: boolean;
}

export async function concurrentPushes(options: { clients: number; perClient: number }): Promise<ConcurrencyFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-concurrency-'));
  const clock = createVirtualClock({ start: START });
  const store = await openFileStore<SageGeState>({
    dir,
    name: 'sage-ge',
    schema: SageGeStateSchema,
    initial: () => sageState(clock.now()),
  });
  const sim = createSageGeSimulator({ clock, store });
  const server = await serveApp(sim.app.fetch, { port: 0 });
  const A = IDS.sage.A;
  const B = IDS.sage.B;
  const figures: ConcurrencyFigures = {
    clients: options.clients,
    pushed: 0,
    adminActions: 0,
    unexpectedAnswers: [],
    injected: 0,
    duplicateNumbers: 0,
    gaps: 0,
    stateMatchesSchema: false,
    diskMatchesMemory: false,
  };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };
  try {
    let pushing = true;
    const client = async (c: number) => {
      for (let n = 0; n < options.perClient; n++) {
        const res = await call(
          'POST',
          `/api/v1/files/${A.file}/entries`,
          sageEntry({ documentNumber: '', comment: `client ${c} entry ${n}` }),
          { authorization: `Bearer ${A.ge}` },
        );
        figures.pushed += 1;
        if (res.status !== 202) figures.unexpectedAnswers.push(`push ${res.status} ${res.text.slice(0, 200)}`);
      }
    };
    const admin = async () => {
      const actions: [string, string, unknown?][] = [
        ['POST', '/__admin/actions/open-accounting', { entityId: A.entity, fileId: A.file }],
        [
          'POST',
          '/__admin/actions/set-journal-lock',
          { entityId: B.entity, fileId: B.file, journal: 'AC', locked: true },
        ],
        [
          'POST',
          '/__admin/actions/set-journal-lock',
          { entityId: B.entity, fileId: B.file, journal: 'AC', locked: false },
        ],
        // A copy of B with its own identifier: two tenants may not share one (409).
        [
          'PUT',
          '/__admin/tenants/EC',
          {
            ...JSON.parse(JSON.stringify(sim.store.data.tenants[B.entity])),
            geIdentifier: `${sim.store.data.tenants[B.entity]!.geIdentifier}-EC`,
          },
        ],
        ['DELETE', '/__admin/tenants/EC'],
        ['POST', '/__admin/faults', { path: '/nowhere/**', kind: 'status', status: 503, probability: 0 }],
        ['DELETE', '/__admin/faults'],
        ['POST', '/__admin/clock', { advance: '1m' }],
        ['GET', '/__admin/state'],
        ['GET', '/__admin/requests?limit=50'],
      ];
      for (let i = 0; pushing; i++) {
        const [method, path, body] = actions[i % actions.length]!;
        const res = await call(method, path, body === undefined ? undefined : { ...(body as object) });
        figures.adminActions += 1;
        // Deleting a tenant that a previous round already deleted is an honest 404.
        if (res.status >= 300 && !(method === 'DELETE' && res.status === 404))
          figures.unexpectedAnswers.push(`${method} ${path} ${res.status} ${res.text.slice(0, 200)}`);
      }
    };
    const adminRuns = Array.from({ length: 3 }, () => admin());
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
    pushing = false;
    await Promise.all(adminRuns);
    const opened = await call('POST', '/__admin/actions/open-accounting', { entityId: A.entity, fileId: A.file });
    if (opened.status !== 200) figures.unexpectedAnswers.push(`open-accounting ${opened.status} ${opened.text}`);
    await store.flush();

    const file = sim.store.data.tenants[A.entity]!.files[A.file]!;
    const pushedByClients = Object.values(file.entries).filter((e) => e.request.comment.startsWith('client '));
    const numbers = pushedByClients.filter((e) => e.status === 'injected').map((e) => e.documentNumber ?? '');
    figures.injected = numbers.length;
    figures.duplicateNumbers = numbers.length - new Set(numbers).size;
    const expected = Array.from({ length: pushedByClients.length }, (_, i) => `AC${String(i + 1).padStart(6, '0')}`);
    const given = new Set(numbers);
    figures.gaps = expected.filter((n) => !given.has(n)).length;
    figures.stateMatchesSchema = SageGeStateSchema.safeParse(sim.store.data).success;

    // The files as they are now (no final snapshot): replayed, they are the state in memory.
    const copy = `${dir}-copy`;
    await cp(dir, copy, { recursive: true });
    const reopened = await openFileStore<SageGeState>({
      dir: copy,
      name: 'sage-ge',
      schema: SageGeStateSchema,
      initial: () => ({ tenants: {} }),
    });
    // Loading parses with the schema (its key order): compare as values, both through the schema.
    figures.diskMatchesMemory = isDeepStrictEqual(reopened.data, SageGeStateSchema.parse(sim.store.data));
    await reopened.close();
    return figures;
  } finally {
    await server.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}-copy`, { recursive: true, force: true });
  }
}
