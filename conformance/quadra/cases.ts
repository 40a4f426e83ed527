import type { AccountState } from '../../simulators/quadra/state/schema.js';

/**
 * The Quadra conformance corpus: one file per public exporter layout (files/, written by us in
 * each exporter's byte layout; README.md names the code followed), with what a developer sees
 * after a CFE upload into the demo dossier and its opening. Every expected value is written out
 * by hand from the file's bytes and the exporter's code, never computed by the simulator.
 */

/** One expected entry line as GetEcritures answers it (Folio is always `000` in these files). */
export interface ExpectedLine {
  journal: string;
  date: string;
  account: string;
  label: string;
  debit: number;
  credit: number;
  piece: string;
  dueDate: string | null;
  currency: string;
  attachment: string;
}

export interface ExpectedLayout {
  /** `CRLF`, `LF`, or `LF, no final newline` (iDocus joins its lines). */
  lineEnding: 'CRLF' | 'LF' | 'LF, no final newline';
  /** Line lengths in bytes, line ending excluded, in file order. */
  lengths: number[];
}

export type ConformanceCase =
  | {
      file: string;
      exporter: string;
      layout: ExpectedLayout;
      outcome: 'imported';
      lines: ExpectedLine[];
      /** Accounts as the chart holds them afterwards (every field). */
      accounts: AccountState[];
      /** Accounts that must not exist afterwards (a 6-digit number next to its 8-digit chart account). */
      absentAccounts: string[];
      /** `I` and `R` records read, checked and not stored. */
      ignored: { analytic: number; schedules: number };
    }
  | {
      file: string;
      exporter: string;
      layout: ExpectedLayout;
      outcome: 'rejected';
      problems: { line: number; column: number; code: string; message: RegExp }[];
    };

const line = (journal: string, date: string, rest: Omit<ExpectedLine, 'journal' | 'date'>): ExpectedLine => ({
  journal,
  date,
  ...rest,
});
const auto = (number: string, type: AccountState['type'], collective = '', alphaKey?: string): AccountState => ({
  number,
  type,
  label: '',
  collective,
  ...(alphaKey ? { alphaKey } : {}),
  autoCreated: true,
});
const chart = (number: string, label: string): AccountState => ({
  number,
  type: 'G',
  label,
  collective: '',
  autoCreated: false,
});

