import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { set } from '../../core/changes.js';
import { schemaFingerprint } from '../../core/load.js';
import { logHeader, logRecord, snapshotLines } from '../../core/records.js';
import { EntryPushRequestSchema, type EntryPushRequest } from '../../contracts/sage-ge/wire.js';
import { sageGeDemoState } from '../../simulators/sage-ge/seed/demo.js';
import { SageGeStateSchema, type EntryState, type SageGeState } from '../../simulators/sage-ge/state/schema.js';

/** The virtual clock of every ledgersim the bench starts, so the state it builds is valid then. */
export const BENCH_NOW = '2026-03-16T09:00:00.000Z';
export const BENCH_SEED = 1;
/** The demo firm and file every push goes to: a healthy file, no configuration problem. */
export const BENCH_ENTITY = 'ENT-1';
export const BENCH_FILE = 'healthy';
export const PUSH_PATH = `/api/v1/files/${BENCH_FILE}/entries`;

/**
 * A valid, balanced purchase entry of about 1 KB, as the hub pushes it: an empty document number
 * (GE numbers it), the `#AAAAA#` tracking code in the comment, a supplier line on 401000.
 */
export function pushBody(): EntryPushRequest {
  const entry: EntryPushRequest = {
    kind: 'purchase',
    journalCode: 'AC',
    postingDate: '2026-03-12',
    documentDate: '2026-03-10',
    documentNumber: '',
    label: 'Facture Fournitures Bureau Moderne n° FBM-2026-00417 du 10/03/2026',
    comment:
      '#K7Q2P# Facture fournisseur reçue par e-mail le 11/03/2026, rapprochée du bon de commande BC-2026-0188 ' +
      'et du bon de livraison BL-55120; validée par la collaboratrice comptable; TVA déductible à 20 %. ' +
      'Paiement prévu par virement à 30 jours fin de mois, escompte néant, pénalités de retard selon CGV.',
    lines: [
      {
        accountNumber: '606400',
        label: 'Fournitures administratives - papier, classeurs, stylos',
        debit: 412.5,
        credit: 0,
      },
      { accountNumber: '613500', label: 'Location copieur mars 2026 - contrat LOC-8812', debit: 189.9, credit: 0 },
      { accountNumber: '445660', label: 'TVA déductible 20 % sur fournitures et location', debit: 120.48, credit: 0 },
      {
        accountNumber: '401000',
        subsidiaryAccount: 'F00417',
        label: 'Fournitures Bureau Moderne - FBM-2026-00417',
        debit: 0,
        credit: 722.88,
      },
    ],
    attachments: [],
  };
  return EntryPushRequestSchema.parse(entry);
}

/** The demo state of the bench's seed, with `count` injected entries already in the bench file. */
export function benchState(count: number): SageGeState {
  const state = sageGeDemoState(BENCH_SEED, new Date(BENCH_NOW));
  const file = state.tenants[BENCH_ENTITY]!.files[BENCH_FILE]!;
  const request = { ...pushBody(), attachments: [] };
  const at = Date.parse(BENCH_NOW) - 90 * 86_400_000;
  for (let seq = 1; seq <= count; seq++) {
    const id = `ENT-${String(seq).padStart(6, '0')}`;
    const queuedAt = new Date(at + seq * 60_000).toISOString();
    const entry: EntryState = {
      id,
      seq,
      status: 'injected',
      queuedAt,
      processedAt: queuedAt,
      trackingCode: 'K7Q2P',
      request,
      documentNumber: `AC${String(seq).padStart(6, '0')}`,
      label: request.label,
      attachmentsKept: 0,
    };
    file.entries[id] = entry;
  }
  file.nextEntrySeq = count + 1;
  file.journals.AC!.autoNumbering.next = count + 1;
  return state;
}

/** The GE identifier the bench authenticates with. */
export const benchIdentifier = (state: SageGeState): string => state.tenants[BENCH_ENTITY]!.geIdentifier;

/**
 * Writes a data directory's Sage GE snapshot in the file store's own format
 * (the checksummed chunked snapshot of `core/records.ts`, as the store itself writes it),
 * so that 100,000 stored entries take a second to prepare instead of 100,000 HTTP pushes.
 * The store validates it with the state schema when it opens it.
 */
export async function writeSnapshot(path: string, state: SageGeState): Promise<number> {
  // Line by line: 1,000,000 entries are past the longest string V8 can build. Under the state
  // schema's fingerprint, as the store writes it: the start-up rows measure a directory that a
  // ledgersim stopped cleanly, which is loaded without validating it again.
  const schema = schemaFingerprint(SageGeStateSchema);
  const bytes = await writeLines(path, snapshotLines(state, 0, 1, undefined, schema));
  // The log generation the snapshot names, empty but for its header.
  await writeFile(path.replace(/\.json$/, '.1.log'), logHeader(1, 0, false, schema));
  return bytes;
}

/**
 * A data directory whose `count` entries are all still in the log, over a snapshot of none: the
 * log is then past twice the snapshot's size, so the first push starts a compaction of the whole
 * state (what a long-running server meets). Entries go 1,000 to a record, as a busy group commit
 * would have logged them.
 */
export async function writeUncompacted(path: string, count: number): Promise<number> {
  const empty = benchState(0);
  await writeLines(path, snapshotLines(empty, 0, 1));
  const full = benchState(count);
  const file = full.tenants[BENCH_ENTITY]!.files[BENCH_FILE]!;
  const at = ['tenants', BENCH_ENTITY, 'files', BENCH_FILE];
  function* records(): Generator<string> {
    yield logHeader(1, 0, false);
    const ids = Object.keys(file.entries);
    let seq = 0;
    for (let from = 0; from < ids.length; from += 1_000) {
      const changes = ids.slice(from, from + 1_000).map((id) => set([...at, 'entries', id], file.entries[id]));
      yield logRecord(++seq, changes);
    }
    yield logRecord(++seq, [
      set([...at, 'nextEntrySeq'], file.nextEntrySeq),
      set([...at, 'journals', 'AC', 'autoNumbering', 'next'], file.journals.AC!.autoNumbering.next),
    ]);
  }
  return writeLines(path.replace(/\.json$/, '.1.log'), records());
}

async function writeLines(path: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    for (const line of lines) {
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return bytes;
}

/** The same entries as the naive lowdb route keeps them: `{ entries: [...] }`. */
export async function writeNaiveDb(path: string, state: SageGeState): Promise<number> {
  const entries = Object.values(state.tenants[BENCH_ENTITY]!.files[BENCH_FILE]!.entries);
  const text = JSON.stringify({ entries }, null, 2);
  await writeFile(path, text);
  return Buffer.byteLength(text);
}

/** A state the store would refuse stops the bench before it measures anything. */
export function checkState(state: SageGeState): void {
  const parsed = SageGeStateSchema.safeParse(state);
  if (!parsed.success)
    throw new Error(
      `the bench's state does not match the Sage GE state schema: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
}
