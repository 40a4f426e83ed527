/**
 * Deterministic identifiers: Loop's uuids and generated keys are derived from what they name
 * (folder, account number, import sequence), so the same state always has the same ids and no
 * randomness or clock is needed outside the seeded generator.
 */

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 32 hex digits from the parts. */
function hex32(parts: readonly string[]): string {
  const text = parts.join('\u0000');
  return [1, 2, 3, 4].map((seed) => fnv1a(text, seed).toString(16).padStart(8, '0')).join('');
}

/** A version-4-shaped uuid derived from the parts. */
export function stableUuid(...parts: string[]): string {
  const h = hex32(parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A revision id in the form Loop's example responses show (`0x0000000000017ED5`), derived from the parts. */
export function stableRevisionId(...parts: string[]): string {
  return `0x${hex32(['revision', ...parts])
    .slice(0, 16)
    .toUpperCase()}`;
}

/** `length` characters of `alphabet` derived from the parts (generated API keys and secrets). */
export function stableString(length: number, alphabet: string, ...parts: string[]): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    const h = hex32([...parts, String(round)]);
    for (let i = 0; i + 2 <= h.length && out.length < length; i += 2)
      out += alphabet[parseInt(h.slice(i, i + 2), 16) % alphabet.length];
  }
  return out;
}

export const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
