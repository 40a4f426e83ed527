import type { ChildProcess } from 'node:child_process';
import { exitOf, startLedgersimChild } from '../cli/child.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileLayer } from '../core/file-layer.js';
import { loadData } from '../core/load.js';
import { DataFileError } from '../core/records.js';
import { SageGeStateSchema } from '../simulators/sage-ge/state/schema.js';
import { sageEntry } from './worlds.js';

/**
 * Crashes: `ledgersim start --data DIR` as a child process, concurrent clients pushing Sage GE
 * entries, a SIGKILL in the middle, a restart. Every entry answered 2xx before the kill must be
 * there after it; the data files must parse (a torn last log line is allowed: it was never
 * acknowledged, and the store drops it); nothing half-written.
 */

export interface CrashFigures {
  clients: number;
  attempted: number;
  acknowledged: number;
  /** Pushes in flight at the kill (no answer): may or may not be there. */
  unanswered: number;
  /** Acknowledged entries missing after the restart: must be 0. */
  lost: number;
  /** Entries after the restart that no client attempted, or attempted twice: must be 0. */
  unexpected: number;
  /** `PUT /__admin/state` calls that completed during the run. */
  replaces: number;
  logLines: number;
  tornLogLines: number;
  /** The files as the kill left them pass every check (checksums, sequence, chain of generations). */
  snapshotParses: boolean;
  stateMatchesSchema: boolean;
}

function startChild(dataDir: string, children: ChildProcess[]) {
  const started = startLedgersimChild(['--data', dataDir]);
  void started.then(
    ({ child }) => children.push(child),
    () => undefined,
  );
  return started;
}

const exited = (child: ChildProcess) => exitOf(child).then(() => undefined);

/** A tracking code `#XXXXX#` from a client and a sequence number, unique in the run. */
const code = (client: number, n: number) =>
  `${client.toString(36).toUpperCase()}${n.toString(36).toUpperCase().padStart(4, '0')}`.slice(-5);

/**
 * With `replaces`, a second phase first: `PUT /__admin/state` (the state as it was at the start)
 * that many times while the clients push. A replace legitimately removes the entries applied
 * before it, so the entries that must survive are read from the simulator once the replaces are
 * over (those in its memory then), plus every entry acknowledged after that read.
 */
export async function crashRun(options: {
  clients: number;
  killAfterAcks: number;
  file?: string;
  replaces?: number;
}): Promise<CrashFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-crash-'));
  const children: ChildProcess[] = [];
  const file = options.file ?? 'healthy';
  try {
    const first = await startChild(dir, children);
    const acked = new Map<string, string>(); // tracking code → entry id
    const attempted = new Set<string>();
    let answered = 0;
    let killed = false;
    let replaces = 0;
    const mustSurvive = new Set<string>();
    let counting = (options.replaces ?? 0) === 0;
    const admin = (path: string, init?: RequestInit) =>
      fetch(`${first.url}/__admin${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...init?.headers },
      });
    const initialState = options.replaces ? await (await admin('/state')).text() : '';
    const kill = () => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    const client = async (c: number) => {
      for (let n = 0; !killed; n++) {
        const tracking = code(c, n);
        attempted.add(tracking);
        try {
          const res = await fetch(`${first.url}/api/v1/files/${file}/entries`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${first.identifier}`,
              'content-type': 'application/json',
              'idempotency-key': `crash-${tracking}`,
            },
            body: JSON.stringify(sageEntry({ comment: `crash test #${tracking}#`, documentNumber: '' })),
            signal: AbortSignal.timeout(10_000),
          });
          const body = (await res.json()) as { id?: string };
          answered += 1;
          if (res.status === 202 && body.id) {
            acked.set(tracking, body.id);
            if (counting) mustSurvive.add(tracking);
          } else if (!killed) throw new Error(`push answered ${res.status} ${JSON.stringify(body)}`);
          if (counting && mustSurvive.size >= options.killAfterAcks) kill();
        } catch (error) {
          if (!killed) throw error;
          return; // the connection died with the process: this push was never acknowledged
        }
      }
    };
    const replacer = async () => {
      for (let i = 0; i < (options.replaces ?? 0); i++) {
        const res = await admin('/state', { method: 'PUT', body: initialState });
        if (res.status !== 200) throw new Error(`PUT /__admin/state answered ${res.status} ${await res.text()}`);
        replaces += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // What the simulator holds now must all survive: read it, then count every later ack too.
      const listing = await fetch(`${first.url}/api/v1/files/${file}/entries?limit=1000`, {
        headers: { authorization: `Bearer ${first.identifier}` },
      });
      const held = ((await listing.json()) as { entries: { trackingCode: string | null }[] }).entries;
      const heldCodes = new Set(held.map((e) => e.trackingCode));
      for (const tracking of acked.keys()) if (heldCodes.has(tracking)) mustSurvive.add(tracking);
      counting = true;
    };
    await Promise.all([replacer(), ...Array.from({ length: options.clients }, (_, c) => client(c + 1))]);
    await exited(first.child);

    // The files as the kill left them, checked as `ledgersim check` does.
    let snapshotParses = true;
    let logLines = 0;
    let tornLogLines = 0;
    try {
      const loaded = await loadData(nodeFileLayer, dir, 'sage-ge');
      logLines = loaded.records;
      tornLogLines = loaded.tornBytes > 0 ? 1 : 0;
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      snapshotParses = false;
      tornLogLines = 100; // a damaged record: never acceptable
    }

    // Restart, read everything back, stop cleanly (a final snapshot), and read the file too.
    const second = await startChild(dir, children);
    const res = await fetch(`${second.url}/api/v1/files/${file}/entries?limit=1000`, {
      headers: { authorization: `Bearer ${second.identifier}` },
    });
    const listed = ((await res.json()) as { entries: { id: string; trackingCode: string | null; status: string }[] })
      .entries;
    second.child.kill('SIGTERM');
    await exited(second.child);
    JSON.parse(await readFile(join(dir, 'sage-ge.json'), 'utf8')); // one JSON document
    const final = await loadData(nodeFileLayer, dir, 'sage-ge');
    const parsed = SageGeStateSchema.safeParse(final.state);
    const entity = Object.values(parsed.success ? parsed.data.tenants : {}).find(
      (e) => e.geIdentifier === first.identifier,
    );
    const stored = Object.values(entity?.files[file]?.entries ?? {}).filter((e) =>
      e.request.comment.startsWith('crash test'),
    );
    const storedByCode = new Map<string, string[]>();
    for (const e of stored)
      storedByCode.set(e.trackingCode ?? '', [...(storedByCode.get(e.trackingCode ?? '') ?? []), e.id]);
    const listedCodes = new Set(listed.map((e) => e.trackingCode));
    let lost = 0;
    for (const [tracking, id] of acked) {
      if (!mustSurvive.has(tracking)) continue; // applied before a later replace: rightly gone
      if (!storedByCode.get(tracking)?.includes(id) || (acked.size <= 1000 && !listedCodes.has(tracking))) lost += 1;
    }
    let unexpected = 0;
    for (const [tracking, ids] of storedByCode) if (!attempted.has(tracking) || ids.length !== 1) unexpected += 1;
    return {
      clients: options.clients,
      attempted: attempted.size,
      acknowledged: acked.size,
      unanswered: attempted.size - answered,
      lost,
      unexpected,
      replaces,
      logLines,
      tornLogLines,
      snapshotParses,
      stateMatchesSchema: parsed.success,
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await rm(dir, { recursive: true, force: true });
  }
}
