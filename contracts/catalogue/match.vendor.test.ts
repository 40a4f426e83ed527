import { describe, expect, it } from 'vitest';
import { VENDOR_DISPLAY_NAMES } from '../common/vendor-ids.js';
import { catalogue, identifyMessage, renderMessage, templateParams } from './index.js';
import { vendorsNamedIn } from './match.js';

/**
 * A customer who names their software has said which vendor the entry is from: a message that
 * reads like another vendor's is never a confident answer for that other vendor (an outside trial
 * pasted Quadra and Loop "stuck synchronizing" messages and got Sage GE's error 8 at 93 %).
 */
const why = (text: string) =>
  identifyMessage(text)
    .candidates.slice(0, 3)
    .map((m) => `${m.id} ${m.confidence.toFixed(2)}`)
    .join('; ');

describe('the vendor the customer names', () => {
  it('is read from the ways customers write it, and "Cegid" alone is Quadra or Loop', () => {
    expect([...vendorsNamedIn('Sage GE : écritures bloquées')]).toEqual(['sage-ge']);
    expect([...vendorsNamedIn('dans Sage Génération Experts')]).toEqual(['sage-ge']);
    expect([...vendorsNamedIn('QuadraCompta ne reçoit rien')]).toEqual(['quadra']);
    expect([...vendorsNamedIn('notre dossier Quadratus')]).toEqual(['quadra']);
    expect([...vendorsNamedIn('Cegid Loop, dossier SARL')]).toEqual(['loop']);
    expect(new Set(vendorsNamedIn('chez Cegid'))).toEqual(new Set(['quadra', 'loop']));
    expect([...vendorsNamedIn('Account 606400 is locked')]).toEqual([]);
    // Words that only contain a name are not the name.
    expect([...vendorsNamedIn('the quadrant and the loophole; présage')]).toEqual([]);
  });

  const otherVendor: { text: string; named: string }[] = [
    {
      named: 'quadra',
      text: "Les écritures envoyées vers Quadra il y a deux jours n'apparaissent toujours pas dans le dossier, elles restent en cours de synchronisation",
    },
    { named: 'quadra', text: 'Cegid Quadra : écritures bloquées en synchronisation' },
    { named: 'loop', text: 'Dans Cegid Loop nos écritures restent bloquées en synchronisation depuis trois jours' },
    { named: 'quadra', text: 'Entries sent to Quadra still stuck synchronizing after two days' },
    { named: 'loop', text: 'Dans Loop, le compte 606400 est verrouillé' },
    { named: 'loop', text: 'Bonjour, sur Loop on a « Le compte 627100 est verrouillé » depuis ce matin' },
    { named: 'sage-ge', text: 'In Sage GE: The import cursor is locked' },
  ];
  for (const c of otherVendor) {
    it(`never answers another vendor's entry: ${c.text}`, () => {
      const result = identifyMessage(c.text);
      if (result.sure) expect(['hub', c.named], why(c.text)).toContain(result.sure.entry.vendor);
      else expect(result.unsureBecause).toMatch(/names/);
    });
  }

  it('still answers the vendor it names, and a hub status whatever the vendor', () => {
    expect(identifyMessage('Sage GE : Le compte 606400 est verrouillé').sure?.id).toBe('SGE-ACCOUNT-LOCKED');
    expect(identifyMessage('Sage : écritures bloquées en synchronisation').sure?.id).toBe(
      'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    );
  });

  it("every catalogue message, said to come from another vendor, is never answered as its own vendor's entry", () => {
    const tried: string[] = [];
    const wrong: string[] = [];
    for (const entry of catalogue) {
      if (entry.vendor === 'hub') continue;
      // The first form of each message, in both languages, is enough to cover every entry.
      entry.messages.slice(0, 1).forEach((message, variant) => {
        for (const lang of ['en', 'fr'] as const) {
          const template = lang === 'fr' ? message.fr : message.en;
          if (!template || vendorsNamedIn(template).size > 0) continue;
          const params = Object.fromEntries(
            templateParams(template).map((n) => [n, n === 'account' ? '512300' : 'X1']),
          );
          const text = renderMessage(entry.id, params, variant, lang);
          if (identifyMessage(text).sure?.id !== entry.id) continue;
          for (const [vendor, name] of Object.entries(VENDOR_DISPLAY_NAMES)) {
            const said = lang === 'fr' ? `Dans ${name} on a : ${text}` : `In ${name} we get: ${text}`;
            const sure = identifyMessage(said).sure;
            tried.push(said);
            // A message of one or two words is answered only when it is the whole text: no control.
            if (vendor === entry.vendor) {
              if (text.split(' ').length > 2 && sure?.id !== entry.id)
                wrong.push(`${said} → ${sure?.id ?? 'unsure'} (its own vendor)`);
            } else if (sure && sure.entry.vendor !== vendor && sure.entry.vendor !== 'hub')
              wrong.push(`${said} → ${sure.id}`);
          }
        }
      });
    }
    expect(tried.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  }, 60_000);
});
