import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeQuadraFile,
  encodeQuadraFile,
  entryLine,
  formatQuadraRecord,
  QuadraRecordSchema,
  type QuadraRecord,
} from './ascii.js';
import { GOLDEN_ACCOUNT, GOLDEN_PURCHASE, GOLDEN_SAMPLES, GOLDEN_SUPPLIER } from './golden.js';
import { WINDOWS_1252_PRINTABLE, decodeWindows1252, encodeWindows1252 } from './windows-1252.js';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const mLine = (overrides: Partial<Parameters<typeof entryLine>[0]> = {}) =>
  entryLine({
    account: '60640000',
    journal: 'AC',
    date: '2026-01-15',
    direction: 'D',
    amountCents: 1318,
    ...overrides,
  });

describe('Windows-1252', () => {
  it('maps the 0x80–0x9F range and refuses what it cannot write', () => {
    const encoded = encodeWindows1252('€é’œ');
    expect(encoded.ok && [...encoded.bytes]).toEqual([0x80, 0xe9, 0x92, 0x9c]);
    expect(decodeWindows1252(Uint8Array.from([0x80, 0xe9, 0x92, 0x9c])).text).toBe('€é’œ');
    expect(encodeWindows1252('a✓b')).toEqual({ ok: false, problems: [{ index: 1, char: '✓' }] });
    // The five unassigned bytes read as Windows reads them (C1 code points), both ways.
    expect(decodeWindows1252(Uint8Array.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toEqual({
      text: 'A\u0081\u008d\u008f\u0090\u009d',
      unassigned: [],
    });
    const c1 = encodeWindows1252('\u0081');
    expect(c1.ok && [...c1.bytes]).toEqual([0x81]);
  });
});

describe('golden sample lines', () => {
  it('writes 13,18 € as +000000001318 at 43, the direction at 42, the date JJMMAA at 15', () => {
    const line = formatQuadraRecord(GOLDEN_PURCHASE.record);
    expect(line.slice(0, 55)).toBe('M60640000AC000150126 Fournitures bureau  D+000000001318');
    expect(line.slice(42, 55)).toBe('+000000001318');
    expect(line.slice(107, 110)).toBe('EUR');
    expect(line.slice(110, 113)).toBe('AC ');
    expect(line.slice(116, 146)).toBe('Fournitures de bureau janvier ');
    expect(line.slice(74, 79)).toBe('F0042');
    expect(line.slice(99, 107)).toBe('FAC00042');
    expect(line.slice(148, 158)).toBe('FAC-000042');
    expect(line.slice(181, 193)).toBe('F0000042.pdf');
    expect(line).toHaveLength(193);
  });

  for (const [name, sample] of Object.entries(GOLDEN_SAMPLES)) {
    it(`${name}: encodes to its golden line and decodes back`, () => {
      expect(formatQuadraRecord(sample.record)).toBe(sample.line);
      const decoded = decodeQuadraFile(
        `${sample.record.type === 'I' || sample.record.type === 'R' ? `${GOLDEN_PURCHASE.line}\r\n` : ''}${sample.line}\r\n`,
      );
      expect(decoded.problems).toEqual([]);
      expect(decoded.records.at(-1)?.record).toEqual(sample.record);
    });
  }

  it('writes one byte per character in Windows-1252, CRLF by default', () => {
    const encoded = encodeQuadraFile([GOLDEN_SUPPLIER.record]);
    if (!encoded.ok) throw new Error(JSON.stringify(encoded.problems));
    expect(encoded.bytes).toHaveLength(195);
    expect(encoded.bytes[21 + 7]).toBe(0xe9); // é at column 29
    expect(encoded.bytes[21 + 8]).toBe(0x80); // € at column 30
    expect([...encoded.bytes.slice(193)]).toEqual([0x0d, 0x0a]);
    const lf = encodeQuadraFile([GOLDEN_SUPPLIER.record], { lineEnding: 'LF' });
    expect(lf.ok && lf.bytes.at(-1)).toBe(0x0a);
    expect(lf.ok && lf.bytes).toHaveLength(194);
  });

  it("reads the exporters' variants: LF, right-aligned account, space or no sign, 146-character line", () => {
    const caerp = `M  512000BQ000150126 Banque              D 000000001318`;
    const excel = `M60640000AC000150126 Achat               C0000000002500${' '.repeat(91)}`;
    const decoded = decodeQuadraFile(latin1(`${caerp}\n${excel}\n`));
    expect(decoded.problems).toEqual([]);
    expect(decoded.lineEnding).toBe('LF');
    expect(decoded.records.map((r) => r.record.type === 'M' && [r.record.account, r.record.amountCents])).toEqual([
      ['512000', 1318],
      ['60640000', 2500],
    ]);
  });
});

describe('zero', () => {
  it('reads "-000000000000" as 0, not -0', () => {
    const line = formatQuadraRecord(mLine({ amountCents: 0 })).replace('+000000000000', '-000000000000');
    const decoded = decodeQuadraFile(line);
    expect(Object.is(decoded.records[0]?.record.type === 'M' && decoded.records[0].record.amountCents, 0)).toBe(true);
  });
});

describe('QDR-ACCOUNT-8-CHARS in the encoder', () => {
  it('cuts account numbers to 8 characters and says so', () => {
    const encoded = encodeQuadraFile([mLine({ account: '4110000123', counterpartAccount: '706000001' })]);
    if (!encoded.ok) throw new Error(JSON.stringify(encoded.problems));
    expect(encoded.text.slice(1, 9)).toBe('41100001');
    expect(encoded.text.slice(55, 63)).toBe('70600000');
    expect(encoded.truncated).toEqual([
      { line: 1, field: 'account', from: '4110000123', to: '41100001' },
      { line: 1, field: 'counterpartAccount', from: '706000001', to: '70600000' },
    ]);
  });
});

describe('encoding problems', () => {
  it('reports a character outside Windows-1252 with its line and column', () => {
    const result = encodeQuadraFile([mLine(), mLine({ label: 'Café ✓ ok' })]);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 2, column: 27, field: 'label', message: expect.stringContaining('U+2713') }],
    });
  });

  it('reports an invalid field at its column', () => {
    const result = encodeQuadraFile([mLine({ journal: 'ACHATS' }), { type: 'X' }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [1, 10, 'journal'],
      [2, 1, 'type'],
    ]);
  });
});

