import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS, catalogue, identifyMessage, normalize, renderMessage, templateParams } from './index.js';
import { matchTable } from './match.table.js';

const answer = (text: string) => identifyMessage(text).sure?.id ?? 'unsure';

describe('the support table: what customers paste', () => {
  it('covers every entry in English and in French', () => {
    for (const id of CATALOGUE_IDS) {
      for (const lang of ['en', 'fr'] as const)
        expect(
          matchTable.some((c) => c.expect === id && c.lang === lang),
          `${id} ${lang}`,
        ).toBe(true);
    }
  });

  for (const c of matchTable) {
    it(`${c.expect}: ${c.text.replace(/\n/g, ' ⏎ ').slice(0, 90)}`, () => {
      const result = identifyMessage(c.text);
      const got = result.sure?.id ?? 'unsure';
      const why = result.candidates
        .slice(0, 3)
        .map((m) => `${m.id} ${m.confidence.toFixed(2)} [${m.evidence.join(' ')}]`)
        .join('; ');
      if (c.expect === 'unsure') expect([`unsure`, c.orSure ?? 'unsure'], why).toContain(got);
      else expect(got, why).toBe(c.expect);
      for (const [name, value] of Object.entries(c.params ?? {}))
        expect(normalize(result.sure?.params[name] ?? ''), name).toBe(normalize(value));
    });
  }
});

describe('no confident wrong answer', () => {
  const other = (name: string) =>
    ({
      account: '4457100',
      years: '2018, 2019',
      year: '2017',
      fiscalYear: '2016',
      file: 'FERME DU BOIS',
      folder: 'FERME DU BOIS',
      entity: 'CABINET ROUX',
      collaborator: 'a.roux',
      date: '2027-01-31',
      line: '17',
      journal: 'BQ2',
      batch: 'LOT-8812',
      description: 'FACTURE GRANDE PHARMACIE DU CENTRE VILLE',
      code: 'CLIENTLEGRANDPALAIS',
    })[name] ?? `VAL${name.length}`;

  it('ranks every catalogue message, rendered with other values, first and sure, in each language', () => {
    for (const entry of catalogue) {
      entry.messages.forEach((message, variant) => {
        for (const lang of ['en', 'fr'] as const) {
          const template = lang === 'fr' ? message.fr : message.en;
          if (!template) continue;
          const text = renderMessage(
            entry.id,
            Object.fromEntries(templateParams(template).map((n) => [n, other(n)])),
            variant,
            lang,
          );
          expect(answer(text), `${lang}: ${text}`).toBe(entry.id);
          expect(answer(text.toUpperCase().replace(/'/g, '’')), `${lang} shouted: ${text}`).toBe(entry.id);
        }
      });
    }
  }, 60_000);

  it('never answers another entry, surely, for the first half of a message', () => {
    for (const entry of catalogue) {
      for (const message of entry.messages) {
        for (const template of [message.en, message.fr]) {
          if (!template) continue;
          const words = template.replace(/\{(\w+)\}/g, (_, n: string) => other(n)).split(/\s+/);
          if (words.length < 4) continue;
          const half = words.slice(0, Math.floor(words.length / 2)).join(' ');
          // Two words may be another entry's whole message ("Account 4457100" is Sage GE's label for a created account).
          if (half.split(' ').length < 3) continue;
          expect(['unsure', entry.id], half).toContain(answer(half));
        }
      }
    }
  }, 60_000);

  it('reaches every one of the 60 entries by a message, a status name or a symptom, in both languages', () => {
    for (const entry of catalogue) {
      const forms: { lang: 'en' | 'fr'; text: string }[] = [];
      entry.messages.forEach((m, variant) => {
        forms.push({
          lang: 'en',
          text: renderMessage(
            entry.id,
            Object.fromEntries(templateParams(m.en).map((n) => [n, other(n)])),
            variant,
            'en',
          ),
        });
        if (m.fr)
          forms.push({
            lang: 'fr',
            text: renderMessage(
              entry.id,
              Object.fromEntries(templateParams(m.fr).map((n) => [n, other(n)])),
              variant,
              'fr',
            ),
          });
      });
      for (const s of [...(entry.status ?? []), ...(entry.symptoms ?? [])])
        forms.push({ lang: 'en', text: s.en }, { lang: 'fr', text: s.fr });
      for (const lang of ['en', 'fr'] as const) {
        const reaching = forms.filter((f) => f.lang === lang && answer(f.text) === entry.id);
        expect(
          reaching.length,
          `${entry.id} (${lang}) is reachable by nothing: ${forms
            .filter((f) => f.lang === lang)
            .map((f) => `${f.text} → ${answer(f.text)}`)
            .join(' | ')}`,
        ).toBeGreaterThan(0);
      }
    }
  }, 120_000);
});

describe('the language of the answer is the language of the text', () => {
  // A symptom whose words have synonyms across the languages ("certificat" / "certificate") matches
  // both forms equally: the explanation must come in the customer's language, not the first tried.
  it('answers in French for every French status name and symptom, and in English for the English ones', () => {
    const wrong: string[] = [];
    for (const entry of catalogue) {
      for (const s of [...(entry.status ?? []), ...(entry.symptoms ?? [])]) {
        if (normalize(s.en) === normalize(s.fr)) continue;
        for (const lang of ['en', 'fr'] as const) {
          const sure = identifyMessage(s[lang]).sure;
          if (sure?.id === entry.id && sure.lang !== lang)
            wrong.push(`${entry.id} ${lang}: "${s[lang]}" → ${sure.lang}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('reads a French e-mail around a symptom as French', () => {
    const sure = identifyMessage('Bonjour, depuis lundi le certificat GE Connecteur est expiré chez nous').sure;
    expect(sure?.id).toBe('SGE-STUCK-ADMIN-CERT-EXPIRED');
    expect(sure?.lang).toBe('fr');
  });
});
