// Runs the CLI: the entry point of the bundle (`ledgersim`), and from the TypeScript sources
// (`npm run ledgersim`, and the CLI's own tests).
import { main } from './main.js';

// A reader that stops early (`ledgersim scenarios | head`) closes the pipe: what is left to print
// is dropped and the command ends as it would have, without an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
