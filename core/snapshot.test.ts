import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, serializeSnapshot, SnapshotFormatError } from './snapshot.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function file(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-snap-'));
  dirs.push(dir);
  const path = join(dir, 'sim.json');
  await writeFile(path, text);
  return path;
}

const bigState = () => ({
  tenants: {
    A: {
      name: 'A',
      files: {
        F1: {
          entries: Object.fromEntries(
            Array.from({ length: 500 }, (_, i) => [
              `E${i}`,
              { id: `E${i}`, lines: [{ debit: i, credit: 0 }], label: `entrée ${i} "quoted"` },
            ]),
          ),
          label: 'f',
        },
      },
    },
    B: { name: 'B', files: {} },
  },
});

describe('the chunked snapshot', () => {
  it('is one JSON document, one chunk per line, that reads back to the same state', async () => {
    const state = bigState();
    const text = serializeSnapshot(state, 42);
    const document = JSON.parse(text) as { format: string; seq: number; chunks: unknown[] };
    expect(document.format).toBe('ledgersim-state/2');
    expect(document.chunks.length).toBeGreaterThan(500); // the 500 entries are chunks of their own
    expect(text.split('\n').every((line) => line.length < 2000)).toBe(true);
    expect(await readSnapshot(await file(text))).toEqual({ seq: 42, state });
  });

  it('reads a small state, the older whole-state form, and the chunked form on one line', async () => {
    expect(await readSnapshot(await file(serializeSnapshot({ tenants: {} }, 0)))).toEqual({
      seq: 0,
      state: { tenants: {} },
    });
    expect(
      await readSnapshot(
        await file(JSON.stringify({ format: 'ledgersim-state/1', seq: 3, state: { tenants: { X: 1 } } })),
      ),
    ).toEqual({ seq: 3, state: { tenants: { X: 1 } } });
    const oneLine = JSON.stringify(JSON.parse(serializeSnapshot(bigState(), 7)));
    expect(await readSnapshot(await file(oneLine))).toEqual({ seq: 7, state: bigState() });
  });

  it('names the line of a corrupt chunk, and a file cut short', async () => {
    const text = serializeSnapshot(bigState(), 1).split('\n');
    text[5] = '{"path":["tenants","A","files","F1","entries","E3"],"value":{"id":';
    await expect(readSnapshot(await file(text.join('\n')))).rejects.toThrow(/line 6 is not valid JSON/);
    const cut = serializeSnapshot(bigState(), 1).split('\n').slice(0, 100).join('\n');
    await expect(readSnapshot(await file(cut))).rejects.toThrow(SnapshotFormatError);
    await expect(readSnapshot(await file('{"nope": true}'))).rejects.toThrow(/not a ledgersim state file/);
  });

  it('refuses a chunk that would write a forbidden key', async () => {
    const text = `{"format":"ledgersim-state/2","seq":1,"chunks":[\n{"path":[],"value":{"tenants":{}}},\n{"path":["__proto__","x"],"value":1}\n]}\n`;
    await expect(readSnapshot(await file(text))).rejects.toThrow(/line 3: forbidden key/);
  });
});
