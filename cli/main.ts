import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliIO } from './start.js';
import { USAGE, UsageError } from './usage.js';

// Commands load what they need when they run: `start` must not pay for the scenario runner.
const commands: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  start: async (args, io) => (await import('./start.js')).startCommand(args, io),
  scenarios: async (args, io) => (await import('./scenarios.js')).scenariosCommand(args, io),
  run: async (args, io) => (await import('./scenarios.js')).runCommand(args, io),
  reproduce: async (args, io) => (await import('./scenarios.js')).reproduceCommand(args, io),
  check: async (args, io) => (await import('./check.js')).checkCommand(args, io),
  record: async (args, io) => (await import('./parity.js')).recordCommand(args, io),
  parity: async (args, io) => (await import('./parity.js')).parityCommand(args, io),
};

/** Runs the CLI; resolves to the exit code (0 ok, 1 failure, 2 bad usage). */
const terminalIO: CliIO = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r\u001b[2K${l}`) : undefined,
};

/**
 * The package's version, from the package.json above this module: the sources (`cli/`), the
 * bundle (`dist/`) and tsc's output (`dist/cli/`) all find it walking up.
 */
function packageVersion(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ledgersim' && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

export async function main(argv: string[], io: CliIO = terminalIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    io.out(`ledgersim ${packageVersion()} (node ${process.version})`);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    io.err(`ledgersim: unknown command "${command}"\n`);
    io.err(USAGE);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ledgersim: ${error.message}\n`);
      io.err(USAGE);
      return 2;
    }
    io.err(`ledgersim: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
