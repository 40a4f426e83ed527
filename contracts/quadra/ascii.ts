import { z } from 'zod';
import { decodeWindows1252, encodeWindows1252, isWindows1252 } from './windows-1252.js';

/**
 * The Quadra ASCII import file ("Fichier d'entrée ASCII dans Cegid Quadra Comptabilité",
 * KB0014530), as vendor-facts.md §1 confirms it: fixed-width records, 1-based positions,
 * space-padded, text left-aligned, Windows-1252, CRLF or LF. Four record types:
 *
 * - `M` an entry line (écriture), positions 1–193 [C2];
 * - `C` an account or third party (compte / tiers), positions 1–218 as Dolibarr writes it [C]/[I];
 * - `I` an analytic split of the `M` before it (39 characters) [C2];
 * - `R` a payment schedule of the `M` before it [C].
 *
 * Field names are ours (the spec has descriptions, not names); each field's comment gives the
 * spec's French name. Positions 194–251 of `M` (quantity 2, and the export-only NumUniq,
 * operator, system date, priority piece number) are neither written nor read.
 *
 * `encodeQuadraFile` and `decodeQuadraFile` are the only entry points; decoding never throws and
 * returns every problem with its line and column.
 */

// ---------------------------------------------------------------------------------------------
// Field values
// ---------------------------------------------------------------------------------------------

const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

/** Free text of at most `width` characters: no control characters, no trailing space (padding). */
const text = (width: number) =>
  z
    .string()
    .refine((s) => [...s].length <= width, { message: `at most ${width} characters` })
    .regex(NO_CONTROL, 'no control characters')
    .refine((s) => !s.endsWith(' '), { message: 'no trailing space (it is padding)' });

/** A code (account number, journal code): letters and digits, left-aligned. */
const code = (width: number, min = 1) =>
  z
    .string()
    .min(min)
    .max(width)
    .regex(/^[0-9A-Za-z]*$/, 'letters and digits only');

/**
 * An account number as Quadra stores it: at most 8 characters (QDR-ACCOUNT-8-CHARS). A hyphen is
 * taken (simulator's own choice): the Odoo module writes a partner's free reference there
 * (`CLI-0042`), caerp a third-party code; Quadra's own rule is not public.
 */
export const QuadraAccountNumberSchema = z
  .string()
  .min(1)
  .max(8)
  .regex(/^[0-9A-Za-z-]*$/, 'letters, digits and "-" only');

/** A date the 2-digit-year `JJMMAA` format can carry: 2000-01-01 to 2099-12-31 (simulator's own century rule). */
export const QuadraDateSchema = z.iso
  .date()
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', { message: 'a JJMMAA date is in 2000–2099' });

