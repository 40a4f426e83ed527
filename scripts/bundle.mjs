// `npm run build`'s second step: bundles the CLI into dist/ledgersim.cjs (what the `ledgersim`
// binary and `npm start` run, through bin/load-bundle.js) and writes its V8 code cache by
// running `ledgersim start` once.
//
//   node scripts/bundle.mjs [--no-cache]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE } from '../bin/load-bundle.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = dirname(BUNDLE);

/**
 * scenarios/bundled-scenarios.ts, replaced by a module that imports every built-in scenario file
 * (scenarios/<vendor or hub>/*.scenario.ts), so that `ledgersim run` finds them in the bundle
 * instead of loading each through Node's module loader.
 */
const bundledScenarios = {
  name: 'bundled-scenarios',
  setup(plugin) {
    plugin.onLoad({ filter: /[\\/]scenarios[\\/]bundled-scenarios\.ts$/ }, () => {
      const root = join(ROOT, 'scenarios');
      const files = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((dir) =>
          readdirSync(join(root, dir.name))
            .filter((name) => name.endsWith('.scenario.ts'))
            .map((name) => `${dir.name}/${name}`),
        )
        .sort();
      return {
        loader: 'ts',
        resolveDir: root,
        contents: [
          ...files.map((file, i) => `import s${i} from './${file}';`),
          `export const BUNDLED_SCENARIOS = { ${files.map((file, i) => `${JSON.stringify(file)}: s${i}`).join(', ')} };`,
        ].join('\n'),
      };
    });
  },
};

const { outputFiles } = await build({
  entryPoints: [join(ROOT, 'cli', 'run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: BUNDLE,
  // The scenarios folder is found beside the running module: beside the bundle, that is dist/.
  define: { 'import.meta.dirname': '__dirname' },
  charset: 'ascii',
  logLevel: 'warning',
  write: false,
  plugins: [bundledScenarios],
});

// esbuild escapes every non-ASCII character in code; comments it keeps as they are. Escaped there
// too, the bundle is pure ASCII, which the loader reads as Latin-1 without decoding.
mkdirSync(DIST, { recursive: true });
writeFileSync(
  BUNDLE,
  outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
rmSync(`${BUNDLE}.cache`, { force: true });
rmSync(join(DIST, 'ledgersim.mjs'), { force: true }); // the ES-module bundle of earlier builds

if (!process.argv.includes('--no-cache')) await warmCodeCache();

/**
 * Runs `ledgersim start` on free ports, asks each server for its first page (so the request path
 * is compiled too), then stops it: the loader writes the code cache as the process exits.
 * A failure here only costs start-up time, so it is reported and the build goes on.
 */
async function warmCodeCache() {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ledgersim.js'), 'start', '--port-base', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    const ready = await Promise.race([
      (async () => {
        while (!/Ctrl-C stops\./.test(output)) await new Promise((resolve) => setTimeout(resolve, 20));
        return true;
      })(),
      exited.then(() => false),
    ]);
    if (ready) {
      const urls = [...output.matchAll(/^(\S.*?)\s+(http:\/\/127\.0\.0\.1:\d+)/gm)].map(([, name, url]) =>
        name.startsWith('Dashboard') ? `${url}/` : `${url}/__admin/health`,
      );
      await Promise.all(
        urls.map(
          (url) =>
            new Promise((resolve) => get(url, (response) => response.resume().on('end', resolve)).on('error', resolve)),
        ),
      );
      child.kill('SIGTERM');
    }
    await exited;
  } finally {
    clearTimeout(timer);
  }
  const cache = `${BUNDLE}.cache`;
  if (existsSync(cache))
    console.log(`bundle: ${BUNDLE} (${kib(statSync(BUNDLE).size)}), code cache ${kib(statSync(cache).size)}`);
  else
    console.warn(
      `bundle: no code cache written (ledgersim start did not run to its end); the first run will write it.\n${output}`,
    );
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
