import { entryLine, type QuadraRecord } from './ascii.js';

/**
 * Golden sample lines: each record with the exact line the codec must write for it, checked
 * column by column against vendor-facts.md §1 (positions of KB0014530 as Dolibarr, caerp,
 * DEN-RAN and excel-to-quadra write them). Connectors and scenarios may reuse them.
 */

const ruler = (parts: [position: number, text: string][], length: number): string => {
  const chars = Array.from({ length }, () => ' ');
  for (const [position, text] of parts) [...text].forEach((ch, i) => (chars[position - 1 + i] = ch));
  return chars.join('');
};

/** A purchase invoice line: 13,18 € debited to 60640000 in journal AC on 15/01/2026. */
export const GOLDEN_PURCHASE: { record: QuadraRecord; line: string } = {
  record: entryLine({
    account: '60640000',
    journal: 'AC',
    date: '2026-01-15',
    label: 'Fournitures bureau',
    direction: 'D',
    amountCents: 1318,
    pieceNumber5: 'F0042',
    pieceNumber8: 'FAC00042',
    journal3: 'AC',
    longLabel: 'Fournitures de bureau janvier',
    pieceNumber: 'FAC-000042',
    attachment: 'F0000042.pdf',
  }),
  line: ruler(
    [
      [1, 'M'],
      [2, '60640000'],
      [10, 'AC'],
      [12, '000'],
      [15, '150126'],
      [22, 'Fournitures bureau'],
      [42, 'D'],
      [43, '+000000001318'],
      [64, '000000'],
      [75, 'F0042'],
      [100, 'FAC00042'],
      [108, 'EUR'],
      [111, 'AC'],
      [117, 'Fournitures de bureau janvier'],
      [149, 'FAC-000042'],
      [182, 'F0000042.pdf'],
    ],
    193,
  ),
};

/** The supplier side: a credit on the auxiliary account 0DUPONT (prefix 0 = supplier), due 14/02/2026. */
export const GOLDEN_SUPPLIER: { record: QuadraRecord; line: string } = {
  record: entryLine({
    account: '0DUPONT',
    journal: 'AC',
    date: '2026-01-15',
    label: 'Dupont é€',
    direction: 'C',
    amountCents: 1318,
    counterpartAccount: '60640000',
    dueDate: '2026-02-14',
  }),
  line: ruler(
    [
      [1, 'M'],
      [2, '0DUPONT'],
      [10, 'AC'],
      [12, '000'],
      [15, '150126'],
      [22, 'Dupont é€'],
      [42, 'C'],
      [43, '+000000001318'],
      [56, '60640000'],
      [64, '140226'],
      [108, 'EUR'],
    ],
    193,
  ),
};

export const GOLDEN_ANALYTIC: { record: QuadraRecord; line: string } = {
  record: { type: 'I', percentBasisPoints: 10000, amountCents: 1318, section: 'PARIS', nature: 'FOURN' },
  line: ruler(
    [
      [1, 'I'],
      [2, '10000'],
      [7, '+000000001318'],
      [20, 'PARIS'],
      [30, 'FOURN'],
    ],
    39,
  ),
};

export const GOLDEN_SCHEDULE: { record: QuadraRecord; line: string } = {
  record: {
    type: 'R',
    dueDate: '2026-02-14',
    amountCents: -1318,
    paymentMode: 'VI',
    bankJournal: 'BQ',
    reference: 'REF1',
  },
  line: ruler(
    [
      [1, 'R'],
      [2, '140226'],
      [8, '-000000001318'],
      [21, 'VI'],
      [23, 'BQ'],
      [25, 'REF1'],
    ],
    34,
  ),
};

export const GOLDEN_ACCOUNT: { record: QuadraRecord; line: string } = {
  record: {
    type: 'C',
    account: '9MARTIN',
    label: 'Boulangerie Martin',
    alphaKey: 'MARTIN',
    collective: '41100000',
    update: '',
    accountType: 'C',
  },
  line: ruler(
    [
      [1, 'C'],
      [2, '9MARTIN'],
      [10, 'Boulangerie Martin'],
      [40, 'MARTIN'],
      [99, '41100000'],
      [218, 'C'],
    ],
    218,
  ),
};

export const GOLDEN_SAMPLES = { GOLDEN_PURCHASE, GOLDEN_SUPPLIER, GOLDEN_ANALYTIC, GOLDEN_SCHEDULE, GOLDEN_ACCOUNT };
