#!/usr/bin/env node
// The CLI, bundled into one file by `npm run build` (npm's `prepare` runs it on install), run with
// its V8 code cache: one script to load, already compiled, instead of hundreds of modules.
import { runBundle } from './load-bundle.js';

runBundle();
