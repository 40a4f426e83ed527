import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../contracts/catalogue/index.js';
import { createRandom, type SeededRandom } from '../../core/random.js';
import { DOSSIER, SIC, setup } from '../quadra/test-support.js';

/**
 * The CFE file exchange is as strict as the record layout it documents: files written from the
 * layout (vendor-facts §1.2, in the ways the public exporters of `conformance/quadra` write it:
 * CRLF or LF, a `+`, a blank or no sign before the amount, 6- or 8-digit accounts, left- or
 * right-aligned, lines of 146 to 256 characters) are imported with every field as written; the
 * same files broken one way (a field out of its columns, a wrong record type, an analytic split
 * that does not balance its line, a journal or date the dossier refuses...) are refused whole,
 * with the problem at its line and column: the catalogue's exact message where the catalogue has
 * one (journals, periods), else the format problem's code at the documented column.
 *
 * The generator below writes the layout from the documented positions, not with the codec: it
 * is what is checked against.
 */

const MINUTE = 60_000;
/** The open accounting period of the test dossier (EX2026; EX2025 is closed). */
const YEAR = 2026;

/** One line as written, and what Quadra must show of it. */
interface Written {
  journal: string;
  date: string;
  account: string;
  label: string;
  debit: number;
  credit: number;
  piece: string;
}

/** Writes `value` at the 1-based position `start` of a line (the layout's positions). */
function put(chars: string[], start: number, width: number, value: string, align: 'left' | 'right' = 'left') {
  const text = align === 'left' ? value.padEnd(width, ' ') : value.padStart(width, ' ');
  if (text.length !== width) throw new RangeError(`"${value}" does not fit ${width} characters at ${start}`);
  for (let i = 0; i < width; i += 1) chars[start - 1 + i] = text[i]!;
}

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

/** The writing habits of one exporter (conformance/quadra/README.md). */
interface Style {
  name: string;
  length: number;
  sign: (debitOrCredit: 'D' | 'C') => string;
  rightAlign: boolean;
  sixDigits: boolean;
  lineEnding: '\r\n' | '\n';
  finalNewline: boolean;
}
const STYLES: Style[] = [
  {
    name: 'Dolibarr',
    length: 231,
    sign: () => '+',
    rightAlign: false,
    sixDigits: true,
    lineEnding: '\r\n',
    finalNewline: true,
  },
  {
    name: 'Odoo',
    length: 231,
    sign: () => '+',
    rightAlign: false,
    sixDigits: true,
    lineEnding: '\n',
    finalNewline: true,
  },
  {
    name: 'caerp',
    length: 193,
    sign: () => ' ',
    rightAlign: true,
    sixDigits: true,
    lineEnding: '\n',
    finalNewline: true,
  },
  {
    name: 'iDocus',
    length: 256,
    sign: () => '+',
    rightAlign: false,
    sixDigits: true,
    lineEnding: '\n',
    finalNewline: false,
  },
  {
    name: 'excel-to-quadra',
    length: 146,
    sign: () => '',
    rightAlign: false,
    sixDigits: false,
    lineEnding: '\r\n',
    finalNewline: true,
  },
];

/** Windows-1252 letters (one byte each), accents included. */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèàçùÉ';

interface Generated {
  style: Style;
  lines: string[];
  written: Written[];
  /** Index in `lines` of each M line. */
  mLines: number[];
}

