import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';
import { getEntry, identifyMessage, renderMessage } from './index.js';

describe('the explanation to forward', () => {
  it("is in French for a French message: the vendor's French message with the customer's values, the cause and every documented step", () => {
    const match = identifyMessage("Bonjour, l'écriture est rejetée : Le compte 512100 est verrouillé").sure!;
    const entry = getEntry('SGE-ACCOUNT-LOCKED');
    const { lang, text } = explain(entry, match);
    expect(lang).toBe('fr');
    expect(text).toContain(`« ${renderMessage(entry.id, { account: '512100' }, 0, 'fr')} »`);
    expect(text).toContain(entry.cause);
    entry.remedy.forEach((step, i) => expect(text).toContain(`${i + 1}. ${step}`));
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
