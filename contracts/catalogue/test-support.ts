import { catalogue } from './index.js';

/**
 * For tests: every English sentence the catalogue holds: each sentence of a cause, each remedy step, each
 * title, and the fixed parts (two words or more) of every English message that differs from its
 * French form. A French explanation must contain none of them.
 */
const flat = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.;:!?]+$/, '')
    .trim();
const ENGLISH_SENTENCES = [
  ...new Set(
    catalogue.flatMap((entry) => [
      ...entry.cause.split(/(?<=[.;:!?])\s+/),
      ...entry.remedy,
      entry.title,
      ...entry.messages
        .filter((m) => m.en !== m.fr)
        .flatMap((m) => m.en.split(/\{\w+\}/))
        .filter((part) => part.trim().split(/\s+/).length >= 2),
    ]),
  ),
]
  .map(flat)
  .filter(Boolean);

export function englishIn(text: string): string[] {
  const haystack = flat(text);
  return ENGLISH_SENTENCES.filter((sentence) => haystack.includes(sentence));
}
