import type { ChildProcess } from 'node:child_process';
import { exitOf, startLedgersimChild } from '../cli/child.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshot } from '../core/snapshot.js';
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
  logLines: number;
  tornLogLines: number;
  snapshotParses: boolean;
  stateMatchesSchema: boolean;
}

function startChild(dataDir: string, children: ChildProcess[]) {
  const started = startLedgersimChild(['--data', dataDir]);
  void started.then(({ child }) => children.push(child), () => undefined);
  return started;
}

const exited = (child: ChildProcess) => exitOf(child).then(() => undefined);

/** A tracking code `#XXXXX#` from a client and a sequence number, unique in the run. */
const code = (client: number, n: number) => `${client.toString(36).toUpperCase()}${n.toString(36).toUpperCase().padStart(4, '0')}`.slice(-5);

export async function crashRun(options: { clients: number; killAfterAcks: number; file?: string }): Promise<CrashFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-crash-'));
  const children: ChildProcess[] = [];
  const file = options.file ?? 'healthy';
  try {
    const first = await startChild(dir, children);
    const acked = new Map<string, string>(); // tracking code → entry id
    const attempted = new Set<string>();
    let answered = 0;
    let killed = false;
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
            headers: { authorization: `Bearer ${first.identifier}`, 'content-type': 'application/json', 'idempotency-key': `crash-${tracking}` },
            body: JSON.stringify(sageEntry({ comment: `crash test #${tracking}#`, documentNumber: '' })),
            signal: AbortSignal.timeout(10_000),
          });
          const body = (await res.json()) as { id?: string };
          answered += 1;
          if (res.status === 202 && body.id) acked.set(tracking, body.id);
          else if (!killed) throw new Error(`push answered ${res.status} ${JSON.stringify(body)}`);
          if (acked.size >= options.killAfterAcks) kill();
        } catch (error) {
          if (!killed) throw error;
          return; // the connection died with the process: this push was never acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c + 1)));
    await exited(first.child);

    // The files as the kill left them.
    const snapshotText = await readFile(join(dir, 'sage-ge.json'), 'utf8');
    let snapshotParses = true;
    try {
      JSON.parse(snapshotText);
    } catch {
      snapshotParses = false;
    }
    const logText = await readFile(join(dir, 'sage-ge.log'), 'utf8').catch(() => '');
    const lines = logText.split('\n');
    const complete = lines.slice(0, -1);
    let tornLogLines = lines[lines.length - 1] === '' ? 0 : 1;
    for (const line of complete) {
      try {
        JSON.parse(line);
      } catch {
        tornLogLines += 100; // a bad line before the last: corruption, never acceptable
      }
    }

    // Restart, read everything back, stop cleanly (a final snapshot), and read the file too.
    const second = await startChild(dir, children);
    const res = await fetch(`${second.url}/api/v1/files/${file}/entries?limit=1000`, { headers: { authorization: `Bearer ${second.identifier}` } });
    const listed = ((await res.json()) as { entries: { id: string; trackingCode: string | null; status: string }[] }).entries;
    second.child.kill('SIGTERM');
    await exited(second.child);
    JSON.parse(await readFile(join(dir, 'sage-ge.json'), 'utf8')); // one JSON document
    const final = await readSnapshot(join(dir, 'sage-ge.json'));
    const parsed = SageGeStateSchema.safeParse(final.state);
    const entity = Object.values(parsed.success ? parsed.data.tenants : {}).find((e) => e.geIdentifier === first.identifier);
    const stored = Object.values(entity?.files[file]?.entries ?? {}).filter((e) => e.request.comment.startsWith('crash test'));
    const storedByCode = new Map<string, string[]>();
    for (const e of stored) storedByCode.set(e.trackingCode ?? '', [...(storedByCode.get(e.trackingCode ?? '') ?? []), e.id]);
    const listedCodes = new Set(listed.map((e) => e.trackingCode));
    let lost = 0;
    for (const [tracking, id] of acked) if (!storedByCode.get(tracking)?.includes(id) || (acked.size <= 1000 && !listedCodes.has(tracking))) lost += 1;
    let unexpected = 0;
    for (const [tracking, ids] of storedByCode) if (!attempted.has(tracking) || ids.length !== 1) unexpected += 1;
    return {
      clients: options.clients,
      attempted: attempted.size,
      acknowledged: acked.size,
      unanswered: attempted.size - answered,
      lost,
      unexpected,
      logLines: complete.length,
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
