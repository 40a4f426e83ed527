#!/usr/bin/env node
// The CLI runs from the compiled output (npm's `prepare` builds it on install).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
