/**
 * Windows-1252, the single-byte code page Quadra reads ASCII import files in (vendor-facts §1.1,
 * [C2]). Node's TextDecoder knows it, but no encoder does, so both directions are written out
 * here from the one table below: a character outside the table is an encoding error, never a
 * shifted column.
 */

/** 0x80–0x9F, the only range where Windows-1252 differs from Latin-1; `null` = unassigned byte. */
const HIGH_CONTROL_RANGE: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

/**
 * byte → Unicode code point. The five bytes Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D) become the C1 code points of the same value, as Windows' own conversion
 * (MultiByteToWideChar, Microsoft's bestfit1252.txt) reads them: Quadra is a Windows program, and
 * a DOS-era exporter writing code page 850 puts `ü` at 0x81 (inferred; labelled in the README).
 */
export const WINDOWS_1252_TO_UNICODE: readonly (number | null)[] = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROL_RANGE[byte - 0x80] ?? byte) : byte,
);

/** Unicode code point → byte. */
const UNICODE_TO_WINDOWS_1252: ReadonlyMap<number, number> = new Map(
  WINDOWS_1252_TO_UNICODE.flatMap((codePoint, byte) => (codePoint === null ? [] : [[codePoint, byte] as const])),
);

/** The byte of a character, or `undefined` when Windows-1252 cannot represent it. */
export function windows1252Byte(char: string): number | undefined {
  return UNICODE_TO_WINDOWS_1252.get(char.codePointAt(0)!);
}

export const isWindows1252 = (char: string): boolean => windows1252Byte(char) !== undefined;

/** Every character Windows-1252 can write, control characters aside (for generators and docs). */
export const WINDOWS_1252_PRINTABLE: readonly string[] = WINDOWS_1252_TO_UNICODE.filter(
  // The five unassigned bytes read as C1 control code points: readable, not printable.
  (cp): cp is number => cp !== null && cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp <= 0x9f),
).map((cp) => String.fromCodePoint(cp));

export interface EncodingProblem {
  /** 0-based index of the character in the text. */
  index: number;
  char: string;
}

/** Encodes text; the characters it cannot represent come back as problems (and no bytes). */
export function encodeWindows1252(
  text: string,
): { ok: true; bytes: Uint8Array } | { ok: false; problems: EncodingProblem[] } {
  const chars = [...text];
  const bytes = new Uint8Array(chars.length);
  const problems: EncodingProblem[] = [];
  let index = 0;
  for (const char of chars) {
    const byte = windows1252Byte(char);
    if (byte === undefined) problems.push({ index, char });
    else bytes[index] = byte;
    index += 1;
  }
  return problems.length ? { ok: false, problems } : { ok: true, bytes };
}

/** Decodes bytes; an unassigned byte becomes U+FFFD and is reported at its index. */
export function decodeWindows1252(bytes: Uint8Array): { text: string; unassigned: number[] } {
  let text = '';
  const unassigned: number[] = [];
  bytes.forEach((byte, index) => {
    const codePoint = WINDOWS_1252_TO_UNICODE[byte]!;
    if (codePoint === null) {
      unassigned.push(index);
      text += '\ufffd';
    } else text += String.fromCodePoint(codePoint);
  });
  return { text, unassigned };
}
