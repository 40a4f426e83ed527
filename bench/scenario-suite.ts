// Runs every catalogue scenario in-process, in this one process, and prints one JSON line:
// { wallMs, scenarios: [{ id, status, ms }] }. Spawned by run.ts (metric 4) when the `ledgersim`
// binary is not built (otherwise it times `ledgersim run --json`), in a process of its own so that
// the suite's module loading and garbage do not run inside the load generator.
// The runner (scenarios/, issue 6) is imported by name at run time: until it exports
// `loadScenarios` and `runScenario`, this prints { unavailable: reason } and run.ts says so.
const t0 = performance.now();

interface SuiteScenario {
  id: string;
}
interface SuiteResult {
  status: string;
}

async function main(): Promise<unknown> {
  let load: Record<string, unknown>;
  let runner: Record<string, unknown>;
  try {
    load = await import(new URL('../scenarios/load.js', import.meta.url).href);
    runner = await import(new URL('../scenarios/runner.js', import.meta.url).href);
  } catch (error) {
    return { unavailable: `the scenario runner does not load: ${(error as Error).message.split('\n')[0]}` };
  }
  if (typeof load.loadScenarios !== 'function' || typeof runner.runScenario !== 'function')
    return { unavailable: 'scenarios/ exports no loadScenarios and runScenario yet' };
  const loadScenarios = load.loadScenarios as () => Promise<SuiteScenario[]>;
  const runScenario = runner.runScenario as (scenario: SuiteScenario) => Promise<SuiteResult>;
  const scenarios = await loadScenarios();
  const results: { id: string; status: string; ms: number }[] = [];
  for (const scenario of scenarios) {
    const started = performance.now();
    let status: string;
    try {
      status = (await runScenario(scenario)).status;
    } catch {
      status = 'error';
    }
    results.push({ id: scenario.id, status, ms: performance.now() - started });
  }
  return { wallMs: performance.now() - t0, scenarios: results };
}

console.log(JSON.stringify(await main()));
