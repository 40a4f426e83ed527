import { describe, expect, it } from 'vitest';
import { decodeQuadraFile, entryLine, formatQuadraRecord } from './ascii.js';

/**
 * What real exporters and real editors put in files, beside the layout itself: each case is a
 * strictness the codec decides, labelled in simulators/quadra/README.md ("Strictness").
 */

const bytesOf = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const line = (overrides: Partial<Parameters<typeof entryLine>[0]> = {}) =>
  formatQuadraRecord(
    entryLine({
      account: '60640000',
      journal: 'AC',
      date: '2026-01-15',
      direction: 'D',
      amountCents: 1318,
      label: 'Fournitures',
      ...overrides,
    }),
  );

describe('bytes real files carry', () => {
  it('a trailing Ctrl-Z (0x1A, the DOS end-of-file mark) is read as the end of the file', () => {
    const decoded = decodeQuadraFile(Uint8Array.from([...bytesOf(`${line()}\r\n`), 0x1a]));
    expect(decoded.problems).toEqual([]);
    expect(decoded.records).toHaveLength(1);
  });

  it('a Ctrl-Z anywhere else is a control character at its column', () => {
    const text = line();
    const decoded = decodeQuadraFile(
      Uint8Array.from([...bytesOf(text.slice(0, 30)), 0x1a, ...bytesOf(`${text.slice(31)}\r\n`)]),
    );
    expect(decoded.problems).toEqual([
      { line: 1, column: 31, message: 'control character U+001A in a fixed-width line' },
    ]);
  });

  it('a UTF-8 byte-order mark is refused like the rest of UTF-8, at line 1 column 1', () => {
    const decoded = decodeQuadraFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf(`${line()}\r\n`)]));
    expect(decoded.ok).toBe(false);
    expect(decoded.problems).toEqual([
      { line: 1, column: 1, message: expect.stringContaining('UTF-8 byte-order mark') },
    ]);
  });

  it('byte 0x81 (ü in the DOS code page 850) in a label is kept as Windows reads it, U+0081', () => {
    const text = line({ label: 'MxLLER' });
    const at = text.indexOf('x');
    const bytes = bytesOf(`${text}\r\n`);
    bytes[at] = 0x81;
    const decoded = decodeQuadraFile(bytes);
    expect(decoded.problems).toEqual([]);
    expect(decoded.records[0]!.record).toMatchObject({ label: 'M\u0081LLER' });
  });

  it('byte 0x81 in an account number is refused at its column', () => {
    const bytes = bytesOf(`${line({ account: '0DUPONT' })}\r\n`);
    bytes[2] = 0x81;
    expect(decodeQuadraFile(bytes).problems).toEqual([
      { line: 1, column: 3, field: 'account', message: expect.stringContaining('letters, digits and "-" only') },
    ]);
  });
});

describe('fields as exporters write them', () => {
  it('a lower-case direction (d / c) is read as D / C', () => {
    const text = line();
    const lower = `${text.slice(0, 41)}c${text.slice(42)}`;
    const decoded = decodeQuadraFile(`${lower}\r\n`);
    expect(decoded.problems).toEqual([]);
    expect(decoded.records[0]!.record).toMatchObject({ direction: 'C' });
  });

  it('another letter in the direction is still refused at column 42', () => {
    const text = line();
    expect(decodeQuadraFile(`${text.slice(0, 41)}X${text.slice(42)}\r\n`).problems).toEqual([
      { line: 1, column: 42, field: 'direction', message: expect.stringContaining('expected D, C') },
    ]);
  });

  it('an account with a hyphen (a partner reference such as CLI-0042) is read as is', () => {
    const decoded = decodeQuadraFile(`${line({ account: 'CLI-0042' })}\r\n`);
    expect(decoded.problems).toEqual([]);
    expect(decoded.records[0]!.record).toMatchObject({ account: 'CLI-0042' });
  });

  it('an account with a space inside is still refused', () => {
    const text = line();
    expect(decodeQuadraFile(`M0 DUPONT${text.slice(9)}\r\n`).problems).toEqual([
      { line: 1, column: 3, field: 'account', message: expect.stringContaining('letters, digits and "-" only') },
    ]);
  });
});
