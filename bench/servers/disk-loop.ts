// The disk's own limit: what a bare Node loop gets from this disk when it appends ~1 KB records
// with group commit (the records waiting share one write and one fdatasync) at the bench's
// concurrency. The durable rows are compared with it: the store cannot beat it, and what it costs
// above it is the store's and the HTTP server's own work.
//   node --import tsx bench/servers/disk-loop.ts --dir DIR [--seconds 3] [--writers 10]
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export interface DiskLoopResult {
  recordsPerSecond: number;
  /** CPU time (user + system) of this loop per record made durable (µs). */
  cpuPerRecord: number;
  /** Records per write + fdatasync, on average. */
  perSync: number;
}

export async function diskLoop(dir: string, seconds: number, writers: number): Promise<DiskLoopResult> {
  const file = await open(join(dir, 'disk-loop.log'), 'a');
  const record = `${JSON.stringify({ seq: 0, pad: 'x'.repeat(1000) })}\n`;
  let waiting: { line: string; done: () => void }[] = [];
  let flushing = false;
  let syncs = 0;
  const flush = async () => {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await file.write(batch.map((b) => b.line).join(''));
      await file.datasync();
      syncs += 1;
      for (const b of batch) b.done();
    }
    flushing = false;
  };
  const append = (line: string) =>
    new Promise<void>((done) => {
      waiting.push({ line, done });
      if (!flushing) void flush();
    });
  let records = 0;
  const deadline = performance.now() + seconds * 1000;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        await append(record);
        records += 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await file.close();
  return {
    recordsPerSecond: records / elapsed,
    cpuPerRecord: (cpu.user + cpu.system) / records,
    perSync: records / Math.max(syncs, 1),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      seconds: { type: 'string', default: '3' },
      writers: { type: 'string', default: '10' },
    },
  });
  if (!values.dir) throw new Error('--dir DIR: where the loop may write its log');
  console.log(`RESULT ${JSON.stringify(await diskLoop(values.dir, Number(values.seconds), Number(values.writers)))}`);
}
