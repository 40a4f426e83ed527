import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonStream } from './json-stream.js';

describe('JSON in pieces', () => {
  it('is byte for byte what JSON.stringify gives, for the awkward values too', () => {
    const values = [
      null,
      1.5,
      'é"\\\n',
      [],
      {},
      { a: undefined, b: () => 1, c: [undefined, () => 2, 3], d: new Date(0), e: { f: null } },
      {
        tenants: Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [
            `T${i}`,
            { n: i, list: Array.from({ length: 100 }, (_, j) => ({ j, s: 'x' })) },
          ]),
        ),
      },
      Array.from({ length: 500 }, (_, i) => ({ i, nested: { deep: [i, `${i}`] } })),
    ];
    for (const value of values) expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
  });

  it('streams a large value in many reads, none of them the whole text', async () => {
    const value = {
      tenants: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`T${i}`, { id: i, label: 'y'.repeat(200) }])),
    };
    const reader = jsonStream(value, { chunkBytes: 16 * 1024 }).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let reads = 0;
    let largest = 0;
    for (;;) {
      const { done, value: bytes } = await reader.read();
      if (done) break;
      reads += 1;
      largest = Math.max(largest, bytes.length);
      text += decoder.decode(bytes, { stream: true });
    }
    expect(text).toBe(JSON.stringify(value));
    expect(reads).toBeGreaterThan(50);
    expect(largest).toBeLessThan(32 * 1024);
  });
});