export const QUADRA_CASES: readonly ConformanceCase[] = [
  {
    file: 'dolibarr-quadratus-invoice.txt',
    exporter: 'Dolibarr exportQuadratus, customer invoice (C record + 3 M, attachment)',
    layout: { lineEnding: 'CRLF', lengths: [453, 231, 231, 231] },
    outcome: 'imported',
    lines: [
      line('VT', '2026-03-10', {
        account: 'CDUPONT',
        label: 'Dupont SARL',
        debit: 1200,
        credit: 0,
        piece: 'A2603-0001',
        dueDate: '2026-04-10',
        currency: 'EUR',
        attachment: '00000042.pdf',
      }),
      line('VT', '2026-03-10', {
        account: '70600000',
        label: 'Prestation conseil',
        debit: 0,
        credit: 1000,
        piece: 'A2603-0001',
        dueDate: '2026-04-10',
        currency: 'EUR',
        attachment: '00000042.pdf',
      }),
      line('VT', '2026-03-10', {
        account: '44571000',
        label: 'TVA collectee 20%',
        debit: 0,
        credit: 200,
        piece: 'A2603-0001',
        dueDate: '2026-04-10',
        currency: 'EUR',
        attachment: '00000042.pdf',
      }),
    ],
    accounts: [
      auto('CDUPONT', 'C', '41100000', 'CDUPONT'),
      chart('70600000', 'Prestations de services'),
      chart('44571000', 'TVA collectée'),
    ],
    absentAccounts: ['706000', '445710', '411'],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'dolibarr-quadratus-expense-report.txt',
    exporter: 'Dolibarr exportQuadratus, expense report (C record of type G, journal ER, no due date)',
    layout: { lineEnding: 'CRLF', lengths: [453, 231, 231, 231] },
    outcome: 'imported',
    lines: [
      line('ER', '2026-03-12', {
        account: 'UMARTIN',
        label: 'Martin Paul',
        debit: 0,
        credit: 96,
        piece: 'R2603-0007',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
      line('ER', '2026-03-12', {
        account: '62510000',
        label: 'Deplacement Lyon',
        debit: 80,
        credit: 0,
        piece: 'R2603-0007',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
      line('ER', '2026-03-12', {
        account: '44566000',
        label: 'TVA deductible',
        debit: 16,
        credit: 0,
        piece: 'R2603-0007',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
    ],
    accounts: [
      auto('UMARTIN', 'G'),
      chart('62510000', 'Voyages et déplacements'),
      chart('44566000', 'TVA déductible sur autres biens et services'),
    ],
    absentAccounts: ['625100', '445660'],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'excel-to-quadra-situation.txt',
    exporter: 'excel-to-quadra, a situation entry on OS with two analytic I lines (146-character M, unsigned amounts)',
    layout: { lineEnding: 'CRLF', lengths: [146, 39, 39, 146] },
    outcome: 'imported',
    lines: [
      line('OS', '2026-12-31', {
        account: '64140100',
        label: 'Régularisation',
        debit: 1234.56,
        credit: 0,
        piece: 'IMPORT01',
        dueDate: null,
        currency: '',
        attachment: '',
      }),
      line('OS', '2026-12-31', {
        account: '42868000',
        label: 'Régularisation',
        debit: 0,
        credit: 1234.56,
        piece: 'IMPORT01',
        dueDate: null,
        currency: '',
        attachment: '',
      }),
    ],
    accounts: [auto('64140100', 'G'), auto('42868000', 'G')],
    absentAccounts: [],
    ignored: { analytic: 2, schedules: 0 },
  },
  {
    file: 'odoo-quadra-export-ascii.txt',
    exporter:
      'Odoo module quadra_export_ascii, customer invoice INV/2026/00042 (partner reference with a hyphen, journal INV)',
    layout: { lineEnding: 'LF', lengths: [231, 231, 231] },
    outcome: 'imported',
    lines: [
      line('INV', '2026-03-10', {
        account: 'CLI-0042',
        label: 'INV/2026/00042',
        debit: 2400,
        credit: 0,
        piece: 'V202600042',
        dueDate: '2026-04-09',
        currency: 'EUR',
        attachment: '',
      }),
      line('INV', '2026-03-10', {
        account: '70600000',
        label: 'Audit s?curit?',
        debit: 0,
        credit: 2000,
        piece: 'V202600042',
        dueDate: '2026-04-09',
        currency: 'EUR',
        attachment: '',
      }),
      line('INV', '2026-03-10', {
        account: '44571000',
        label: 'TVA collect?e 20%',
        debit: 0,
        credit: 400,
        piece: 'V202600042',
        dueDate: '2026-04-09',
        currency: 'EUR',
        attachment: '',
      }),
    ],
    // No C record: a partner reference that is neither 0… nor 9… is created as a general account.
    accounts: [auto('CLI-0042', 'G'), chart('70600000', 'Prestations de services'), chart('44571000', 'TVA collectée')],
    absentAccounts: ['706000', '445710'],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'caerp-treasury-invoice.txt',
    exporter:
      'caerp TraExporter, invoice on VTE (accounts right-aligned, blank sign, 32-character label, an I after each M)',
    layout: { lineEnding: 'LF', lengths: [231, 39, 231, 39, 231, 39] },
    outcome: 'imported',
    lines: [
      line('VTE', '2026-03-15', {
        account: 'CLIDUP',
        label: 'Facture 2026-0042 Société Dupo',
        debit: 1440,
        credit: 0,
        piece: '2026-0042',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
      line('VTE', '2026-03-15', {
        account: '70600000',
        label: 'Facture 2026-0042 Société Dupo',
        debit: 0,
        credit: 1200,
        piece: '2026-0042',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
      line('VTE', '2026-03-15', {
        account: '44571000',
        label: 'Facture 2026-0042 Société Dupo',
        debit: 0,
        credit: 240,
        piece: '2026-0042',
        dueDate: null,
        currency: 'EUR',
        attachment: '',
      }),
    ],
    accounts: [auto('CLIDUP', 'G'), chart('70600000', 'Prestations de services'), chart('44571000', 'TVA collectée')],
    absentAccounts: ['706000', '445710'],
    ignored: { analytic: 3, schedules: 0 },
  },
  {
    file: 'idocus-zip-quadratus-purchase.txt',
    exporter: 'iDocus export_zip_quadratus, purchase on AC (256-character lines, no final newline, attachment 12.pdf)',
    // Ruby's line[99..106] = a 9-character piece cut to 8 keeps the length: 256.
    layout: { lineEnding: 'LF, no final newline', lengths: [256, 256, 256] },
    outcome: 'imported',
    lines: [
      line('AC', '2026-03-18', {
        account: '0FOURNI',
        label: 'FOURNITURES PLUS - FP2603118',
        debit: 0,
        credit: 360,
        piece: '0FP2603118',
        dueDate: '2026-04-17',
        currency: 'EUR',
        attachment: '12.pdf',
      }),
      line('AC', '2026-03-18', {
        account: '60640000',
        label: 'FOURNITURES PLUS - FP2603118',
        debit: 300,
        credit: 0,
        piece: '0FP2603118',
        dueDate: '2026-04-17',
        currency: 'EUR',
        attachment: '12.pdf',
      }),
      line('AC', '2026-03-18', {
        account: '44566000',
        label: 'FOURNITURES PLUS - FP2603118',
        debit: 60,
        credit: 0,
        piece: '0FP2603118',
        dueDate: '2026-04-17',
        currency: 'EUR',
        attachment: '12.pdf',
      }),
    ],
    accounts: [
      auto('0FOURNI', 'F', '40100000'),
      chart('60640000', 'Fournitures administratives'),
      chart('44566000', 'TVA déductible sur autres biens et services'),
    ],
    absentAccounts: ['606400', '445660'],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'idocus-zip-quadratus-expense-report.txt',
    exporter:
      'iDocus export_zip_quadratus, expense report on NDF (ND at 10, NDF at 111; a 7-character piece shortens each line by one)',
    layout: { lineEnding: 'LF, no final newline', lengths: [255, 255, 255] },
    outcome: 'imported',
    lines: [
      line('NDF', '2026-03-19', {
        account: '47100000',
        label: 'TAXI G7 - NDF0311',
        debit: 0,
        credit: 42,
        piece: '000NDF0311',
        dueDate: null,
        currency: 'EUR',
        attachment: '13.pdf',
      }),
      line('NDF', '2026-03-19', {
        account: '62510000',
        label: 'TAXI G7 - NDF0311',
        debit: 35,
        credit: 0,
        piece: '000NDF0311',
        dueDate: null,
        currency: 'EUR',
        attachment: '13.pdf',
      }),
      line('NDF', '2026-03-19', {
        account: '44566000',
        label: 'TAXI G7 - NDF0311',
        debit: 7,
        credit: 0,
        piece: '000NDF0311',
        dueDate: null,
        currency: 'EUR',
        attachment: '13.pdf',
      }),
    ],
    accounts: [
      chart('47100000', "Compte d'attente"),
      chart('62510000', 'Voyages et déplacements'),
      chart('44566000', 'TVA déductible sur autres biens et services'),
    ],
    absentAccounts: ['471000', '625100', '445660'],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'dos-cp850-ctrl-z.txt',
    exporter: 'a DOS-era writer: code page 850 text (ü = 0x81), CRLF, a trailing Ctrl-Z',
    layout: { lineEnding: 'CRLF', lengths: [146, 146] },
    outcome: 'imported',
    lines: [
      line('OD', '2026-03-20', {
        account: '62260000',
        label: 'Honoraires M\u0081ller',
        debit: 500,
        credit: 0,
        piece: '',
        dueDate: null,
        currency: '',
        attachment: '',
      }),
      line('OD', '2026-03-20', {
        account: '47100000',
        label: 'Honoraires M\u0081ller',
        debit: 0,
        credit: 500,
        piece: '',
        dueDate: null,
        currency: '',
        attachment: '',
      }),
    ],
    accounts: [chart('62260000', 'Honoraires'), chart('47100000', "Compte d'attente")],
    absentAccounts: [],
    ignored: { analytic: 0, schedules: 0 },
  },
  {
    file: 'idocus-zip-quadratus-utf8-accent.txt',
    exporter: 'iDocus export_zip_quadratus with an accented third party: Ruby writes UTF-8, É takes two bytes',
    layout: { lineEnding: 'LF, no final newline', lengths: [255, 255] },
    outcome: 'rejected',
    // The label is at 22 (20 characters) and, being longer than 20, again at 117: É at 25 and 120.
    problems: [
      { line: 1, column: 25, code: 'InvalidEncoding', message: /UTF-8 on 2 bytes/ },
      { line: 1, column: 120, code: 'InvalidEncoding', message: /UTF-8 on 2 bytes/ },
      { line: 2, column: 25, code: 'InvalidEncoding', message: /UTF-8 on 2 bytes/ },
      { line: 2, column: 120, code: 'InvalidEncoding', message: /UTF-8 on 2 bytes/ },
    ],
  },
  {
    file: 'utf8-bom.txt',
    exporter: 'an editor saving "UTF-8 with BOM"',
    // The mark's three bytes come before the first record.
    layout: { lineEnding: 'CRLF', lengths: [149, 146] },
    outcome: 'rejected',
    problems: [{ line: 1, column: 1, code: 'InvalidEncoding', message: /UTF-8 byte-order mark/ }],
  },
];
