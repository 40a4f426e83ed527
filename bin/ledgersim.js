#!/usr/bin/env node
// The CLI, bundled into one file by `npm run build` (npm's `prepare` runs it on install), run with
// its V8 code cache: one script to load, already compiled, instead of hundreds of modules.
//
// The shebang takes no node flag: `env -S node --flag` is refused by busybox's env (Alpine's, so
// many CI images), which would stop `npx ledgersim` there. `npm start` passes
// `--no-memory-reducer`; for a large state run `node --no-memory-reducer node_modules/.bin/ledgersim`.
import { existsSync } from 'node:fs';
import { BUNDLE, runBundle } from './load-bundle.js';

if (!existsSync(BUNDLE)) {
  console.error(
    `ledgersim: ${BUNDLE} is missing: run \`npm run build\` (npm ci and npm install run it), or \`npm run ledgersim -- <command>\` to run from the sources.`,
  );
  process.exit(1);
}
runBundle();
