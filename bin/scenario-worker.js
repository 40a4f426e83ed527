// A worker thread of `ledgersim run`'s pool (cli/scenario-pool.ts): the bundled CLI again, with its
// code cache, which sees from its workerData that it is to run the scenarios it is handed.
import { runBundle } from './load-bundle.js';

runBundle({ saveOnExit: false });
