// Runs the CLI: the entry point of the bundle (`ledgersim`), and from the TypeScript sources
// (`npm run ledgersim`, and the CLI's own tests).
import { isMainThread, workerData } from 'node:worker_threads';
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

// A worker thread of `ledgersim run`'s pool (cli/scenario-pool.ts) runs the scenarios it is handed;
// imported only then, as `start` must not pay for the scenario runner.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.ledgersimScenarioWorker === true)
  void import('./scenario-pool.js').then((pool) => pool.serveScenarios());
else
  main(process.argv.slice(2)).then(exitWhenWritten, (error) => {
    console.error(error);
    exitWhenWritten(1);
  });
