import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createVirtualClock } from '../core/clock.js';
import { createMemoryStore } from '../core/store.js';
import { classify, KnownFileError, knownFileFor, readKnownDifferences } from '../parity/known.js';
import { startRecorder, UpstreamError } from '../parity/record.js';
import { readRecording, RecordingFileError, type Recording } from '../parity/recording.js';
import { replayRecording, unfilledPlaceholders, type ReplayTarget } from '../parity/replay.js';
import { VENDORS } from '../vendors/index.js';
import type { CliIO } from './start.js';
import { UsageError } from './usage.js';

function parse<O extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** `ledgersim record --upstream URL --port N [--out FILE] [--host H] [--redact-header H,..] [--redact-key K,..] [--redact-path P,..]` */
export async function recordCommand(args: string[], io: CliIO, stop?: Promise<void>): Promise<number> {
  const { values, positionals } = parse(args, {
    upstream: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    out: { type: 'string' },
    'redact-header': { type: 'string' },
    'redact-key': { type: 'string' },
    'redact-path': { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.upstream) throw new UsageError('record needs --upstream URL (the vendor or sandbox to forward to)');
  if (values.port === undefined || !/^\d+$/.test(values.port) || Number(values.port) > 65_535)
    throw new UsageError(`record needs --port N (0 to 65535), not "${values.port ?? ''}"`);
  const out = values.out ?? `ledgersim-recording-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
  let recorder;
  try {
    recorder = await startRecorder({
      upstream: values.upstream,
      port: Number(values.port),
      host: values.host,
      out,
      redaction: {
        headers: list(values['redact-header']),
        keys: list(values['redact-key']),
        paths: list(values['redact-path']),
      },
    });
  } catch (error) {
    if (error instanceof UpstreamError) throw new UsageError(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`ledgersim: port ${values.port} is already in use`);
      return 1;
    }
    throw error;
  }
  io.out(`ledgersim record: ${recorder.url} → ${values.upstream}`);
  io.out(`  point the connector at ${recorder.url}; exchanges (secrets redacted) go to ${out}`);
  io.out('  Ctrl-C stops.');
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await recorder.close();
  io.out(`ledgersim record: ${recorder.count()} exchange(s) written to ${out}`);
  return 0;
}

/** A simulator built in this process from the demo data of a seed, its clock following the recording. */
function inProcess(vendor: string, seed: number, start: Date): ReplayTarget & { close(): Promise<void> } {
  const registration = VENDORS.modules.find((m) => m.id === vendor)?.simulator;
  if (!registration) throw new UsageError(`--vendor must be one of ${VENDORS.ids.join(', ')}`);
  const clock = createVirtualClock({ start });
  const sim = registration.create({
    clock,
    seed,
    store: createMemoryStore(registration.definition.demo(seed, clock.now())),
  });
  return {
    send: async (path, init) => sim.app.request(path, init),
    async before(at) {
      if (at.getTime() > clock.nowMs()) clock.set(at);
      await sim.settled();
    },
    close: () => sim.close(),
  };
}

/** A running simulator; with `seed`, its state and clock are set for the replay (it must be one you own). */
async function against(url: string, seed: number | undefined, start: Date): Promise<ReplayTarget> {
  const base = url.replace(/\/+$/, '');
  const admin = async (path: string, body: unknown) => {
    const res = await fetch(`${base}/__admin/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok)
      throw new UsageError(`--against ${url}: /__admin/${path} answered ${res.status} (${await res.text()})`);
  };
  let now = start.getTime();
  if (seed !== undefined) {
    await admin('clock', { set: start.toISOString() });
    await admin('seed', { seed });
  }
  return {
    send: (path, init) => fetch(`${base}${path}`, init),
    before: async (at) => {
      if (seed === undefined || at.getTime() <= now) return;
      now = at.getTime();
      await admin('clock', { set: at.toISOString() });
    },
  };
}

