import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Each load runs in its own Node process, as the binary does: within one process V8 finds a script
 * it already compiled in its own memory and never looks at the cached data.
 */
function runBundle(options: { bundle: string; saveOnExit: boolean; save?: boolean }): {
  cache: string;
  exports: unknown;
  saved: boolean;
} {
  const loader = pathToFileURL(join(import.meta.dirname, 'load-bundle.js')).href;
  const script = `import { runBundle } from ${JSON.stringify(loader)};
const run = runBundle({ bundle: ${JSON.stringify(options.bundle)}, saveOnExit: ${options.saveOnExit} });
const saved = ${options.save ? 'run.saveCache()' : 'false'};
console.log(JSON.stringify({ cache: run.cache, exports: run.exports, saved }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A CommonJS "bundle" that exports what it was given and the value baked into its source. */
const bundleSource = (value: string) =>
  `const { join } = require('node:path');\nmodule.exports = { value: '${value}', here: join(__dirname, 'x'), file: __filename, sum: [1, 2, 3].map((n) => n * 2).reduce((a, b) => a + b) };\n`;

async function bundleIn(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-bundle-'));
  dirs.push(dir);
  const bundle = join(dir, 'bundle.cjs');
  await writeFile(bundle, source);
  return bundle;
}

describe('running the bundled CLI with its code cache', () => {
  it('runs the bundle as a CommonJS module, writes the cache on request and uses it on the next run', async () => {
    const bundle = await bundleIn(bundleSource('first'));
    const first = runBundle({ bundle, saveOnExit: false, save: true });
    expect(first.cache).toBe('missing');
    expect(first.exports).toEqual({ value: 'first', here: join(bundle, '..', 'x'), file: bundle, sum: 12 });
    expect(first.saved).toBe(true);
    const saved = await readFile(`${bundle}.cache`);
    expect(saved.subarray(0, 41).toString('latin1')).toMatch(/^[0-9a-f]{40}\n$/);

    const second = runBundle({ bundle, saveOnExit: false });
    expect(second.cache).toBe('used');
    expect(second.exports).toEqual(first.exports);
  });

  it('never runs a cache made for another bundle, even one of the same length (V8 would accept it)', async () => {
    const bundle = await bundleIn(bundleSource('aaaa'));
    expect(runBundle({ bundle, saveOnExit: false, save: true }).saved).toBe(true);
    await writeFile(bundle, bundleSource('bbbb'));
    const changed = runBundle({ bundle, saveOnExit: false });
    expect(changed.cache).toBe('stale');
    expect((changed.exports as { value: string }).value).toBe('bbbb');
  });

  it('compiles as usual when the cache is damaged', async () => {
    const bundle = await bundleIn(bundleSource('ok'));
    runBundle({ bundle, saveOnExit: false, save: true });
    const saved = await readFile(`${bundle}.cache`);
    await writeFile(`${bundle}.cache`, Buffer.concat([saved.subarray(0, 41), Buffer.from('not V8 cached data')]));
    const run = runBundle({ bundle, saveOnExit: false });
    expect(run.cache).toBe('rejected');
    expect((run.exports as { value: string }).value).toBe('ok');
  });

  it('writes the cache at exit when it was missing, stale or rejected, and leaves a good one alone', async () => {
    const bundle = await bundleIn(bundleSource('exit'));
    expect(runBundle({ bundle, saveOnExit: true }).cache).toBe('missing');
    const written = await readFile(`${bundle}.cache`);
    expect(runBundle({ bundle, saveOnExit: true }).cache).toBe('used');
    expect(await readFile(`${bundle}.cache`)).toEqual(written);
  });
});