/** Signed cents on 13 characters: a sign and 12 digits. */
export const QuadraCentsSchema = z.number().int().min(-999_999_999_999).max(999_999_999_999);

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** `M`: one entry line. */
export const QuadraEntryLineSchema = z
  .object({
    type: z.literal('M'),
    /** 2/8 Numéro de compte: general or auxiliary account. */
    account: QuadraAccountNumberSchema,
    /** 10/2 Code journal (2 characters; mandatory in the 2023 spec even when 111 is filled). */
    journal: code(2),
    /** 12/3 N° folio: `000` when there is none. */
    folio: z.string().regex(/^\d{3}$/, '3 digits'),
    /** 15/6 Date écriture `JJMMAA`. */
    date: QuadraDateSchema,
    /** 21/1 Code libellé (usually blank). */
    labelCode: text(1),
    /** 22/20 Libellé libre. */
    label: text(20),
    /** 42/1 Sens. */
    direction: z.enum(['D', 'C']),
    /** 43/13 Montant en centimes signé: sign at 43, then 12 digits. */
    amountCents: QuadraCentsSchema,
    /** 56/8 Compte de contrepartie. */
    counterpartAccount: QuadraAccountNumberSchema.or(z.literal('')),
    /** 64/6 Date échéance `JJMMAA`; written `000000` when there is none. */
    dueDate: QuadraDateSchema.nullable(),
    /** 70/2 Code lettrage. */
    letteringCode: text(2),
    /** 72/3 Code statistiques. */
    statisticsCode: text(3),
    /** 75/5 N° de pièce (5 characters). */
    pieceNumber5: text(5),
    /** 80/10 Code affaire. */
    businessCode: text(10),
    /** 90/10 Quantité 1 (format unspecified: kept as text). */
    quantity: text(10),
    /** 100/8 N° de pièce (8 characters). */
    pieceNumber8: text(8),
    /** 108/3 Code devise (`EUR`; blank meant FRF). */
    currency: text(3),
    /** 111/3 Code journal (3 characters, "QC Windows seulement"). */
    journal3: code(3, 0),
    /** 114/1 `O` when the VAT code is managed in the entry. */
    vatInEntry: z.enum(['', 'O']),
    /** 115/1 Code TVA 0–9. */
    vatCode: z.string().regex(/^\d?$/, 'one digit or blank'),
    /** 116/1 Méthode de calcul TVA: `D` débits, `E` encaissements. */
    vatMethod: z.enum(['', 'D', 'E']),
    /** 117/30 Libellé écriture (30 characters). */
    longLabel: text(30),
    /** 147/2 Code TVA (2 characters). */
    vatCode2: text(2),
    /** 149/10 N° de pièce alphanumérique (10 characters). */
    pieceNumber: text(10),
    /** 159/10 Réservé. */
    reserved: text(10),
    /** 169/13 Montant dans la devise (signed cents), blank when none. */
    currencyAmountCents: QuadraCentsSchema.nullable(),
    /** 182/12 Pièce jointe: an 8.3 file name shipped alongside. */
    attachment: text(12),
  })
  .strict();
export type QuadraEntryLine = z.infer<typeof QuadraEntryLineSchema>;

/** `C`: an account or third party (Dolibarr's layout; positions 107–216 are unknown filler). */
export const QuadraAccountRecordSchema = z
  .object({
    type: z.literal('C'),
    /** 2/8 Numéro de compte (auxiliary code for a third party). */
    account: QuadraAccountNumberSchema,
    /** 10/30 Libellé du compte. Quadra's CFE import does not take it (QDR-NO-LABELS). */
    label: text(30),
    /** 40/7 Clé alphabétique. */
    alphaKey: text(7),
    /** 99/8 Compte collectif (40100000, 41100000). */
    collective: QuadraAccountNumberSchema.or(z.literal('')),
    /** 217/1 Maj: blank = leave an existing account alone, `2` = partial update. */
    update: z.enum(['', '2']),
    /** 218/1 Type de compte: `C` client, `F` fournisseur, `G` général. */
    accountType: z.enum(['C', 'F', 'G']),
  })
  .strict();
export type QuadraAccountRecord = z.infer<typeof QuadraAccountRecordSchema>;

/** `I`: an analytic split of the `M` line before it. */
export const QuadraAnalyticRecordSchema = z
  .object({
    type: z.literal('I'),
    /** 2/5 % de répartition with 2 implied decimals (`10000` = 100,00 %). */
    percentBasisPoints: z.number().int().min(0).max(99_999),
    /** 7/13 Montant (signed cents). */
    amountCents: QuadraCentsSchema,
    /** 20/10 Code section / centre. */
    section: text(10),
    /** 30/10 Code nature (QC Windows). */
    nature: text(10),
  })
  .strict();
export type QuadraAnalyticRecord = z.infer<typeof QuadraAnalyticRecordSchema>;

