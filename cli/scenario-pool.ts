import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import type { Scenario } from '../contracts/scenario/schema.js';
import { runScenario, type ScenarioResult } from '../scenarios/runner.js';

/** What marks a worker thread of the pool (its `workerData`; cli/run.ts reads it). */
const WORKER_FLAG = 'ledgersimScenarioWorker';

/**
 * The bundled CLI's worker entry (bin/scenario-worker.js), lent by its loader (bin/load-bundle.js).
 * From the sources there is none (a worker could not load TypeScript): scenarios then run on this
 * thread alone.
 */
function workerEntry(): string | undefined {
  return (globalThis as { [key: symbol]: string | undefined })[Symbol.for('ledgersim.scenarioWorker')];
}

/** Below this many scenarios a worker's start (loading the bundle again) costs more than it saves. */
const MIN_SCENARIOS_FOR_WORKERS = 12;

interface Task {
  index: number;
  scenario: Scenario;
}
type Answer = { ready: true } | { index: number; result: ScenarioResult } | { index: number; error: string };

/**
 * Runs in-process scenarios on this thread and, from the bundle on a machine with more than one
 * core, on worker threads beside it: every scenario has its own simulator, clock and tenant, so
 * none depends on another, and the results come back in the scenarios' order, the same as one by
 * one (only `durationMs` differs). A worker that fails hands its scenario back to this thread.
 */
export async function runScenariosInProcess(
  scenarios: readonly Scenario[],
  onDone?: (done: number, total: number, result: ScenarioResult) => void,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(scenarios.length);
  let next = 0;
  let done = 0;
  const take = (): Task | undefined =>
    next < scenarios.length ? { index: next, scenario: scenarios[next++]! } : undefined;
  const finish = (index: number, result: ScenarioResult) => {
    results[index] = result;
    done += 1;
    onDone?.(done, scenarios.length, result);
  };
  /** Scenarios a failed worker did not finish, run here. */
  const handedBack: Task[] = [];

  const entry = workerEntry();
  const extra = entry && scenarios.length >= MIN_SCENARIOS_FOR_WORKERS ? Math.min(availableParallelism() - 1, 3) : 0;
  const workers = Array.from({ length: Math.max(0, extra) }, () => serveFromWorker(entry!, take, finish, handedBack));

  for (let task = take(); task; task = take()) finish(task.index, await runScenario(task.scenario));
  await Promise.all(workers);
  for (const task of handedBack) finish(task.index, await runScenario(task.scenario));
  return results;
}

/** Feeds one worker thread a scenario at a time until none is left; resolves once it has stopped. */
function serveFromWorker(
  entry: string,
  take: () => Task | undefined,
  finish: (index: number, result: ScenarioResult) => void,
  handedBack: Task[],
): Promise<void> {
  return new Promise<void>((resolve) => {
    const worker = new Worker(entry, { workerData: { [WORKER_FLAG]: true } });
    let current: Task | undefined;
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      if (current) handedBack.push(current);
      current = undefined;
      void worker.terminate().then(() => resolve());
    };
    const feed = () => {
      current = take();
      if (current) worker.postMessage(current);
      else stop();
    };
    worker.on('message', (answer: Answer) => {
      if ('ready' in answer) return feed();
      if ('error' in answer) return stop();
      current = undefined;
      finish(answer.index, answer.result);
      feed();
    });
    worker.once('error', stop);
    worker.once('exit', stop);
  });
}

/** A worker's side: runs each scenario it is handed and answers with its result. */
export function serveScenarios(): void {
  const port = parentPort!;
  port.on('message', (task: Task) => {
    runScenario(task.scenario).then(
      (result) => port.postMessage({ index: task.index, result } satisfies Answer),
      (error: Error) => port.postMessage({ index: task.index, error: String(error?.stack ?? error) } satisfies Answer),
    );
  });
  port.postMessage({ ready: true } satisfies Answer);
}
