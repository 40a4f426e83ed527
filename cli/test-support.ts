/** A CLI io that keeps what `main()` prints, uncoloured, for a test to read back whole. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), colour: false },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}
