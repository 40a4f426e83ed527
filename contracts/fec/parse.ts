/**
 * The FEC (Fichier des Écritures Comptables, article A47 A-1 of the Livre des procédures fiscales):
 * the legal export of a French set of books. A header line of field names, then one line per
 * entry line, fields separated by a tab or a pipe, dates as AAAAMMJJ, amounts with a decimal
 * comma. The 18 fields, in this order: JournalCode JournalLib EcritureNum EcritureDate CompteNum
 * CompteLib CompAuxNum CompAuxLib PieceRef PieceDate EcritureLib Debit Credit EcritureLet DateLet
 * ValidDate Montantdevise Idevise. The text also allows "Montant" and "Sens" (D or C) in place
 * of Debit and Credit, which some packages write; both layouts are read.
 *
 * What real exporters write around that (fixtures/README.md cites each): fields after the 18
 * (Dolibarr's DateLimitReglmt, NumFacture, FichierFacture; the text adds fields for some
 * regimes), a field in double quotes when it holds one (Python's csv writer, Odoo), amounts padded
 * with zeros and a space for the sign (Odoo's to_char), no line end after the last record (Odoo),
 * a separator closing every line, CR, LF or CRLF record ends (A47 A-1 III), and ISO 8859-15
 * rather than UTF-8 (the text's character sets: `decodeFec`).
 */

export const FEC_FIELDS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;
const MONTANT_SENS = [...FEC_FIELDS.slice(0, 11), 'Montant', 'Sens', ...FEC_FIELDS.slice(13)] as const;

export interface FecLine {
  line: number;
  journalCode: string;
  journalLib: string;
  ecritureNum: string;
  /** ISO date. */
  ecritureDate: string;
  compteNum: string;
  compteLib: string;
  compAuxNum: string;
  compAuxLib: string;
  pieceRef: string;
  ecritureLib: string;
  /** Cents. */
  debit: number;
  credit: number;
}

export class FecError extends Error {
  override name = 'FecError';
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

function isoDate(value: string, line: number, column: number, field: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3]))
    throw new FecError(line, column, `${field} "${value}" is not a date AAAAMMJJ`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function cents(value: string, line: number, column: number, field: string): number {
  // A decimal comma, optional thousands spaces; a point is tolerated, written by some packages.
  const cleaned = value.replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+([,.]\d{1,2})?$/.test(cleaned))
    throw new FecError(line, column, `${field} "${value}" is not an amount (digits, a decimal comma)`);
  const [units, decimals = ''] = cleaned.replace('-', '').split(/[,.]/);
  const v = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return cleaned.startsWith('-') ? -v : v;
}

/**
 * The text of a FEC file: UTF-8 when it is valid UTF-8 (a byte-order mark dropped), else ISO
 * 8859-15, the other character set article A47 A-1 III allows (an accented label in a file from an
 * older package would otherwise turn into replacement characters).
 */
export function decodeFec(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('iso-8859-15').decode(bytes);
  }
}

/** One record's fields; a field wholly in double quotes ("a ""b"" c") is unquoted, as a csv writer quotes it. */
function splitFields(raw: string, separator: string, line: number): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (raw[at] === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0) throw new FecError(line, fields.length + 1, 'a double quote opens this field and none closes it');
        value += raw.slice(i, q);
        if (raw[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < raw.length && raw[i] !== separator)
        throw new FecError(line, fields.length + 1, 'text after the closing double quote of this field');
      fields.push(value);
      if (i >= raw.length) return fields;
      at = i + 1;
    } else {
      const next = raw.indexOf(separator, at);
      if (next < 0) {
        fields.push(raw.slice(at));
        return fields;
      }
      fields.push(raw.slice(at, next));
      at = next + 1;
    }
  }
}

