import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_IDS,
  CatalogueEntrySchema,
  catalogue,
  getEntry,
  identifyMessage,
  lookupMessage,
  renderMessage,
  entryForWireCode,
  templateParams,
} from './index.js';

describe('the rejection catalogue', () => {
  it('matches its schema, every entry', () => {
    for (const entry of catalogue)
      expect(CatalogueEntrySchema.safeParse(entry).error?.issues, entry.id).toBeUndefined();
  });

  it('has exactly one entry per id, 61 in all', () => {
    expect(CATALOGUE_IDS).toHaveLength(61);
    expect(catalogue.map((e) => e.id).sort()).toEqual([...CATALOGUE_IDS].sort());
  });

  it('names the vendor by the id prefix and a scenario under that vendor', () => {
    const prefix = { 'sage-ge': 'SGE-', quadra: 'QDR-', loop: 'LOOP-', hub: 'HUB-' } as const;
    for (const entry of catalogue) {
      expect(entry.id.startsWith(prefix[entry.vendor]), entry.id).toBe(true);
      expect(entry.scenarioId.startsWith(`${entry.vendor}/`), entry.id).toBe(true);
    }
  });

  it('gives every rejection a message and every wire error a rejection', () => {
    for (const entry of catalogue) {
      if (entry.kind === 'rejection') expect(entry.messages.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('numbers the Sage GE errors 1 to 9 as the article does', () => {
    const numbered = catalogue.filter((e) => e.vendor === 'sage-ge' && e.errorNumber).map((e) => [e.errorNumber, e.id]);
    expect(numbered).toContainEqual([1, 'SGE-JOURNAL-LOCKED']);
    expect(numbered).toContainEqual([4, 'SGE-COLLECTIVE-ACCOUNT']);
    expect(numbered).toContainEqual([7, 'SGE-IMPORT-CURSOR-LOCKED']);
    expect(numbered).toContainEqual([9, 'SGE-OTHER-ERROR']);
    expect(getEntry('SGE-OTHER-ERROR').messages).toHaveLength(4);
  });

  it('renders templates and refuses a missing parameter', () => {
    expect(renderMessage('SGE-COLLECTIVE-ACCOUNT', { account: '401000' })).toBe(
      'Account (401000) or other is collective',
    );
    expect(renderMessage('SGE-OTHER-ERROR', {}, 2)).toBe('Record not found');
    expect(() => renderMessage('SGE-COLLECTIVE-ACCOUNT', {})).toThrow(/account/);
  });

  it('finds an entry by its wire code', () => {
    expect(entryForWireCode('sage-ge', 'JournalLocked')?.id).toBe('SGE-JOURNAL-LOCKED');
    expect(entryForWireCode('quadra', 'ContainerNotFoundInSicSettings')?.id).toBe('QDR-CONTAINER-NOT-FOUND');
  });
});

describe('matching a customer message', () => {
  const top = (text: string) => lookupMessage(text)[0];

  it('matches every message rendered with other values, in any case and spacing', () => {
    for (const entry of catalogue) {
      entry.messages.forEach((message, variant) => {
        // Values of each parameter's own kind: an account number is digits first, years are years.
        const typed: Record<string, string> = {
          account: '4019173',
          years: '2021',
          year: '2021',
          fiscalYear: '2021',
          date: '2026-12-03',
          line: '9',
          journal: 'AC',
        };
        const params = Object.fromEntries(
          templateParams(message.en).map((name, i) => [name, typed[name] ?? `X${i}9173`]),
        );
        const text = renderMessage(entry.id, params, variant);
        const shouted = `  ${text.toUpperCase().replace(/ /g, '   ')}  `;
        expect(top(shouted)?.id, text).toBe(entry.id);
      });
    }
  });

  it('reads the varying parts: account numbers and year lists', () => {
    const collective = top('Account (411000) or other is collective');
    expect(collective?.id).toBe('SGE-COLLECTIVE-ACCOUNT');
    expect(collective?.params.account).toBe('411000');
    expect(top('The fiscal year (2020, 2021...) is not part of the last 2 open fiscal years')?.id).toBe(
      'SGE-FY-NOT-LAST-TWO',
    );
    expect(top('Erreur : Account 6061000 is locked.')?.params.account).toBe('6061000');
  });

  it("matches Loop's mass rejection with any collaborator and folder", () => {
    const match = top(
      'An error occurred during the JSON import request: The collaborator jdupont@cabinet-martin.fr does not have access to the folder BOULANGERIE MARTIN SAS',
    );
    expect(match?.id).toBe('LOOP-COLLABORATOR-NO-ACCESS');
    expect(match?.params.folder).toBe('BOULANGERIE MARTIN SAS');
  });

  it('matches a partial paste and the message inside a longer sentence', () => {
    expect(top('the GE Connector security certificate has expired')?.id).toBe('SGE-STUCK-ADMIN-CERT-EXPIRED');
    expect(top('Synchronization failed: "Import cursor locked" (see Sage)')?.id).toBe('SGE-IMPORT-CURSOR-LOCKED');
    expect(top('ContainerNotFoundInSicSettings')?.id).toBe('QDR-CONTAINER-NOT-FOUND');
  });

  it('matches a message pasted without its lead-in, and still reads its varying parts', () => {
    const match = top('The collaborator Jean Martin does not have access to the folder BOULANGERIE DUPONT.');
    expect(match?.id).toBe('LOOP-COLLABORATOR-NO-ACCESS');
    expect(match?.params).toEqual({ collaborator: 'Jean Martin', folder: 'BOULANGERIE DUPONT' });
    expect(match!.score).toBeLessThan(1); // below a whole-message match
    // Every message's trailing clauses of four words or more, with other values, find their entry.
    let clauses = 0;
    for (const entry of catalogue) {
      entry.messages.forEach((message) => {
        for (const at of message.en.matchAll(/[:.] +(?=\S)/g)) {
          const clause = message.en
            .slice(at.index + at[0].length)
            .replace(/\{(\w+)\}/g, (_, name: string) => `${name.toUpperCase()} 4471`);
          if (
            clause
              .replace(/\{\w+\}|[^A-Za-z ]/g, ' ')
              .trim()
              .split(/\s+/).length < 4
          )
            continue;
          clauses += 1;
          // Among the candidates listed (a fragment this short may well be "unsure").
          expect(
            lookupMessage(clause, { minScore: 0.3 }).map((m) => m.id),
            clause,
          ).toContain(entry.id);
        }
      });
    }
    expect(clauses).toBeGreaterThan(0);
  });

  it('matches the French original where it is known', () => {
    const match = top('Compte 610123456');
    expect(match?.id).toBe('SGE-PCG-AUTOCREATE');
    expect(match?.lang).toBe('fr');
  });

  it('reads a varying part only at word boundaries ("Account {account}" is not "accounting ...")', () => {
    expect(identifyMessage('No accounting period is open in file SAIN').sure?.id).toBe('QDR-PERIOD-NOT-OPEN');
    expect(lookupMessage('No accounting period is open in file SAIN').map((m) => m.id)).not.toContain(
      'SGE-PCG-AUTOCREATE',
    );
    expect(lookupMessage('accountant on holiday').map((m) => m.id)).not.toContain('SGE-PCG-AUTOCREATE');
  });

  it('finds nothing in unrelated text', () => {
    expect(lookupMessage('the weather is nice today')).toEqual([]);
    expect(lookupMessage('')).toEqual([]);
  });
});

describe('the French cause and remedy of every entry (contracts/catalogue/fr.ts)', () => {
  it('gives every entry one French step per English step, marked as our translation', async () => {
    const { catalogueFr } = await import('./fr.js');
    for (const entry of catalogue) {
      const fr = catalogueFr[entry.id];
      expect(fr, entry.id).toBeDefined();
      expect(fr.remedy.length, `${entry.id}: French steps`).toBe(entry.remedy.length);
      expect(fr.cause, entry.id).not.toBe(entry.cause);
      // The seeds are English: nothing French is quoted word for word, except the menu paths listed in `quoted`.
      expect(fr.documented, entry.id).toBe(false);
      for (const { path, source } of fr.quoted ?? []) {
        expect(
          fr.remedy.some((step) => step.includes(path)),
          `${entry.id}: quoted path ${path}`,
        ).toBe(true);
        expect(source).toMatch(/\S/);
      }
    }
    expect(Object.keys(catalogueFr).sort()).toEqual([...CATALOGUE_IDS].sort());
  });
});