/** `R`: a payment schedule line of the `M` line before it. */
export const QuadraScheduleRecordSchema = z
  .object({
    type: z.literal('R'),
    /** 2/6 Date échéance `JJMMAA`. */
    dueDate: QuadraDateSchema,
    /** 8/13 Montant échéance (signed cents). */
    amountCents: QuadraCentsSchema,
    /** 21/2 Mode de règlement. */
    paymentMode: text(2),
    /** 23/2 Journal de banque. */
    bankJournal: code(2, 0),
    /** 25/10 Référence tiré. */
    reference: text(10),
  })
  .strict();
export type QuadraScheduleRecord = z.infer<typeof QuadraScheduleRecordSchema>;

export const QuadraRecordSchema = z.discriminatedUnion('type', [
  QuadraEntryLineSchema,
  QuadraAccountRecordSchema,
  QuadraAnalyticRecordSchema,
  QuadraScheduleRecordSchema,
]);
export type QuadraRecord = z.infer<typeof QuadraRecordSchema>;
export type QuadraRecordType = QuadraRecord['type'];

/** A problem in a file: where (1-based line and column, as an editor shows them) and what. */
export const CodecProblemSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  /** The record field at that column, when the problem is one field's. */
  field: z.string().optional(),
  message: z.string(),
});
export type CodecProblem = z.infer<typeof CodecProblemSchema>;

// ---------------------------------------------------------------------------------------------
// Layout: where each field sits, and how its characters map to a value
// ---------------------------------------------------------------------------------------------

type Parsed = { ok: true; value: unknown } | { ok: false; message: string; offset?: number };

interface FieldCodec {
  name: string;
  /** 1-based position of the first character. */
  start: number;
  width: number;
  encode(value: unknown): string;
  decode(raw: string): Parsed;
}

/** Pads to `width` characters (code points: one character is one Windows-1252 byte). */
const pad = (value: string, width: number) => value + ' '.repeat(Math.max(0, width - [...value].length));

const textField = (name: string, start: number, width: number): FieldCodec => ({
  name,
  start,
  width,
  encode: (value) => pad(value as string, width),
  decode: (raw) => ({ ok: true, value: raw.trimEnd() }),
});

/**
 * Codes are read trimmed on both sides: caerp right-aligns accounts with spaces. Account fields
 * also take a hyphen (see `QuadraAccountNumberSchema`); journal codes letters and digits only.
 */
const codeField = (name: string, start: number, width: number, required: boolean, account = false): FieldCodec => ({
  name,
  start,
  width,
  encode: (value) => pad(value as string, width),
  decode: (raw) => {
    const value = raw.trim();
    if (required && value === '') return { ok: false, message: `${name} is mandatory` };
    const bad = (account ? /[^0-9A-Za-z-]/ : /[^0-9A-Za-z]/).exec(value);
    if (bad)
      return {
        ok: false,
        message: `${name} has "${bad[0]}": ${account ? 'letters, digits and "-" only' : 'letters and digits only'}`,
        offset: raw.indexOf(bad[0]),
      };
    return { ok: true, value };
  },
});

const accountField = (name: string, start: number, required: boolean) => codeField(name, start, 8, required, true);

/**
 * 42/1 Sens. Every exporter writes `D` or `C`; a lower-case `d` / `c` is read as upper case
 * (simulator's own choice: no public source says Quadra refuses it, and refusing would throw a
 * whole file away for one letter's case).
 */
const directionField = (start: number): FieldCodec => ({
  name: 'direction',
  start,
  width: 1,
  encode: (value) => value as string,
  decode: (raw) =>
    /^[DCdc]$/.test(raw)
      ? { ok: true, value: raw.toUpperCase() }
      : { ok: false, message: `direction is "${raw}"; expected D, C (d and c are read as D and C)` },
});

const literalField = (name: string, start: number, values: readonly string[]): FieldCodec => ({
  name,
  start,
  width: 1,
  encode: (value) => pad(value as string, 1),
  decode: (raw) => {
    const value = raw.trim();
    return values.includes(value)
      ? { ok: true, value }
      : {
          ok: false,
          message: `${name} is "${raw}"; expected ${values.map((v) => (v === '' ? 'blank' : v)).join(', ')}`,
        };
  },
});