export function parseFec(text: string): FecLine[] {
  // Records end with CR, LF or both (A47 A-1 III); the last one may have no end (Odoo writes none).
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = lines[0] ?? '';
  const separator = header.includes('\t') ? '\t' : header.includes('|') ? '|' : undefined;
  if (!separator)
    throw new FecError(
      1,
      1,
      'the header has neither tabs nor pipes between its fields (a FEC is tab or pipe separated)',
    );
  const names = splitFields(header, separator, 1).map((n) => n.trim());
  // A separator closing every record leaves an empty last name: it is no field.
  const closingSeparator = names.length > 18 && names[names.length - 1] === '';
  if (closingSeparator) names.pop();
  const layout =
    names
      .slice(0, 18)
      .map((n) => n.toLowerCase())
      .join(' ') === MONTANT_SENS.join(' ').toLowerCase()
      ? MONTANT_SENS
      : FEC_FIELDS;
  if (names.length < 18)
    throw new FecError(
      1,
      names.length + 1,
      `the header has ${names.length} fields, a FEC has 18 (${FEC_FIELDS.join(', ')})`,
    );
  names.forEach((name, i) => {
    if (i < 18 && name.toLowerCase() !== layout[i]!.toLowerCase())
      throw new FecError(1, i + 1, `field ${i + 1} is "${name}", expected "${layout[i]}"`);
    // Fields after the 18 are allowed (supplementary fields), but named.
    if (i >= 18 && !name) throw new FecError(1, i + 1, `field ${i + 1} has no name`);
  });
  const expected = names.length;
  const out: FecLine[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const f = splitFields(raw, separator, line);
    if (closingSeparator && f.length === expected + 1 && f[expected]!.trim() === '') f.pop();
    if (f.length !== expected)
      throw new FecError(
        line,
        Math.min(f.length, expected) + 1,
        expected === 18 ? `${f.length} fields, a FEC line has 18` : `${f.length} fields, the header has ${expected}`,
      );
    const get = (i: number) => f[i]!.trim();
    for (const [i, name] of [
      [0, 'JournalCode'],
      [2, 'EcritureNum'],
      [4, 'CompteNum'],
    ] as const)
      if (!get(i)) throw new FecError(line, i + 1, `${name} is empty`);
    let debit: number;
    let credit: number;
    if (layout === MONTANT_SENS) {
      const amount = cents(get(11), line, 12, 'Montant');
      const sens = get(12).toUpperCase();
      if (sens !== 'D' && sens !== 'C' && sens !== '+1' && sens !== '-1')
        throw new FecError(line, 13, `Sens "${get(12)}" is neither D nor C`);
      debit = sens === 'D' || sens === '+1' ? amount : 0;
      credit = sens === 'C' || sens === '-1' ? amount : 0;
    } else {
      debit = get(11) ? cents(get(11), line, 12, 'Debit') : 0;
      credit = get(12) ? cents(get(12), line, 13, 'Credit') : 0;
    }
    out.push({
      line,
      journalCode: get(0),
      journalLib: get(1),
      ecritureNum: get(2),
      ecritureDate: isoDate(get(3), line, 4, 'EcritureDate'),
      compteNum: get(4),
      compteLib: get(5),
      compAuxNum: get(6),
      compAuxLib: get(7),
      pieceRef: get(8),
      ecritureLib: get(10),
      debit,
      credit,
    });
  });
  if (out.length === 0) throw new FecError(2, 1, 'no entry line after the header');
  return out;
}

/**
 * The fiscal year a FEC covers. A FEC is one fiscal year (article A47 A-1; BOI-CF-IOR-60-40-20),
 * and its name, `<SIREN>FEC<AAAAMMJJ>`, gives the closing date. Without that name the year is
 * inferred from the entries (our own rule, said so by `from`): it opens on the first day of the
 * month of the earliest EcritureDate (the à-nouveaux are dated on the opening day) and runs twelve
 * months, or to the end of the month of the latest entry when that is later (a first year may be
 * longer). With the name, it closes on that date and opens twelve months before, or earlier when
 * an entry is older. A fiscal year lasts at most 24 months: entries spread wider are not one FEC.
 */
export interface FecFiscalYear {
  /** ISO dates. */
  start: string;
  end: string;
  from: 'file name' | 'entries';
}

