import { describe, expect, it } from 'vitest';
import { del, set, type Change } from './changes.js';
import { logHeader, logRecord, logRecordBytes, readLog, unseal } from './records.js';

async function* chunksOf(...buffers: Buffer[]): AsyncGenerator<Buffer> {
  for (const buffer of buffers) yield buffer;
}

// Multi-byte characters move every byte after them: a CRC taken over the wrong range shows here.
const changes: Change[] = [
  set(['tenants', 'é', 'label'], 'Facture n° 12 — 20 € ✓ 𝄞 \u2028 "quoted" \\ back'),
  set(['tenants', 'é', 'n'], 42),
  del(['tenants', 'gone']),
];

describe('logRecordBytes', () => {
  it('is byte for byte the line logRecord writes', () => {
    expect(logRecordBytes(7, changes).equals(Buffer.from(logRecord(7, changes)))).toBe(true);
  });

  it('is byte for byte that line for an ASCII-only record and one past the buffer pool (8 KiB)', () => {
    for (const value of ['plain', 'é'.repeat(5_000), 'x'.repeat(20_000)]) {
      const one = [set(['tenants', 'a', 'label'], value)];
      expect(logRecordBytes(3, one).equals(Buffer.from(logRecord(3, one)))).toBe(true);
    }
  });

  it('is read back by the log reader with its seq and changes', async () => {
    const records = [];
    for await (const item of readLog(
      'x.log',
      chunksOf(Buffer.from(logHeader(1, 6, false)), logRecordBytes(7, changes), logRecordBytes(8, [])),
    ))
      records.push(item);
    expect(records.map((r) => r.kind)).toEqual(['header', 'record', 'record']);
    expect(records[1]).toMatchObject({ kind: 'record', seq: 7, changes: JSON.parse(JSON.stringify(changes)) });
  });

  it('a changed byte anywhere in the record fails its checksum', () => {
    const line = logRecordBytes(7, changes);
    const body = line.subarray(0, line.length - 1);
    expect(typeof unseal(body)).toBe('object');
    const changed = Buffer.from(body);
    changed[changed.length - 5] = changed[changed.length - 5]! ^ 1;
    expect(unseal(changed)).toMatch(/^checksum mismatch/);
  });
});