describe('a malformed file', () => {
  const good = formatQuadraRecord(mLine());
  const withLine = (bad: string) => decodeQuadraFile(`${good}\r\n${bad}\r\n${good}\r\n`);

  it('short line: line 2, the column after its end', () => {
    const result = withLine('M60640000AC000150126');
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 2, column: 21, message: 'the line is 20 characters long; a M record needs at least 55' },
    ]);
    expect(result.records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('bad date 320125: line 2, column 15', () => {
    const result = withLine(good.replace('150126', '320125'));
    expect(result.problems).toEqual([
      { line: 2, column: 15, field: 'date', message: 'date "320125": day 32 does not exist in 01/2025' },
    ]);
  });

  it('impossible month: column 17', () => {
    expect(withLine(good.replace('150126', '150026')).problems[0]).toMatchObject({
      line: 2,
      column: 17,
      field: 'date',
    });
  });

  it('bad amount: line 2 at the offending character', () => {
    const result = withLine(good.replace('+000000001318', '+0000000013,8'));
    expect(result.problems).toEqual([
      { line: 2, column: 54, field: 'amountCents', message: expect.stringContaining('+000000001318') },
    ]);
  });

  it('wrong record type: column 1', () => {
    expect(withLine(`X${good.slice(1)}`).problems).toEqual([
      { line: 2, column: 1, field: 'type', message: 'unknown record type "X"; expected M, C, I or R' },
    ]);
  });

  it('non-Windows-1252 text: at its character column, whether given as text or as UTF-8 bytes', () => {
    const bad = `${good.slice(0, 21)}Caf✓${good.slice(25)}`;
    expect(withLine(bad).problems).toEqual([{ line: 2, column: 25, message: expect.stringContaining('U+2713') }]);
    const utf8 = new TextEncoder().encode(`${good}\r\n${good.slice(0, 21)}Café${good.slice(25)}\r\n`);
    expect(decodeQuadraFile(utf8).problems).toEqual([
      { line: 2, column: 25, message: expect.stringContaining('UTF-8 on 2 bytes') },
    ]);
  });

  it('an I line with no M before it, and analytic lines that do not add up', () => {
    const i = formatQuadraRecord({ type: 'I', percentBasisPoints: 5000, amountCents: 600, section: 'A', nature: '' });
    const c = formatQuadraRecord(GOLDEN_ACCOUNT.record);
    const result = decodeQuadraFile(`${c}\n${i}\n${good}\n${i}\n`);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 1],
      [3, 43],
    ]);
  });

  it('returns every problem and never throws on garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const result = decodeQuadraFile(bytes);
        expect(result.ok).toBe(result.problems.length === 0);
        for (const p of result.problems) expect(p.line >= 1 && p.column >= 1).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: any valid record encodes and decodes to itself
// ---------------------------------------------------------------------------------------------

const textOf = (max: number) =>
  fc.array(fc.constantFrom(...WINDOWS_1252_PRINTABLE), { maxLength: max }).map((chars) => chars.join('').trimEnd());
const codeOf = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), {
      minLength: min,
      maxLength: max,
    })
    .map((c) => c.join(''));
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const cents = fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }).map((n) => n + 0);