export interface FecReferenceData {
  accounts: { number: string; label: string; collective: boolean }[];
  subsidiaryAccounts: { code: string; label: string; collectiveAccount: string }[];
  journals: { code: string; label: string }[];
  /** Calendar years the entries fall in, oldest first. */
  years: number[];
  fiscalYear: FecFiscalYear;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
/** The day `months` months after `date` (negative: before), on the same day of the month or the month's last. */
function addMonths(isoDate: string, months: number): string {
  const d = utc(isoDate);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target);
}
const addDays = (isoDate: string, days: number) => iso(new Date(utc(isoDate).getTime() + days * 86_400_000));
const monthStart = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
const monthEnd = (isoDate: string) => addDays(addMonths(monthStart(isoDate), 1), -1);

/** The closing date a FEC's file name gives (`123456789FEC20241231.txt`, Odoo's `…-NONOFFICIAL.csv`), if it follows the rule. */
export function closingDateOf(fileName: string | undefined): string | undefined {
  const base = (fileName ?? '').split(/[\\/]/).pop() ?? '';
  const m = /^(?:\d{9})?FEC(\d{4})(\d{2})(\d{2})(?!\d)/i.exec(base);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = utc(date);
  return !Number.isNaN(parsed.getTime()) && iso(parsed) === date ? date : undefined;
}

function fiscalYearOf(lines: readonly FecLine[], fileName?: string): FecFiscalYear {
  let first = lines[0]!;
  let last = lines[0]!;
  for (const l of lines) {
    if (l.ecritureDate < first.ecritureDate) first = l;
    if (l.ecritureDate > last.ecritureDate) last = l;
  }
  const closing = closingDateOf(fileName);
  let start: string;
  let end: string;
  if (closing) {
    if (last.ecritureDate > closing)
      throw new FecError(
        last.line,
        4,
        `EcritureDate ${last.ecritureDate} is after ${closing}, the closing date of the file name (<SIREN>FEC<AAAAMMJJ>): a FEC holds one fiscal year`,
      );
    end = closing;
    start = addDays(addMonths(closing, -12), 1);
    if (first.ecritureDate < start) start = monthStart(first.ecritureDate);
  } else {
    start = monthStart(first.ecritureDate);
    end = addDays(addMonths(start, 12), -1);
    if (last.ecritureDate > end) end = monthEnd(last.ecritureDate);
  }
  if (end >= addMonths(start, 24)) {
    const culprit = closing ? first : last;
    throw new FecError(
      culprit.line,
      4,
      `the entries run from ${first.ecritureDate} to ${last.ecritureDate}${closing ? ` (closing ${closing})` : ''}: more than 24 months, and a FEC holds one fiscal year`,
    );
  }
  return { start, end, from: closing ? 'file name' : 'entries' };
}

/**
 * The reference data a FEC shows: its chart of accounts with labels, subsidiary accounts, journals,
 * and the fiscal year (from the file name when it follows the rule, else from the entries).
 */
export function referenceData(lines: readonly FecLine[], options: { fileName?: string } = {}): FecReferenceData {
  const accounts = new Map<string, { number: string; label: string; collective: boolean }>();
  const subsidiaries = new Map<string, { code: string; label: string; collectiveAccount: string }>();
  const journals = new Map<string, { code: string; label: string }>();
  const years = new Set<number>();
  for (const l of lines) {
    const account = accounts.get(l.compteNum) ?? { number: l.compteNum, label: l.compteLib, collective: false };
    // An account that carries subsidiary accounts is collective (401, 411...).
    if (l.compAuxNum) {
      account.collective = true;
      if (!subsidiaries.has(l.compAuxNum))
        subsidiaries.set(l.compAuxNum, { code: l.compAuxNum, label: l.compAuxLib, collectiveAccount: l.compteNum });
    }
    accounts.set(l.compteNum, account);
    if (!journals.has(l.journalCode)) journals.set(l.journalCode, { code: l.journalCode, label: l.journalLib });
    years.add(Number(l.ecritureDate.slice(0, 4)));
  }
  return {
    accounts: [...accounts.values()],
    subsidiaryAccounts: [...subsidiaries.values()],
    journals: [...journals.values()],
    years: [...years].sort(),
    fiscalYear: fiscalYearOf(lines, options.fileName),
  };
}
