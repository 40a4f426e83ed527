// `npm run test:consumer`: test/consumer/ as another project, installing ledgersim from its packed
// tarball in a temporary directory (never inside the repo, whose node_modules it would shadow).
//
//   npm run build && npm run test:consumer
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args, cwd, capture = false) =>
  execFileSync(npm, args, {
    cwd,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });

if (!existsSync(join(ROOT, 'dist', 'vitest.js'))) {
  console.error('consumer test: dist/ has no vitest.js; run `npm run build` first');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'ledgersim-consumer-'));
try {
  // --ignore-scripts: `prepare` would rebuild; the tarball takes the dist/ just built.
  const packed = JSON.parse(run(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT, true));
  const tarball = join(work, packed[0].filename);
  const project = join(work, 'consumer');
  cpSync(join(ROOT, 'test', 'consumer'), project, { recursive: true });
  const versionOf = (name) =>
    JSON.parse(run(['pkg', 'get', `devDependencies.${name}`], ROOT, true)).replace(/^[\^~]/, '');
  run(
    [
      'install',
      '--prefer-offline',
      '--no-save',
      tarball,
      `vitest@${versionOf('vitest')}`,
      `typescript@${versionOf('typescript')}`,
      `@types/node@${versionOf('@types/node')}`,
    ],
    project,
  );
  run(['test'], project);
  const cjs = execFileSync(process.execPath, [join(project, 'cjs', 'index.cjs')], { cwd: project, encoding: 'utf8' });
  if (!/ledgersim is ESM only/.test(cjs)) {
    console.error(`consumer test: require('ledgersim') did not give the ESM-only message, it printed:\n${cjs}`);
    process.exit(1);
  }
  console.log('consumer test: passed (vitest globalSetup, msw, credentials; require() gives the ESM-only message)');
} finally {
  rmSync(work, { recursive: true, force: true });
}
