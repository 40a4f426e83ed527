import { VENDOR_DISPLAY_NAMES } from '../common/vendor-ids.js';
import type { MessageMatch } from './match.js';
import { catalogueFr } from './fr.js';
import type { CatalogueEntry } from './schema.js';

/**
 * A short explanation support can forward, in the customer's language (the language their
 * message matched in): what happened, why, and the documented remedy step by step with the
 * vendor's menu paths. The seeds are English: a French explanation takes the cause and the
 * steps from `catalogueFr` (our translation, the vendor's French menu paths where a source quotes
 * them) and says it is a translation, so that nothing in it is left in English.
 */
export interface Explanation {
  lang: 'en' | 'fr';
  text: string;
}

// The hub's entries are explained as Qonto's, the product the customer uses.
const VENDOR_NAME = { ...VENDOR_DISPLAY_NAMES, hub: 'Qonto' } as const;

function fill(template: string, params: Record<string, string>): string {
  // A value the customer did not give (a match by symptom) is shown as elided, not as "{account}".
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '…');
}

export function explain(
  entry: CatalogueEntry,
  match: Pick<MessageMatch, 'lang' | 'params' | 'variant' | 'via'>,
): Explanation {
  const vendor = VENDOR_NAME[entry.vendor];
  const message = match.via === 'message' ? entry.messages[match.variant] : entry.messages[0];
  const numbered = (list: readonly string[]) => list.map((step, i) => `  ${i + 1}. ${step}`);
  if (match.lang === 'fr') {
    const fr = catalogueFr[entry.id];
    const steps = numbered(fr.remedy);
    const what =
      entry.kind === 'rejection' && message
        ? `${vendor} a refusé l'écriture avec le message : « ${fill(message.fr, match.params)} ».`
        : entry.kind === 'stuck'
          ? `Les écritures sont envoyées mais restent en attente : rien ne bouge tant qu'une action n'est pas faite dans ${vendor}.`
          : `C'est un comportement documenté de ${vendor}${message ? ` (message : « ${fill(message.fr, match.params)} »)` : ''}.`;
    return {
      lang: 'fr',
      text: [
        `Ce qui s'est passé : ${what}`,
        `Pourquoi : ${fr.cause}`,
        steps.length
          ? `Que faire (étapes de l'aide en ligne, traduites de l'anglais) :\n${steps.join('\n')}`
          : 'Que faire : rien, ce comportement est normal.',
      ].join('\n'),
    };
  }
  const steps = numbered(entry.remedy);
  const what =
    entry.kind === 'rejection' && message
      ? `${vendor} refused the entry with the message: "${fill(message.en, match.params)}".`
      : entry.kind === 'stuck'
        ? `The entries were sent but are waiting: nothing moves until someone acts in ${vendor}.`
        : `This is documented behaviour of ${vendor}${message ? ` (message: "${fill(message.en, match.params)}")` : ''}.`;
  return {
    lang: 'en',
    text: [
      `What happened: ${what}`,
      `Why: ${entry.cause}`,
      steps.length ? `What to do (documented steps):\n${steps.join('\n')}` : 'What to do: nothing, this is expected.',
    ].join('\n'),
  };
}
