import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../../contracts/catalogue/index.js';
import { checkFile } from '../domain/imports.js';
import { buildDossier } from '../seed/builders.js';
import { DOSSIER, asciiFile, purchaseLines } from '../test-support.js';

/**
 * The dossier prerequisites an imported file is checked against (the README's "open period" and
 * "complete chart"), at their edges: what `checkFile` reports is what the rejection report holds.
 */
const dossier = (overrides: Parameters<typeof buildDossier>[3] = {}) => buildDossier(DOSSIER, 2026, null, overrides);

describe('QDR-PERIOD-NOT-OPEN (variant 1): a line must be dated inside the open period', () => {
  it("accepts a line on the open period's first day and on its last day", () => {
    for (const date of ['2026-01-01', '2026-12-31'])
      expect(checkFile(dossier(), asciiFile(purchaseLines({ date }))).problems, date).toEqual([]);
  });

  it('refuses a line dated the day after the open period ends, naming line, date and dossier', () => {
    const { problems } = checkFile(dossier(), asciiFile(purchaseLines({ date: '2027-01-01' })));
    expect(problems).toEqual(
      [1, 2, 3].map((line) => ({
        line,
        column: 15,
        field: 'date',
        code: getEntry('QDR-PERIOD-NOT-OPEN').wire!.code,
        message: renderMessage('QDR-PERIOD-NOT-OPEN', { line: String(line), date: '2027-01-01', file: DOSSIER }, 1),
      })),
    );
  });
});

describe('QDR-INCOMPLETE-FILE (variant 0): a complete chart has a general account in each class 1 to 7', () => {
  const incomplete = {
    code: getEntry('QDR-INCOMPLETE-FILE').wire!.code,
    message: renderMessage('QDR-INCOMPLETE-FILE', { file: DOSSIER }),
  };
  const withoutClass2 = () => {
    const d = dossier();
    delete d.accounts['21830000'];
    return d;
  };

  it('refuses the file when a class has no account at all', () => {
    expect(checkFile(withoutClass2(), asciiFile(purchaseLines())).problems).toEqual([incomplete]);
  });

  it('does not count a supplier or customer account towards a class: only general accounts do', () => {
    for (const type of ['F', 'C'] as const) {
      const d = withoutClass2();
      d.accounts['2AUXIL'] = { number: '2AUXIL', type, label: '', collective: '40100000', autoCreated: false };
      expect(checkFile(d, asciiFile(purchaseLines())).problems, type).toEqual([incomplete]);
      d.accounts['2AUXIL'] = { ...d.accounts['2AUXIL']!, type: 'G', collective: '' };
      expect(checkFile(d, asciiFile(purchaseLines())).problems, `${type} → G`).toEqual([]);
    }
  });
});
