/**
 * The FEC (Fichier des Écritures Comptables, article A47 A-1 of the Livre des procédures fiscales):
 * the legal export of a French set of books. A header line of field names, then one line per
 * entry line, fields separated by a tab or a pipe, dates as AAAAMMJJ, amounts with a decimal
 * comma. The 18 fields, in this order: JournalCode JournalLib EcritureNum EcritureDate CompteNum
 * CompteLib CompAuxNum CompAuxLib PieceRef PieceDate EcritureLib Debit Credit EcritureLet DateLet
 * ValidDate Montantdevise Idevise. The text also allows "Montant" and "Sens" (D or C) in place
 * of Debit and Credit, which some packages write; both layouts are read.
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

export function parseFec(text: string): FecLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes('\t') ? '\t' : header.includes('|') ? '|' : undefined;
  if (!separator)
    throw new FecError(
      1,
      1,
      'the header has neither tabs nor pipes between its fields (a FEC is tab or pipe separated)',
    );
  const names = header.split(separator).map((n) => n.trim());
  const layout =
    names.map((n) => n.toLowerCase()).join(' ') === MONTANT_SENS.join(' ').toLowerCase() ? MONTANT_SENS : FEC_FIELDS;
  if (names.length !== 18)
    throw new FecError(
      1,
      Math.min(names.length, 18) + 1,
      `the header has ${names.length} fields, a FEC has 18 (${FEC_FIELDS.join(', ')})`,
    );
  names.forEach((name, i) => {
    if (name.toLowerCase() !== layout[i]!.toLowerCase())
      throw new FecError(1, i + 1, `field ${i + 1} is "${name}", expected "${layout[i]}"`);
  });
  const out: FecLine[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const f = raw.split(separator);
    if (f.length !== 18) throw new FecError(line, Math.min(f.length, 18) + 1, `${f.length} fields, a FEC line has 18`);
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

export interface FecReferenceData {
  accounts: { number: string; label: string; collective: boolean }[];
  subsidiaryAccounts: { code: string; label: string; collectiveAccount: string }[];
  journals: { code: string; label: string }[];
  /** Calendar years the entries fall in, oldest first (a FEC states no fiscal year boundaries). */
  years: number[];
}

/** The reference data a FEC shows: its chart of accounts with labels, subsidiary accounts, journals and years. */
export function referenceData(lines: readonly FecLine[]): FecReferenceData {
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
  };
}
