/** `--port N` (0, a free port, by default) and `--<name> VALUE` for the bench's own servers. */
export function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const portArgument = (): number => Number(argument('port') ?? 0);
