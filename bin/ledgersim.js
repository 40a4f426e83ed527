#!/usr/bin/env node
// The CLI, bundled into one file by `npm run build` (npm's `prepare` runs it on install), run with
// its V8 code cache: one script to load, already compiled, instead of hundreds of modules.
import { existsSync } from 'node:fs';
import { BUNDLE, runBundle } from './load-bundle.js';

if (!existsSync(BUNDLE)) {
  console.error(
    `ledgersim: ${BUNDLE} is missing: run \`npm run build\` (npm ci and npm install run it), or \`npm run ledgersim -- <command>\` to run from the sources.`,
  );
  process.exit(1);
}
runBundle();