/** A file of 1 to 4 balanced entries on the dossier's open journals and chart, in one exporter's style. */
function generateFile(random: SeededRandom, accounts: readonly string[], journals: readonly string[]): Generated {
  const style = random.pick(STYLES);
  const lines: string[] = [];
  const written: Written[] = [];
  const mLines: number[] = [];
  const entries = random.int(1, 4);
  for (let e = 0; e < entries; e += 1) {
    const journal = random.pick(journals);
    const date = `${YEAR}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const piece = `P${random.string(random.int(1, 7), '0123456789')}`;
    const label = `${random.pick([...LETTERS])}${random.string(random.int(0, 18), `${LETTERS} 0123456789`)}`.trimEnd();
    const amounts = Array.from({ length: random.int(1, 3) }, () => random.int(1, 99_999_999));
    const total = amounts.reduce((a, b) => a + b, 0);
    const side = random.pick(['D', 'C'] as const);
    const parts: { cents: number; direction: 'D' | 'C' }[] = [
      ...amounts.map((cents) => ({ cents, direction: side })),
      { cents: total, direction: side === 'D' ? 'C' : 'D' },
    ];
    for (const { cents, direction } of parts) {
      const account = random.pick(accounts);
      // Dolibarr, Odoo, caerp and iDocus write 6-digit PCG numbers; Quadra's chart holds 8.
      const asWritten = style.sixDigits && account.endsWith('00') ? account.slice(0, 6) : account;
      const chars = Array.from({ length: style.length }, () => ' ');
      chars[0] = 'M';
      put(chars, 2, 8, asWritten, style.rightAlign ? 'right' : 'left');
      put(chars, 10, 2, journal.slice(0, 2));
      put(chars, 12, 3, '000');
      put(chars, 15, 6, ddmmyy(date));
      put(chars, 22, 20, label.slice(0, 20));
      put(chars, 42, 1, direction);
      const sign = style.sign(direction);
      put(chars, 43, 13, sign === '' ? String(cents).padStart(13, '0') : `${sign}${String(cents).padStart(12, '0')}`);
      put(chars, 75, 5, piece.slice(-5));
      put(chars, 100, 8, piece);
      put(chars, 108, 3, 'EUR');
      if (journal.length === 3 || style.length > 146) put(chars, 111, 3, journal);
      if (style.length >= 158) put(chars, 149, 10, piece);
      mLines.push(lines.length);
      lines.push(chars.join(''));
      written.push({
        journal,
        date,
        account,
        label,
        debit: direction === 'D' ? cents / 100 : 0,
        credit: direction === 'C' ? cents / 100 : 0,
        piece,
      });
    }
  }
  return { style, lines, written, mLines };
}

/** The file's bytes in Windows-1252 (one byte a character); `UTF8_MARK` becomes € in UTF-8 (three bytes). */
function bytesOf(style: Style, lines: readonly string[]): Uint8Array {
  const text = lines.join(style.lineEnding) + (style.finalNewline ? style.lineEnding : '');
  const bytes = [...Buffer.from(text, 'latin1')];
  return new Uint8Array(bytes.flatMap((b) => (b === UTF8_MARK.charCodeAt(0) ? [0xe2, 0x82, 0xac] : [b])));
}
/** A character the generator never writes, standing for one written in UTF-8. */
const UTF8_MARK = '~';

/** What a broken file's report must hold: one problem, at a line and column. */
interface Expected {
  line: number;
  column: number;
  code: string;
  /** The catalogue's exact message; absent for a format problem (not in the catalogue). */
  message?: string;
}

interface Mutation {
  name: string;
  /** Breaks the file (its lines, in place); answers the problem it must be refused with. */
  apply(file: Generated, random: SeededRandom): Expected;
}

const setAt = (line: string, column: number, text: string) =>
  line.slice(0, column - 1) + text + line.slice(column - 1 + text.length);

const MUTATIONS: Mutation[] = [
  {
    name: 'a field out of its columns (the label one character too long pushes the direction)',
    apply(file, random) {
      const i = random.pick(file.mLines);
      const line = file.lines[i]!;
      file.lines[i] = `${line.slice(0, 41)}X${line.slice(41)}`;
      return { line: i + 1, column: 42, code: 'InvalidFormat' };
    },
  },
  {
    name: 'a wrong record type',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = `X${file.lines[i]!.slice(1)}`;
      return { line: i + 1, column: 1, code: 'InvalidFormat' };
    },
  },
  {
    name: 'an amount with a letter among its digits',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(file.lines[i]!, 50, 'O');
      return { line: i + 1, column: 50, code: 'InvalidFormat' }; // the character itself
    },
  },
  {
    name: 'a date whose month does not exist',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(file.lines[i]!, 17, '13');
      return { line: i + 1, column: 17, code: 'InvalidFormat' };
    },
  },
  {
    name: 'analytic lines that do not balance their line',
    apply(file, random) {
      const i = random.pick(file.mLines);
      const cents = Number(file.lines[i]!.slice(42, 55).replace(/\D/g, ''));
      // Two I lines of 50 % each (vendor-facts §1.4), one cent short of the line's amount.
      const half = Math.floor(cents / 2);
      const analytic = (amount: number) => `I05000+${String(amount).padStart(12, '0')}${'SECTION'.padEnd(10)}`;
      file.lines.splice(i + 1, 0, analytic(half), analytic(cents - half - 1));
      file.mLines = file.mLines.map((m) => (m > i ? m + 2 : m));
      return { line: i + 1, column: 43, code: 'InvalidFormat' };
    },
  },
  {
    name: 'a line cut before its amount ends',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = file.lines[i]!.slice(0, 50);
      return { line: i + 1, column: 51, code: 'InvalidFormat' };
    },
  },
  {
    name: 'a character written in UTF-8',
    apply(file, random) {
      // Written in UTF-8 as iDocus writes (its accents unaccented, as Dolibarr does, so that the
      // rest of the file reads the same in both encodings), with one € among the label.
      file.lines = file.lines.map((l) => l.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(file.lines[i]!, 25, UTF8_MARK); // €: 0x80 in Windows-1252, three bytes in UTF-8
      return { line: i + 1, column: 25, code: 'InvalidEncoding' };
    },
  },
  {
    name: 'a journal the dossier does not have',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(setAt(file.lines[i]!, 10, 'ZZ'), 111, file.lines[i]!.length >= 113 ? 'ZZ ' : '');
      return {
        line: i + 1,
        column: file.lines[i]!.length >= 113 ? 111 : 10,
        code: 'IncompleteFile',
        message: renderMessage('QDR-INCOMPLETE-FILE', { line: String(i + 1), journal: 'ZZ', file: DOSSIER }, 2),
      };
    },
  },
  {
    name: 'a journal that is locked',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(setAt(file.lines[i]!, 10, 'OD'), 111, file.lines[i]!.length >= 113 ? 'OD ' : '');
      return {
        line: i + 1,
        column: file.lines[i]!.length >= 113 ? 111 : 10,
        code: 'IncompleteFile',
        message: renderMessage('QDR-INCOMPLETE-FILE', { line: String(i + 1), journal: 'OD', file: DOSSIER }, 1),
      };
    },
  },
  {
    name: 'a date in the closed period',
    apply(file, random) {
      const i = random.pick(file.mLines);
      file.lines[i] = setAt(file.lines[i]!, 15, '150625');
      return {
        line: i + 1,
        column: 15,
        code: 'AccountingPeriodNotOpen',
        message: renderMessage('QDR-PERIOD-NOT-OPEN', { line: String(i + 1), date: '2025-06-15', file: DOSSIER }, 1),
      };
    },
  },
];

describe('the CFE file exchange is as strict as the record layout', () => {
  it("files written from the layout, in the exporters' ways, are imported as written; each broken one way is refused at its line and column", async () => {
    const styles = new Set<string>();
    const used = new Set<string>();
    const runs = 2 * MUTATIONS.length;
    for (let seed = 1; seed <= runs; seed += 1) {
      const random = createRandom(seed);
      // OD locked: the journal a "locked journal" mutation names.
      const h = setup({
        tweak: (state) => void (state.tenants[SIC]!.dossiers[DOSSIER]!.journals.OD!.status = 'locked'),
      });
      const journals = Object.values(h.dossier().journals)
        .filter((j) => j.status === 'open')
        .map((j) => j.code);
      const accounts = Object.keys(h.dossier().accounts);
      const valid = generateFile(random, accounts, journals);
      styles.add(valid.style.name);
      const broken: Generated = { ...valid, lines: [...valid.lines], mLines: [...valid.mLines] };
      const mutation = MUTATIONS[(seed - 1) % MUTATIONS.length]!;
      const expected = mutation.apply(broken, random);
      used.add(mutation.name);
      const accountsBefore = JSON.stringify(h.dossier().accounts);

      await h.upload(bytesOf(valid.style, valid.lines), 'VALID.TXT');
      await h.upload(bytesOf(broken.style, broken.lines), 'BROKEN.TXT');
      const opening = await h.openDossier();
      await h.advance(5 * MINUTE);
      const context = `seed ${seed}, ${valid.style.name}, ${mutation.name}`;

      expect(
        opening.imported.map((i) => [i.file, i.lines]),
        context,
      ).toEqual([['VALID.TXT', valid.written.length]]);
      const entries = await h.entries();
      expect(
        entries.map((e) => ({
          journal: e.CodeJournal,
          date: e.DateEcriture,
          account: e.NumeroCompte,
          label: e.Libelle,
          debit: e.MontantTenuDebit,
          credit: e.MontantTenuCredit,
          piece: e.NumeroPiece,
        })),
        context,
      ).toEqual(valid.written);

      expect(
        opening.rejected.map((r) => r.file),
        context,
      ).toEqual(['BROKEN.TXT']);
      const report = await h.report('BROKEN.TXT');
      // The first problem is where the file was broken, and every problem is on that line (a field
      // pushed out of its columns takes the next ones with it); a catalogued one stands alone.
      const where = `${context}: ${JSON.stringify(report.problems)}`;
      expect(
        report.problems.map((p) => p.line),
        where,
      ).toEqual(report.problems.map(() => expected.line));
      expect({ ...report.problems[0], message: undefined, field: undefined }, where).toEqual({
        line: expected.line,
        column: expected.column,
        code: expected.code,
        message: undefined,
        field: undefined,
      });
      if (expected.message) {
        expect(report.problems, where).toHaveLength(1);
        expect(report.problems[0]!.message, context).toBe(expected.message);
      } else expect(report.problems[0]!.message, context).not.toBe('');
      // The refused file created no account and no entry: only the valid file's lines are there.
      expect(entries).toHaveLength(valid.written.length);
      expect(JSON.stringify(h.dossier().accounts)).toBe(accountsBefore);
    }
    expect([...used].sort()).toEqual(MUTATIONS.map((m) => m.name).sort());
    expect(styles.size).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
