import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseScenario, ScenarioFileError, type Scenario, type ScenarioInput } from '../contracts/scenario/schema.js';
import { VENDORS } from '../vendors/index.js';

/**
 * `import()` of a scenario module. The bundled CLI runs as a script with a V8 code cache
 * (bin/load-bundle.js), where Node 20 has no `import()`; its loader then lends its own.
 */
function importModule(url: string): Promise<unknown> {
  const lent = (globalThis as { [key: symbol]: ((url: string) => Promise<unknown>) | undefined })[
    Symbol.for('ledgersim.import')
  ];
  return lent ? lent(url) : import(url);
}

/**
 * A TypeScript scenario file (`.scenario.ts`, `.mts`, `.cts`): Node 20 cannot import TypeScript, so
 * it goes through tsx's `tsImport` (a dependency), which also compiles what the file imports. The
 * specifier is built at run time so that the bundler leaves tsx out of the bundle: it is loaded
 * from the installed package only when a TypeScript file is named.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const specifier = ['tsx', 'esm', 'api'].join('/');
  const api = (await importModule(specifier)) as { tsImport(url: string, parent: string): Promise<unknown> };
  const url = pathToFileURL(file).href;
  return api.tsImport(url, url);
}

const TYPESCRIPT = /\.(ts|mts|cts)$/;

/** Typed identity for scenario modules: `export default defineScenario({...})`. */
export const defineScenario = (scenario: ScenarioInput): ScenarioInput => scenario;

/** One folder per registered vendor, and `hub/` for the hub's own behaviours (run on any vendor). */
export const SCENARIO_DIRS: readonly string[] = [...VENDORS.ids, 'hub'];

/**
 * Where the scenario folders are: beside this module (the sources, or tsc's output), or, when this
 * code runs from the bundled CLI (`dist/ledgersim.cjs`), in the `scenarios/` folder beside it.
 */
async function scenariosRoot(): Promise<string> {
  const here = import.meta.dirname;
  for (const root of [here, join(here, 'scenarios')]) {
    try {
      await readdir(join(root, 'hub'));
      return root;
    } catch {
      // not here
    }
  }
  return here;
}

/** Loads one scenario file (a `.scenario.ts`/`.scenario.js` module or a `.json` file), validated. */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  let value: unknown;
  if (extname(file) === '.json') {
    const text = await readFile(file, 'utf8');
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ScenarioFileError(file, '', `not valid JSON: ${(error as Error).message}`);
    }
  } else {
    const url = pathToFileURL(file).href;
    let module: unknown;
    try {
      module = await importModule(url);
    } catch (error) {
      // Under tsx (the sources) a .ts file imports natively; from the bundle or plain node it cannot.
      if (!TYPESCRIPT.test(file) || (error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
      module = await importTypeScript(file);
    }
    value = (module as { default?: unknown }).default;
    // A .ts file outside a `"type": "module"` package is compiled as CommonJS: its exports object,
    // `{ default: scenario }`, arrives as the default export.
    if (value !== null && typeof value === 'object' && 'default' in value && !('id' in value))
      value = (value as { default: unknown }).default;
  }
  return validScenario(value, file);
}

/** A scenario module's default export, validated: its schema, a registered vendor, an id in its vendor's folder. */
function validScenario(value: unknown, file: string): Scenario {
  const scenario = parseScenario(value, file);
  if (!VENDORS.has(scenario.vendor))
    throw new ScenarioFileError(
      file,
      'vendor',
      `no vendor "${scenario.vendor}": registered are ${VENDORS.ids.join(', ')}`,
    );
  const folder = scenario.id.slice(0, scenario.id.indexOf('/'));
  if (!SCENARIO_DIRS.includes(folder))
    throw new ScenarioFileError(
      file,
      'id',
      `an id is <vendor>/<kebab-name>, the vendor one of ${SCENARIO_DIRS.join(', ')}`,
    );
  return scenario;
}

/** Every built-in scenario, sorted by id; a broken file stops the load with its name and reason. */
export async function loadScenarios(root?: string): Promise<Scenario[]> {
  const HERE = root ?? (await scenariosRoot());
  // The bundled CLI holds them all (scripts/bundle.mjs): importing 130 modules one by one, each
  // through Node's ES module loader and with a second copy of what they import, was about half
  // of what `ledgersim run` spent before running the first scenario. Imported when asked for,
  // as the scenario modules import this one.
  const { BUNDLED_SCENARIOS } =
    root === undefined ? await import('./bundled-scenarios.js') : { BUNDLED_SCENARIOS: undefined };
  if (BUNDLED_SCENARIOS)
    return checkedScenarios(
      Object.entries(BUNDLED_SCENARIOS)
        .filter(([path]) => SCENARIO_DIRS.includes(path.slice(0, path.indexOf('/'))))
        .map(([path, value]) => {
          const file = join(HERE, path);
          return { file, scenario: validScenario(value, file) };
        }),
      HERE,
    );
  const files: string[] = [];
  for (const dir of SCENARIO_DIRS) {
    let names: string[];
    try {
      names = await readdir(join(HERE, dir));
    } catch {
      continue;
    }
    for (const name of names)
      if (/\.scenario\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) files.push(join(HERE, dir, name));
  }
  // Zero built-in scenarios is never right: it means the build emitted nothing (a stale tsc cache,
  // a partial dist/). Saying so beats running nothing and reporting success.
  if (files.length === 0)
    throw new ScenarioFileError(
      HERE,
      '',
      `no built-in scenario was found under ${HERE}: the build is incomplete (run \`npm run build\`)`,
    );
  const scenarios = await Promise.all(files.map(loadScenarioFile));
  return checkedScenarios(
    scenarios.map((scenario, i) => ({ file: files[i]!, scenario })),
    HERE,
  );
}

/** Sorted by id; two files with one id stop the load, naming both. */
function checkedScenarios(loaded: { file: string; scenario: Scenario }[], root: string): Scenario[] {
  const seen = new Map<string, string>();
  for (const { file, scenario } of loaded) {
    const other = seen.get(scenario.id);
    if (other)
      throw new ScenarioFileError(file, 'id', `the id ${scenario.id} is also used by ${relative(root, other)}`);
    seen.set(scenario.id, file);
  }
  return loaded.map(({ scenario }) => scenario).sort((a, b) => a.id.localeCompare(b.id));
}
