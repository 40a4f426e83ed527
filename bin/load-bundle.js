// Runs the bundled CLI (dist/ledgersim.cjs, built by `npm run build`) with a V8 code cache.
//
// Compiling the 2.6 MB bundle, and then each function the start-up runs, was about a fifth of
// `ledgersim start`'s start-up. V8 can save what it compiled (`script.createCachedData()`) and
// take it back on the next run instead of compiling again. Node 20 has no compile cache for
// modules (`module.enableCompileCache` came in Node 22), so the bundle is run here as a script,
// the way CommonJS modules are, with its cache beside it:
//
//   dist/ledgersim.cjs.cache = "<sha-1 of the bundle, hex>\n" + V8's cached data
//
// The digest ties the cache to the exact bundle (V8's own check compares only the source length,
// the V8 version and the flags). A missing, stale or rejected cache is never an error: the bundle
// is compiled as usual and the cache is written again when the process exits, by then holding
// every function the run compiled. `npm run build` writes it by running `ledgersim start` once.
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle `npm run build` writes (scripts/bundle.mjs), and its cache beside it. */
export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'ledgersim.cjs');

/**
 * Loads and runs a CommonJS bundle with its code cache (`<bundle>.cache`).
 * Returns how the cache was used and `saveCache`, which writes the cache from what was compiled so
 * far (atomically; an unwritable folder is ignored). With `saveOnExit`, it is called at exit when
 * the cache was missing, stale or rejected.
 * @param {{ bundle?: string, saveOnExit?: boolean }} [options]
 * @returns {{ cache: 'used' | 'missing' | 'stale' | 'rejected', exports: unknown, saveCache: () => boolean }}
 */
export function runBundle({ bundle = BUNDLE, saveOnExit = true } = {}) {
  const cacheFile = `${bundle}.cache`;
  const bytes = readFileSync(bundle);
  // The build writes ASCII only (scripts/bundle.mjs escapes the rest): read as Latin-1, V8 keeps it as a
  // one-byte string, and nothing is decoded.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const digest = createHash('sha1').update(bytes).digest('hex');
  const header = `${digest}\n`;

  /** @type {Buffer | undefined} */
  let cachedData;
  /** @type {'used' | 'missing' | 'stale' | 'rejected'} */
  let cache = 'missing';
  try {
    const saved = readFileSync(cacheFile);
    if (saved.subarray(0, header.length).toString('latin1') === header) cachedData = saved.subarray(header.length);
    else cache = 'stale';
  } catch {
    // no cache yet
  }

  // The CommonJS wrapper on the bundle's first line, so line numbers in stack traces stay right.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected' : 'used';

  const saveCache = () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([Buffer.from(header, 'latin1'), script.createCachedData()]));
      renameSync(temporary, cacheFile);
      return true;
    } catch {
      // A read-only install: the next run compiles again.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written
      }
      return false;
    }
  };
  if (saveOnExit && cache !== 'used') process.once('exit', saveCache);

  // A script has no `import()` of its own on Node 20 (its vm option is experimental and fails once
  // the script comes from a code cache): the bundle loads scenario modules through this one.
  globalThis[Symbol.for('ledgersim.import')] = (url) => import(url);
  // `ledgersim run`'s worker threads load the bundle through this entry (cli/scenario-pool.ts).
  globalThis[Symbol.for('ledgersim.scenarioWorker')] = join(
    dirname(fileURLToPath(import.meta.url)),
    'scenario-worker.js',
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cache, exports: module.exports, saveCache };
}