const folioField = (start: number): FieldCodec => ({
  name: 'folio',
  start,
  width: 3,
  encode: (value) => value as string,
  decode: (raw) =>
    /^\d{3}$/.test(raw)
      ? { ok: true, value: raw }
      : { ok: false, message: `folio is "${raw}"; expected 3 digits (000 when none)` },
});

/** `JJMMAA` ⇄ `YYYY-MM-DD` (20AA). `optional`: blank or `000000` is no date. */
const dateField = (name: string, start: number, optional: boolean): FieldCodec => ({
  name,
  start,
  width: 6,
  encode: (value) => {
    if (value === null) return '000000';
    const [y, m, d] = (value as string).split('-');
    return `${d}${m}${y!.slice(2)}`;
  },
  decode: (raw) => {
    if (optional && (raw.trim() === '' || raw === '000000')) return { ok: true, value: null };
    if (!/^\d{6}$/.test(raw)) return { ok: false, message: `${name} is "${raw}"; expected JJMMAA` };
    const day = Number(raw.slice(0, 2));
    const month = Number(raw.slice(2, 4));
    const year = 2000 + Number(raw.slice(4, 6));
    if (month < 1 || month > 12)
      return { ok: false, message: `${name} "${raw}": month ${raw.slice(2, 4)} does not exist`, offset: 2 };
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth)
      return {
        ok: false,
        message: `${name} "${raw}": day ${raw.slice(0, 2)} does not exist in ${String(month).padStart(2, '0')}/${year}`,
      };
    return { ok: true, value: `${year}-${raw.slice(2, 4)}-${raw.slice(0, 2)}` };
  },
});

/**
 * Signed cents on 13 characters. Written `+` or `-` then 12 digits; read tolerantly as the
 * exporters write it: a space for the sign (caerp) or 13 digits without a sign (excel-to-quadra).
 */
const centsField = (name: string, start: number, optional: boolean): FieldCodec => ({
  name,
  start,
  width: 13,
  encode: (value) =>
    value === null
      ? ' '.repeat(13)
      : `${(value as number) < 0 ? '-' : '+'}${String(Math.abs(value as number)).padStart(12, '0')}`,
  decode: (raw) => {
    if (optional && raw.trim() === '') return { ok: true, value: null };
    const match = /^([+\- ]\d{12}|\d{13})$/.exec(raw);
    if (!match) {
      const bad = [...raw].findIndex((ch, i) => !(/\d/.test(ch) || (i === 0 && /[+\- ]/.test(ch))));
      return {
        ok: false,
        message: `${name} is "${raw}"; expected a sign and 12 digits of cents (13,18 € is +000000001318)`,
        offset: Math.max(bad, 0),
      };
    }
    const negative = raw.startsWith('-');
    const cents = Number(raw.replace(/^[+\- ]/, ''));
    return { ok: true, value: negative && cents !== 0 ? -cents : cents }; // "-000000000000" is 0, not -0
  },
});

const digitsField = (name: string, start: number, width: number): FieldCodec => ({
  name,
  start,
  width,
  encode: (value) => String(value).padStart(width, '0'),
  decode: (raw) =>
    /^\d+$/.test(raw) && raw.length === width
      ? { ok: true, value: Number(raw) }
      : { ok: false, message: `${name} is "${raw}"; expected ${width} digits` },
});

interface RecordLayout {
  type: QuadraRecordType;
  schema: z.ZodType;
  fields: readonly FieldCodec[];
  /** Lines shorter than this miss a mandatory field. */
  minLength: number;
  /** What the encoder writes: up to the last field. */
  length: number;
}

