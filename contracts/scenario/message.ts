import { getEntry, templateParams, type CatalogueId } from '../catalogue/index.js';

/**
 * The message an expectation with a catalogue id checks. Its parameters are optional: what the
 * catalogue's template fixes is always compared, each parameter given is compared as given, and
 * each one left out stands for any text. A scenario that only cares that the vendor said "Account
 * … is locked" need not know which account the builders used; one that names it checks it too.
 */
export interface ExpectedMessage {
  /** The template with the given parameters filled in, `{name}` where one was left out. */
  text: string;
  matches(message: string): boolean;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function expectedMessage(id: CatalogueId, params: Record<string, string> = {}, variant = 0): ExpectedMessage {
  const template = getEntry(id).messages[variant]?.en;
  // A scenario file is checked by `parameterProblem` when it loads; reaching this is a caller's bug.
  if (template === undefined) throw new RangeError(`${id} has no message #${variant}`);
  const parts = template.split(/\{(\w+)\}/);
  let text = '';
  let pattern = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      text += part;
      pattern += literal(part);
      return;
    }
    const value = Object.hasOwn(params, part) ? params[part] : undefined;
    text += value ?? `{${part}}`;
    pattern += value === undefined ? '[\\s\\S]+?' : literal(value);
  });
  const regex = new RegExp(`^${pattern}$`);
  return { text, matches: (message) => regex.test(message) };
}

/** The parameters a catalogue message takes (every variant's, for an entry with several). */
export function messageParameters(id: CatalogueId, variant?: number): string[] {
  const messages = getEntry(id).messages;
  const chosen = variant === undefined ? messages : messages.slice(variant, variant + 1);
  return [...new Set(chosen.flatMap((m) => templateParams(m.en)))];
}

/**
 * What is wrong with an expectation's `params` and `variant` for its catalogue entry, or
 * undefined: a parameter the message does not take (a typo would otherwise be ignored), a variant
 * it does not have. `implicit`: parameters the runner fills in itself (a step error's `file`).
 */
export function parameterProblem(
  id: CatalogueId,
  params: Record<string, string> | undefined,
  variant: number | undefined,
  implicit: readonly string[] = [],
): { path: string; reason: string } | undefined {
  const entry = getEntry(id);
  if (variant !== undefined && variant >= entry.messages.length)
    return {
      path: 'variant',
      reason: `${id} has ${entry.messages.length === 0 ? 'no message' : `messages #0 to #${entry.messages.length - 1}`}, not #${variant}`,
    };
  const takes = messageParameters(id, variant ?? 0);
  for (const name of Object.keys(params ?? {})) {
    if (takes.includes(name) || implicit.includes(name)) continue;
    const template = entry.messages[variant ?? 0]?.en;
    return {
      path: `params.${name}`,
      reason: template
        ? `${id}'s message "${template}" takes ${takes.length === 0 ? 'no parameter' : `the parameter${takes.length > 1 ? 's' : ''} ${takes.join(', ')}`}, not "${name}"`
        : `${id} has no message, so no parameter "${name}"`,
    };
  }
  return undefined;
}
