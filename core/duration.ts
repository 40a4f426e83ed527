/** Parses a human duration ("90s", "12h", "3d", "1w", "1h30m", or a number of milliseconds). */
export function parseDuration(text: string | number): number {
  if (typeof text === 'number') return text;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  let total = 0;
  let rest = trimmed;
  const re = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/;
  if (!rest) throw new RangeError('empty duration');
  while (rest.length > 0) {
    const match = re.exec(rest);
    if (!match) throw new RangeError(`not a duration: "${text}" (use e.g. 90s, 12h, 3d, 1w, 1h30m)`);
    total += Number(match[1]) * units[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return total;
}
