#!/usr/bin/env -S node --no-memory-reducer
// The CLI, bundled into one file by `npm run build` (npm's `prepare` runs it on install), run with
// its V8 code cache: one script to load, already compiled, instead of hundreds of modules.
//
// `--no-memory-reducer` (in the shebang: V8 reads it only when the heap is set up, so
// `v8.setFlagsFromString` at run time comes too late, and NODE_OPTIONS refuses it): V8's memory
// reducer starts a full collection that shrinks the heap whenever allocation slows down, one pause
// of most of a second on a heap of 1,000,000 stored entries, in the middle of serving requests.
import { existsSync } from 'node:fs';
import { BUNDLE, runBundle } from './load-bundle.js';

if (!existsSync(BUNDLE)) {
  console.error(
    `ledgersim: ${BUNDLE} is missing: run \`npm run build\` (npm ci and npm install run it), or \`npm run ledgersim -- <command>\` to run from the sources.`,
  );
  process.exit(1);
}
runBundle();
