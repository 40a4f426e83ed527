import type { CliIO } from './start.js';
import { USAGE, UsageError } from './usage.js';

// Commands load what they need when they run: `start` must not pay for the scenario runner.
const commands: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  start: async (args, io) => (await import('./start.js')).startCommand(args, io),
  scenarios: async (args, io) => (await import('./scenarios.js')).scenariosCommand(args, io),
  run: async (args, io) => (await import('./scenarios.js')).runCommand(args, io),
  reproduce: async (args, io) => (await import('./scenarios.js')).reproduceCommand(args, io),
};

/** Runs the CLI; resolves to the exit code (0 ok, 1 failure, 2 bad usage). */
const terminalIO: CliIO = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r\u001b[2K${l}`) : undefined,
};

export async function main(argv: string[], io: CliIO = terminalIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
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