const mRecord: fc.Arbitrary<QuadraRecord> = fc.record({
  type: fc.constant('M' as const),
  account: codeOf(1, 8),
  journal: codeOf(1, 2),
  folio: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
  date,
  labelCode: textOf(1),
  label: textOf(20),
  direction: fc.constantFrom('D' as const, 'C' as const),
  amountCents: cents,
  counterpartAccount: codeOf(0, 8),
  dueDate: fc.option(date, { nil: null }),
  letteringCode: textOf(2),
  statisticsCode: textOf(3),
  pieceNumber5: textOf(5),
  businessCode: textOf(10),
  quantity: textOf(10),
  pieceNumber8: textOf(8),
  currency: textOf(3),
  journal3: codeOf(0, 3),
  vatInEntry: fc.constantFrom('' as const, 'O' as const),
  vatCode: fc.constantFrom('', '0', '5', '9'),
  vatMethod: fc.constantFrom('' as const, 'D' as const, 'E' as const),
  longLabel: textOf(30),
  vatCode2: textOf(2),
  pieceNumber: textOf(10),
  reserved: textOf(10),
  currencyAmountCents: fc.option(cents, { nil: null }),
  attachment: textOf(12),
});
const cRecord: fc.Arbitrary<QuadraRecord> = fc.record({
  type: fc.constant('C' as const),
  account: codeOf(1, 8),
  label: textOf(30),
  alphaKey: textOf(7),
  collective: codeOf(0, 8),
  update: fc.constantFrom('' as const, '2' as const),
  accountType: fc.constantFrom('C' as const, 'F' as const, 'G' as const),
});
const rRecord: fc.Arbitrary<QuadraRecord> = fc.record({
  type: fc.constant('R' as const),
  dueDate: date,
  amountCents: cents,
  paymentMode: textOf(2),
  bankJournal: codeOf(0, 2),
  reference: textOf(10),
});
/** An M line with its schedules and its analytic split (which must add up to the line). */
const group = fc
  .tuple(
    mRecord,
    fc.array(rRecord, { maxLength: 2 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10000 }), textOf(10), textOf(10)), { maxLength: 3 }),
  )
  .map(([m, schedules, splits]) => {
    const amount = (m as { amountCents: number }).amountCents;
    const analytic: QuadraRecord[] = splits.map(([bp, section, nature], i) => ({
      type: 'I',
      percentBasisPoints: bp,
      // `+ 0` turns Math.trunc's -0 into 0: the format has one zero.
      amountCents:
        (i === splits.length - 1
          ? amount - Math.trunc(amount / splits.length) * (splits.length - 1)
          : Math.trunc(amount / splits.length)) + 0,
      section,
      nature,
    }));
    return [m, ...schedules, ...analytic];
  });
const file = fc
  .array(
    fc.oneof(
      group,
      cRecord.map((c) => [c]),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((groups) => groups.flat());

/** A Windows-1252 file that happens to be valid UTF-8 too is read as UTF-8 (see `decodeQuadraFile`). */
const isAlsoUtf8 = (bytes: Uint8Array) => {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('round trip', () => {
  it('any valid record encodes and decodes to itself (CRLF and LF)', () => {
    fc.assert(
      fc.property(file, fc.constantFrom('CRLF' as const, 'LF' as const), (records, lineEnding) => {
        for (const record of records) expect(QuadraRecordSchema.safeParse(record).success).toBe(true);
        const encoded = encodeQuadraFile(records, { lineEnding });
        if (!encoded.ok) throw new Error(JSON.stringify(encoded.problems));
        fc.pre(!isAlsoUtf8(encoded.bytes));
        const decoded = decodeQuadraFile(encoded.bytes);
        expect(decoded.problems).toEqual([]);
        expect(decoded.lineEnding).toBe(lineEnding);
        expect(decoded.records.map((r) => r.record)).toEqual(records);
        expect(decoded.records.map((r) => r.line)).toEqual(records.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});
