import { FEC_FIELDS } from './parse.js';

/** One line of a FEC to write; amounts in cents, dates ISO. */
export interface FecRecord {
  journalCode: string;
  journalLib: string;
  ecritureNum: string;
  ecritureDate: string;
  compteNum: string;
  compteLib: string;
  compAuxNum?: string;
  compAuxLib?: string;
  pieceRef: string;
  pieceDate: string;
  ecritureLib: string;
  debit: number;
  credit: number;
  validDate?: string;
}

const date = (iso: string | undefined) => (iso ? iso.slice(0, 10).replace(/-/g, '') : '');
const amount = (cents: number) => `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
// A field may not hold the separator or a line break: they would shift every column after it.
const clean = (text: string | undefined) => (text ?? '').replace(/[\t|\r\n]+/g, ' ');

/** A FEC (tab separated unless told otherwise), the 18 fields with Debit and Credit, CRLF line ends. */
export function writeFec(records: readonly FecRecord[], separator: '\t' | '|' = '\t'): string {
  const rows = records.map((r) =>
    [
      r.journalCode,
      r.journalLib,
      r.ecritureNum,
      date(r.ecritureDate),
      r.compteNum,
      r.compteLib,
      r.compAuxNum,
      r.compAuxLib,
      r.pieceRef,
      date(r.pieceDate),
      r.ecritureLib,
      amount(r.debit),
      amount(r.credit),
      '',
      '',
      date(r.validDate),
      '',
      '',
    ]
      .map(clean)
      .join(separator),
  );
  return `${[FEC_FIELDS.join(separator), ...rows].join('\r\n')}\r\n`;
}
