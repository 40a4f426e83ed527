import { describe, expect, it } from 'vitest';
import { KEY_ALPHABET, SECRET_ALPHABET, stableRevisionId, stableString, stableUuid } from './ids.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NUMBERS = Array.from({ length: 2000 }, (_, i) => String(60_100_000 + i));

describe("Loop's derived identifiers", () => {
  it('uuids: version-4 shaped, the same for the same parts, distinct for distinct parts', () => {
    const ids = NUMBERS.map((n) => stableUuid('compte', 'DEMO01', n));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stableUuid('compte', 'DEMO01', '60100000')).toBe(ids[0]);
    // Each part is its own: moving a character from one part to the next gives another id.
    expect(stableUuid('ab', 'c')).not.toBe(stableUuid('a', 'bc'));
    // Every hex digit of the variant occurs.
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });

  it('revision ids: 0x and 16 upper-case hex digits, the same for the same parts, distinct for distinct parts', () => {
    const revisions = NUMBERS.map((n) => stableRevisionId('DEMO01', n));
    expect(revisions.every((r) => /^0x[0-9A-F]{16}$/.test(r))).toBe(true);
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(stableRevisionId('DEMO01', NUMBERS[0]!)).toBe(revisions[0]);
  });

  it('generated keys and secrets: the length asked, from the alphabet, distinct for distinct parts', () => {
    const keys = NUMBERS.map((n) => stableString(40, KEY_ALPHABET, 'key', n));
    expect(keys.every((k) => k.length === 40 && [...k].every((c) => KEY_ALPHABET.includes(c)))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    const secret = stableString(64, SECRET_ALPHABET, 'secret', 'DEMO');
    expect(secret).toHaveLength(64);
    expect([...secret].every((c) => SECRET_ALPHABET.includes(c))).toBe(true);
    expect(stableString(64, SECRET_ALPHABET, 'secret', 'DEMO')).toBe(secret);
    // Past the first 16 characters a new round of digits is drawn, not the first one again.
    expect(secret.slice(16, 32)).not.toBe(secret.slice(0, 16));
    // Every character of a short alphabet is drawn.
    expect(new Set(keys.join('')).size).toBe(KEY_ALPHABET.length);
    expect(stableString(0, KEY_ALPHABET, 'x')).toBe('');
  });
});