const M_FIELDS: readonly FieldCodec[] = [
  accountField('account', 2, true),
  codeField('journal', 10, 2, true),
  folioField(12),
  dateField('date', 15, false),
  textField('labelCode', 21, 1),
  textField('label', 22, 20),
  directionField(42),
  centsField('amountCents', 43, false),
  accountField('counterpartAccount', 56, false),
  dateField('dueDate', 64, true),
  textField('letteringCode', 70, 2),
  textField('statisticsCode', 72, 3),
  textField('pieceNumber5', 75, 5),
  textField('businessCode', 80, 10),
  textField('quantity', 90, 10),
  textField('pieceNumber8', 100, 8),
  textField('currency', 108, 3),
  codeField('journal3', 111, 3, false),
  literalField('vatInEntry', 114, ['', 'O']),
  literalField('vatCode', 115, ['', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
  literalField('vatMethod', 116, ['', 'D', 'E']),
  textField('longLabel', 117, 30),
  textField('vatCode2', 147, 2),
  textField('pieceNumber', 149, 10),
  textField('reserved', 159, 10),
  centsField('currencyAmountCents', 169, true),
  textField('attachment', 182, 12),
];

const C_FIELDS: readonly FieldCodec[] = [
  accountField('account', 2, true),
  textField('label', 10, 30),
  textField('alphaKey', 40, 7),
  accountField('collective', 99, false),
  literalField('update', 217, ['', '2']),
  literalField('accountType', 218, ['C', 'F', 'G']),
];

const I_FIELDS: readonly FieldCodec[] = [
  digitsField('percentBasisPoints', 2, 5),
  centsField('amountCents', 7, false),
  textField('section', 20, 10),
  textField('nature', 30, 10),
];

const R_FIELDS: readonly FieldCodec[] = [
  dateField('dueDate', 2, false),
  centsField('amountCents', 8, false),
  textField('paymentMode', 21, 2),
  codeField('bankJournal', 23, 2, false),
  textField('reference', 25, 10),
];

/** The record layouts, by type letter (position 1). */
export const QUADRA_LAYOUTS: Readonly<Record<QuadraRecordType, RecordLayout>> = {
  // The mandatory fields of an M line end with the amount at 43–55.
  M: { type: 'M', schema: QuadraEntryLineSchema, fields: M_FIELDS, minLength: 55, length: 193 },
  // Account type at 218 is what tells a customer from a supplier: a C line carries it.
  C: { type: 'C', schema: QuadraAccountRecordSchema, fields: C_FIELDS, minLength: 218, length: 218 },
  I: { type: 'I', schema: QuadraAnalyticRecordSchema, fields: I_FIELDS, minLength: 19, length: 39 },
  R: { type: 'R', schema: QuadraScheduleRecordSchema, fields: R_FIELDS, minLength: 20, length: 34 },
};

const isRecordType = (t: string): t is QuadraRecordType => Object.hasOwn(QUADRA_LAYOUTS, t);

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/** The fixed-width line of a valid record (no line ending). Throws on an invalid record: use `encodeQuadraFile` for input you did not build. */
export function formatQuadraRecord(record: QuadraRecord): string {
  const layout = QUADRA_LAYOUTS[record.type];
  const chars: string[] = Array.from({ length: layout.length }, () => ' ');
  chars[0] = record.type;
  for (const field of layout.fields) {
    const value = field.encode((record as Record<string, unknown>)[field.name]);
    const width = [...value].length;
    if (width !== field.width)
      throw new RangeError(`${record.type}.${field.name}: "${value}" does not fit ${field.width} characters`);
    [...value].forEach((ch, i) => (chars[field.start - 1 + i] = ch));
  }
  return chars.join('');
}

/** An account number cut to 8 characters by the encoder (QDR-ACCOUNT-8-CHARS). */
export interface Truncation {
  line: number;
  field: string;
  from: string;
  to: string;
}

/** Fields holding an account number: the format keeps 8 characters of them. */
const ACCOUNT_FIELDS: Record<QuadraRecordType, readonly string[]> = {
  M: ['account', 'counterpartAccount'],
  C: ['account', 'collective'],
  I: [],
  R: [],
};

/**
 * QDR-ACCOUNT-8-CHARS: the account number (PCG or subsidiary) is limited to 8 characters in
 * Quadra; a longer number is truncated when sent. Returns the record with its account fields cut.
 */
export function truncateAccounts<R extends { type: QuadraRecordType }>(
  record: R,
  line = 0,
): { record: R; truncated: Truncation[] } {
  const truncated: Truncation[] = [];
  const out: Record<string, unknown> = { ...record };
  for (const field of ACCOUNT_FIELDS[record.type] ?? []) {
    const value = out[field];
    if (typeof value === 'string' && value.length > 8) {
      out[field] = value.slice(0, 8);
      truncated.push({ line, field, from: value, to: value.slice(0, 8) });
    }
  }
  return { record: out as R, truncated };
}

export type LineEnding = 'CRLF' | 'LF';

export type EncodeResult =
  | { ok: true; bytes: Uint8Array; text: string; truncated: Truncation[] }
  | { ok: false; problems: CodecProblem[] };

/**
 * Encodes records into a Windows-1252 file, each record ended by the line break (CRLF by
 * default, as Dolibarr and excel-to-quadra write). Account numbers longer than 8 characters are
 * cut (QDR-ACCOUNT-8-CHARS) and reported in `truncated`; an invalid field or a character
 * Windows-1252 cannot write is a problem with its line and column, and then nothing is encoded.
 */
export function encodeQuadraFile(records: readonly unknown[], options: { lineEnding?: LineEnding } = {}): EncodeResult {
  const eol = options.lineEnding === 'LF' ? '\n' : '\r\n';
  const problems: CodecProblem[] = [];
  const truncatedAll: Truncation[] = [];
  const lines: string[] = [];
  records.forEach((input, index) => {
    const line = index + 1;
    const type = (input as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !isRecordType(type)) {
      problems.push({
        line,
        column: 1,
        field: 'type',
        message: `record type ${JSON.stringify(type)}; expected M, C, I or R`,
      });
      return;
    }
    const layout = QUADRA_LAYOUTS[type];
    const { record, truncated } = truncateAccounts(input as { type: QuadraRecordType }, line);
    truncatedAll.push(...truncated);
    const parsed = layout.schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        const field = layout.fields.find((f) => f.name === name);
        problems.push({
          line,
          column: field?.start ?? 1,
          ...(name ? { field: name } : {}),
          message: `${name || 'record'}: ${issue.message}`,
        });
      }
      return;
    }
    const formatted = formatQuadraRecord(parsed.data as QuadraRecord);
    const chars = [...formatted];
    chars.forEach((ch, i) => {
      if (!isWindows1252(ch)) {
        const field = layout.fields.find((f) => i + 1 >= f.start && i + 1 < f.start + f.width);
        problems.push({
          line,
          column: i + 1,
          ...(field ? { field: field.name } : {}),
          message: `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not a Windows-1252 character`,
        });
      }
    });
    lines.push(formatted);
  });
  if (problems.length) return { ok: false, problems };
  const text = lines.map((l) => l + eol).join('');
  const encoded = encodeWindows1252(text);
  if (!encoded.ok) throw new Error('unreachable: every character was checked'); // checked per line above
  return { ok: true, bytes: encoded.bytes, text, truncated: truncatedAll };
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

export interface DecodedRecord {
  /** 1-based line number in the file. */
  line: number;
  record: QuadraRecord;
}

export interface DecodeResult {
  /** True when the file has no problem at all (Quadra imports a file all or nothing). */
  ok: boolean;
  /** The records of the lines that decoded, in file order. */
  records: DecodedRecord[];
  problems: CodecProblem[];
  lineEnding: LineEnding | 'none' | 'mixed';
}

const charName = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Turns the bytes (or text) of a file into text, reporting what cannot be Windows-1252. A file
 * that is valid UTF-8 with multi-byte characters is reported as such, character by character:
 * read as Windows-1252 each of them would become two or three characters and shift every later
 * column (vendor-facts §1.1), so the simulator names the cause instead of a wrong column.
 */
function toText(input: Uint8Array | string): { text: string; problems: { index: number; message: string }[] } {
  if (typeof input === 'string') {
    const problems: { index: number; message: string }[] = [];
    let index = 0;
    for (const ch of input) {
      if (!isWindows1252(ch))
        problems.push({ index, message: `"${ch}" (${charName(ch)}) is not a Windows-1252 character` });
      index += ch.length;
    }
    return { text: input, problems };
  }
  // A UTF-8 byte-order mark: read as Windows-1252 it is three characters (ï»¿) before the first
  // record type, so it is refused like the rest of UTF-8 (simulator's own choice; no exporter writes one).
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    const rest = toText(input.subarray(3));
    return {
      text: rest.text,
      problems: [
        {
          index: 0,
          message:
            'the file starts with a UTF-8 byte-order mark (EF BB BF); Quadra reads Windows-1252, where it is the three characters "ï»¿" before the first record',
        },
        ...rest.problems,
      ],
    };
  }
  if (input.some((b) => b >= 0x80)) {
    let utf8: string | null = null;
    try {
      utf8 = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      utf8 = null;
    }
    if (utf8 !== null) {
      const problems: { index: number; message: string }[] = [];
      let index = 0;
      for (const ch of utf8) {
        if (ch.codePointAt(0)! >= 0x80) {
          const bytes = new TextEncoder().encode(ch).length;
          problems.push({
            index,
            message: `"${ch}" (${charName(ch)}) is written in UTF-8 on ${bytes} bytes; Quadra reads Windows-1252, one byte per character`,
          });
        }
        index += ch.length;
      }
      return { text: utf8, problems };
    }
  }
  const { text, unassigned } = decodeWindows1252(input);
  return {
    text,
    problems: unassigned.map((index) => ({
      index,
      message: `byte 0x${input[index]!.toString(16).toUpperCase()} is not a Windows-1252 character`,
    })),
  };
}

