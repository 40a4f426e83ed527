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

/**
 * Exits once everything printed has been handed to the reader: on a pipe, a large output (`run
 * --json | jq`) is written asynchronously past the pipe's buffer, and `process.exit` would cut it.
 */
function exitWhenWritten(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(exitWhenWritten, (error) => {
  console.error(error);
  exitWhenWritten(1);
});
