import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Difference } from './compare.js';

/**
 * Known differences, kept in a file next to the recording (`<recording>.known.json`): each names a
 * JSON path of the answer (`status`, `body.message`, `body[].compte.type`), optionally the request
 * (`METHOD /path`, `*` for any run of characters) and the kind, and says why it is accepted.
 */
export const KnownDifferenceSchema = z
  .object({
    path: z.string().min(1),
    request: z.string().min(1).optional(),
    kind: z.enum(['status', 'media-type', 'body', 'missing', 'extra', 'type', 'value', 'unreachable']).optional(),
    /** Why the simulator differs here (a vendor fact not yet followed, the simulator's own choice...). */
    note: z.string().min(1),
  })
  .strict();
export type KnownDifference = z.infer<typeof KnownDifferenceSchema>;

export const KnownDifferencesFileSchema = z.object({ differences: z.array(KnownDifferenceSchema) }).strict();

export const knownFileFor = (recording: string) => `${recording.replace(/\.jsonl?$/, '')}.known.json`;

export class KnownFileError extends Error {
  override name = 'KnownFileError';
}

export function readKnownDifferences(file: string): KnownDifference[] {
  if (!existsSync(file)) return [];
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new KnownFileError(`${file}: not JSON`);
  }
  const parsed = KnownDifferencesFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KnownFileError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data.differences;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);

export function matches(known: KnownDifference, difference: Difference): boolean {
  return (
    known.path === difference.path &&
    (!known.kind || known.kind === difference.kind) &&
    (!known.request || glob(known.request).test(difference.request))
  );
}

export interface Classified {
  differences: (Difference & { known?: string })[];
  unexpected: number;
  /** Known differences no difference matched: the simulator may have been fixed (or the entry is wrong). */
  unused: KnownDifference[];
}

export function classify(differences: Difference[], known: KnownDifference[]): Classified {
  const used = new Set<KnownDifference>();
  const out = differences.map((difference): Difference & { known?: string } => {
    const hit = known.find((k) => matches(k, difference));
    if (hit) used.add(hit);
    return hit ? { ...difference, known: hit.note } : difference;
  });
  return {
    differences: out,
    unexpected: out.filter((d) => d.known === undefined).length,
    unused: known.filter((k) => !used.has(k)),
  };
}
