#!/usr/bin/env node
// `npm start`: the bundled CLI when it is at least as new as every source file (a fresh
// `npm ci` builds it), else the TypeScript sources through tsx, so an edit is never served stale.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, runBundle } from './load-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Every folder the bundle is built from (core/ and vendors/ too: an edit there must not be served stale).
const SOURCES = [
  'cli',
  'contracts',
  'connectors',
  'core',
  'dashboard',
  'scenarios',
  'simulators',
  'vendors',
  'index.ts',
  'msw.ts',
];

function newestSource(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.tsx?$/.test(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

let fresh = false;
try {
  const built = statSync(BUNDLE).mtimeMs;
  fresh = SOURCES.every((source) => newestSource(join(root, source)) <= built);
} catch {
  fresh = false;
}

const args = process.argv.slice(2);
// As the shebang gives them (see bin/ledgersim.js).
const NODE_FLAGS = ['--no-memory-reducer'];
if (fresh) {
  runBundle();
} else {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', join(root, 'cli', 'run.ts'), ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