/** `ledgersim parity RECORDING [--against URL [--seed N] | --vendor V [--seed N]] [--known FILE] [--secrets FILE] [--json]` */
export async function parityCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    against: { type: 'string' },
    vendor: { type: 'string' },
    seed: { type: 'string' },
    known: { type: 'string' },
    secrets: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('parity needs one RECORDING (a file written by ledgersim record)');
  if (!values.against === !values.vendor)
    throw new UsageError(
      'parity needs either --against URL (a running simulator) or --vendor V (one built in-process)',
    );
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    throw new UsageError(`--seed must be a whole number, not "${values.seed}"`);
  const file = positionals[0]!;
  let recording: Recording;
  try {
    recording = readRecording(file);
  } catch (error) {
    if (error instanceof RecordingFileError || (error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`cannot read the recording: ${(error as Error).message}`);
    throw error;
  }
  const knownFile = values.known ?? knownFileFor(file);
  let known;
  try {
    known = readKnownDifferences(knownFile);
  } catch (error) {
    if (error instanceof KnownFileError) throw new UsageError(error.message);
    throw error;
  }
  const secretsFile = values.secrets ?? `${file.replace(/\.jsonl?$/, '')}.secrets.json`;
  let secrets: Record<string, string> = {};
  if (values.secrets !== undefined || existsSync(secretsFile)) {
    try {
      secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;
    } catch (error) {
      throw new UsageError(`cannot read the secrets file ${secretsFile}: ${(error as Error).message}`);
    }
  }
  const unfilled = unfilledPlaceholders(recording, secrets);
  if (unfilled.size) {
    io.err(
      `ledgersim: the recording sends redacted values that nothing replaces; give the simulator's own in ${secretsFile}:`,
    );
    for (const [ph, where] of unfilled) io.err(`  "${ph}": first sent at ${where}`);
    return 2;
  }

  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const start = new Date(recording.exchanges[0]?.at ?? recording.header.recordedAt);
  const target = values.vendor
    ? inProcess(values.vendor, seed ?? 1, start)
    : await against(values.against!, seed, start);
  let result;
  try {
    result = await replayRecording(recording, target, { secrets });
  } finally {
    await (target as { close?: () => Promise<void> }).close?.();
  }
  const classified = classify(result.differences, known);
  const date = recording.header.recordedAt.slice(0, 10);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          recording: file,
          recordedAt: recording.header.recordedAt,
          upstream: recording.header.upstream,
          replayed: result.replayed,
          unexpected: classified.unexpected,
          differences: classified.differences,
          unusedKnown: classified.unused,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `ledgersim parity: ${result.replayed} of ${recording.exchanges.length} exchange(s) of ${recording.header.upstream} (recorded ${recording.header.recordedAt}) replayed against ${values.vendor ? `an in-process ${values.vendor} simulator, seed ${seed ?? 1}` : values.against}`,
    );
    for (const d of classified.differences) {
      const values_ =
        d.kind === 'missing'
          ? `recorded ${d.recorded}, absent in the simulator`
          : d.kind === 'extra'
            ? `absent in the recording, simulator ${d.simulator}`
            : `recorded ${JSON.stringify(d.recorded)}, simulator ${JSON.stringify(d.simulator)}`;
      io.out(
        `  #${d.seq} ${d.request}  ${d.kind} ${d.path}: ${values_}${d.known ? `  [known: ${d.known}]` : '  UNEXPECTED'}`,
      );
    }
    for (const k of classified.unused)
      io.out(`  known difference not seen (fixed?): ${k.request ?? '*'} ${k.path}: ${k.note}`);
    io.out(
      `${classified.differences.length} difference(s): ${classified.differences.length - classified.unexpected} known, ${classified.unexpected} unexpected (known differences: ${knownFile})`,
    );
    if (result.replayed === 0) io.out('Nothing was compared: the recording holds no exchange the vendor answered.');
    else if (classified.unexpected === 0)
      io.out(`Parity holds: a scenario made of these exchanges may be marked verifiedAgainstVendor: '${date}'.`);
  }
  // A recording with nothing answered proves nothing: not a pass.
  return classified.unexpected === 0 && result.replayed > 0 ? 0 : 1;
}
