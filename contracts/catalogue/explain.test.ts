import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';
import { catalogueFr } from './fr.js';
import { catalogue, getEntry, identifyMessage, renderMessage } from './index.js';
import { englishIn } from './test-support.js';

describe('the explanation to forward', () => {
  it("is in French for a French message: the vendor's French message with the customer's values, the French cause and every step", () => {
    const match = identifyMessage("Bonjour, l'écriture est rejetée : Le compte 512100 est verrouillé").sure!;
    const entry = getEntry('SGE-ACCOUNT-LOCKED');
    const { lang, text } = explain(entry, match);
    expect(lang).toBe('fr');
    expect(text).toContain(`« ${renderMessage(entry.id, { account: '512100' }, 0, 'fr')} »`);
    expect(text).toContain(catalogueFr[entry.id].cause);
    catalogueFr[entry.id].remedy.forEach((step, i) => expect(text).toContain(`${i + 1}. ${step}`));
    expect(text).not.toContain(entry.cause);
  });

  it('is wholly French for every entry, every message variant and a match by symptom: no English sentence of the catalogue in it', () => {
    const leaks: string[] = [];
    for (const entry of catalogue) {
      const matches = [
        ...entry.messages.map((_, variant) => ({ via: 'message' as const, variant })),
        { via: 'symptom' as const, variant: 0 },
      ];
      for (const { via, variant } of matches) {
        const { lang, text } = explain(entry, { lang: 'fr', params: {}, variant, via });
        expect(lang).toBe('fr');
        for (const sentence of englishIn(text)) leaks.push(`${entry.id} (${via} ${variant}): "${sentence}"`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has its English twin: the English explanation gives the English cause and steps', () => {
    for (const entry of catalogue) {
      const { lang, text } = explain(entry, { lang: 'en', params: {}, variant: 0, via: 'symptom' });
      expect(lang).toBe('en');
      expect(text).toContain(entry.cause);
      entry.remedy.forEach((step, i) => expect(text).toContain(`${i + 1}. ${step}`));
    }
  });

  it("quotes the vendor's French menu path where a French source gives it", () => {
    const match = identifyMessage('Bonjour, certificat GE Connecteur expiré').sure!;
    expect(match.id).toBe('SGE-STUCK-ADMIN-CERT-EXPIRED');
    expect(explain(getEntry(match.id), match).text).toContain(
      'Traitements > Connecteur GE > Administrateur de référence > Authentifier',
    );
  });

  it('is in English for an English message, with the menu path of the remedy', () => {
    const match = identifyMessage('Import cursor locked').sure!;
    const { lang, text } = explain(getEntry('SGE-IMPORT-CURSOR-LOCKED'), match);
    expect(lang).toBe('en');
    expect(text).toContain('Utilities > Import Cursor Settings > Lock Tab');
  });

  it('never prints a placeholder for a value the customer did not give', () => {
    const match = identifyMessage('compte verrouillé dans Sage GE').sure!;
    expect(match.id).toBe('SGE-ACCOUNT-LOCKED');
    expect(explain(getEntry(match.id), match).text).not.toMatch(/\{\w+\}/);
  });
});