/**
 * Decodes a Quadra ASCII file. Never throws: every problem comes back with its line and column
 * (an encoding problem, an unknown record type, a short line, a field that does not parse, an
 * `I` or `R` line with no `M` before it, analytic splits that do not add up to their line).
 */
export function decodeQuadraFile(input: Uint8Array | string): DecodeResult {
  const problems: CodecProblem[] = [];
  const records: DecodedRecord[] = [];
  const decodedText = toText(input);
  const encodingProblems = decodedText.problems;
  // One Ctrl-Z (0x1A) closing the file is the DOS end-of-file mark that DOS-era writers append;
  // it ends the file, it is not a line (simulator's own choice, labelled in the README).
  const text = decodedText.text.endsWith('\u001a') ? decodedText.text.slice(0, -1) : decodedText.text;

  // Split on LF; a CR right before it is the CRLF ending.
  const rawLines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const raw of rawLines) {
    lineStarts.push(offset);
    offset += raw.length + 1;
  }
  const crlf = rawLines.slice(0, -1).filter((l) => l.endsWith('\r')).length;
  const lf = rawLines.length - 1 - crlf;
  const lineEnding: DecodeResult['lineEnding'] = crlf && lf ? 'mixed' : crlf ? 'CRLF' : lf ? 'LF' : 'none';
  const lines = rawLines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));

  // Encoding problems, at their line and (character) column.
  const badLines = new Set<number>();
  for (const problem of encodingProblems) {
    let lineIndex = lineStarts.findIndex(
      (start, i) => problem.index >= start && (i === lineStarts.length - 1 || problem.index < lineStarts[i + 1]!),
    );
    if (lineIndex < 0) lineIndex = 0;
    const column = [...text.slice(lineStarts[lineIndex]!, problem.index)].length + 1;
    problems.push({ line: lineIndex + 1, column, message: problem.message });
    badLines.add(lineIndex + 1);
  }

  // The M line the I and R lines that follow belong to; `inGroup` is true from an M line (even a
  // bad one) through its I and R lines.
  let inGroup = false;
  let current: { line: number; amountCents: number; analyticCents: number; analyticLines: number } | null = null;
  const closeGroup = () => {
    if (current && current.analyticLines > 0 && current.analyticCents !== current.amountCents) {
      problems.push({
        line: current.line,
        column: 43,
        field: 'amountCents',
        message: `the analytic lines (I) add up to ${current.analyticCents} cents, not the line's ${current.amountCents}`,
      });
    }
    current = null;
  };

  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return; // blank lines (the end of the file) carry nothing
    const chars = [...content];
    const type = chars[0]!;
    if (type === 'M' || !['I', 'R'].includes(type)) {
      closeGroup();
      inGroup = type === 'M';
    } else if (!inGroup) {
      problems.push({
        line,
        column: 1,
        field: 'type',
        message: `an ${type} record must directly follow its M line (or that line's other I and R lines)`,
      });
      return;
    }
    if (badLines.has(line)) return;
    const control = chars.findIndex((ch) => /[\u0000-\u001f\u007f]/.test(ch));
    if (control >= 0) {
      problems.push({
        line,
        column: control + 1,
        message: `control character ${charName(chars[control]!)} in a fixed-width line`,
      });
      return;
    }
    if (!isRecordType(type)) {
      problems.push({
        line,
        column: 1,
        field: 'type',
        message: `unknown record type "${type}"; expected M, C, I or R`,
      });
      return;
    }
    const layout = QUADRA_LAYOUTS[type];
    if (chars.length < layout.minLength) {
      problems.push({
        line,
        column: chars.length + 1,
        message: `the line is ${chars.length} characters long; a ${type} record needs at least ${layout.minLength}`,
      });
      return;
    }
    const record: Record<string, unknown> = { type };
    let lineOk = true;
    for (const field of layout.fields) {
      const raw = chars
        .slice(field.start - 1, field.start - 1 + field.width)
        .join('')
        .padEnd(field.width, ' ');
      const parsed = field.decode(raw);
      if (parsed.ok) record[field.name] = parsed.value;
      else {
        lineOk = false;
        problems.push({ line, column: field.start + (parsed.offset ?? 0), field: field.name, message: parsed.message });
      }
    }
    if (!lineOk) return;
    const valid = layout.schema.safeParse(record);
    if (!valid.success) {
      problems.push({ line, column: 1, message: valid.error.issues[0]!.message });
      return;
    }
    records.push({ line, record: valid.data as QuadraRecord });
    if (type === 'M') current = { line, amountCents: record.amountCents as number, analyticCents: 0, analyticLines: 0 };
    if (type === 'I' && current) {
      current.analyticCents += record.amountCents as number;
      current.analyticLines += 1;
    }
  });
  closeGroup();
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: problems.length === 0, records, problems, lineEnding };
}

/** A blank `M` line to spread over: every optional field empty. */
export function entryLine(
  fields: Pick<QuadraEntryLine, 'account' | 'journal' | 'date' | 'direction' | 'amountCents'> &
    Partial<QuadraEntryLine>,
): QuadraEntryLine {
  return {
    type: 'M',
    folio: '000',
    labelCode: '',
    label: '',
    counterpartAccount: '',
    dueDate: null,
    letteringCode: '',
    statisticsCode: '',
    pieceNumber5: '',
    businessCode: '',
    quantity: '',
    pieceNumber8: '',
    currency: 'EUR',
    journal3: '',
    vatInEntry: '',
    vatCode: '',
    vatMethod: '',
    longLabel: '',
    vatCode2: '',
    pieceNumber: '',
    reserved: '',
    currencyAmountCents: null,
    attachment: '',
    ...fields,
  };
}
