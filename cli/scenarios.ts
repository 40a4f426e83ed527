import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { getEntry, lookupMessage } from '../contracts/catalogue/index.js';
import { describeVerification, ScenarioFileError, type Scenario } from '../contracts/scenario/schema.js';
import { loadScenarioFile, loadScenarios, SCENARIO_DIRS } from '../scenarios/load.js';
import { runScenario, type RunOptions, type ScenarioResult } from '../scenarios/runner.js';
import { VENDORS } from '../vendors/index.js';
import { junit, palette, renderEntry, renderRemedy, renderResult, renderTimeline } from './render.js';
import type { CliIO } from './start.js';
import { UsageError } from './usage.js';

function parse<O extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const useColour = (io: CliIO) => io.colour ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);

async function builtIn(io: CliIO): Promise<Scenario[] | number> {
  try {
    return await loadScenarios();
  } catch (error) {
    if (error instanceof ScenarioFileError) {
      io.err(`ledgersim: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `ledgersim scenarios [--vendor V] [--json]` */
export async function scenariosCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { vendor: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const vendors = SCENARIO_DIRS;
  if (values.vendor && !vendors.includes(values.vendor as string)) throw new UsageError(`--vendor must be one of ${vendors.join(', ')}`);
  const all = await builtIn(io);
  if (typeof all === 'number') return all;
  const list = all.filter((s) => !values.vendor || s.vendor === values.vendor || s.id.startsWith(`${values.vendor}/`));
  if (values.json) io.out(JSON.stringify({ scenarios: list.map((s) => ({ id: s.id, vendor: s.vendor, title: s.title, covers: s.covers, verifiedAgainstVendor: s.verifiedAgainstVendor })) }, null, 2));
  else for (const s of list) io.out(scenarioLine(s));
  return 0;
}

/** One line of `ledgersim scenarios`: id, vendor, title, catalogue ids, and the parity marker when set. */
export function scenarioLine(s: Scenario): string {
  const verified = describeVerification(s.verifiedAgainstVendor);
  return `${s.id.padEnd(42)} ${s.vendor.padEnd(8)} ${s.title}  [${s.covers.join(', ')}]${verified ? `  ${verified}` : ''}`;
}

/** Which simulator answers at each URL: asked to its `/__admin/health`. */
async function resolveAgainst(urls: string[]): Promise<RunOptions['against']> {
  const against: NonNullable<RunOptions['against']> = {};
  for (const url of urls) {
    let simulator: string | undefined;
    try {
      const token = process.env.LEDGERSIM_ADMIN_TOKEN;
      const res = await fetch(`${url.replace(/\/+$/, '')}/__admin/health`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      simulator = ((await res.json()) as { simulator?: string }).simulator;
    } catch (error) {
      throw new UsageError(`--against ${url}: no simulator answers there (${(error as Error).message})`);
    }
    if (!simulator || !VENDORS.has(simulator)) throw new UsageError(`--against ${url}: not a ledgersim simulator`);
    against[simulator] = url;
  }
  return against;
}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** `ledgersim run [ID|GLOB|FILE ...] [--json] [--junit FILE] [--against URL ...]` */
export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, junit: { type: 'string' }, against: { type: 'string', multiple: true } });
  const all = await builtIn(io);
  if (typeof all === 'number') return all;
  let chosen: Scenario[] = [];
  if (positionals.length === 0) chosen = all;
  for (const pattern of positionals) {
    if (/\.(json|ts|mts|cts|js|mjs|cjs)$/.test(pattern)) {
      try {
        chosen.push(await loadScenarioFile(pattern));
      } catch (error) {
        if (error instanceof ScenarioFileError) {
          io.err(`ledgersim: ${error.message}`);
          return 2;
        }
        throw new UsageError(`cannot read ${pattern}: ${(error as Error).message}`);
      }
      continue;
    }
    const re = globToRegExp(pattern);
    const matched = all.filter((s) => re.test(s.id));
    if (matched.length === 0) throw new UsageError(`no scenario matches "${pattern}" (ledgersim scenarios lists them)`);
    chosen.push(...matched.filter((s) => !chosen.includes(s)));
  }
  const against = values.against ? await resolveAgainst(values.against as string[]) : undefined;
  const c = palette(!values.json && useColour(io));
  const results: ScenarioResult[] = [];
  for (const [i, scenario] of chosen.entries()) {
    if (!values.json && io.progress && chosen.length > 1) io.progress(`[${i + 1}/${chosen.length}] ${scenario.id}`);
    results.push(await runScenario(scenario, { against }));
  }
  io.progress?.('');
  if (values.junit) await writeFile(values.junit as string, junit(results));
  const passed = results.filter((r) => r.status === 'passed').length;
  if (values.json) io.out(JSON.stringify({ results, passed, failed: results.length - passed }, null, 2));
  else {
    for (const result of results) {
      io.out(renderResult(result, c).join('\n'));
      io.out('');
    }
    io.out(`${passed} passed, ${results.length - passed} failed`);
  }
  return passed === results.length ? 0 : 1;
}

/** `ledgersim reproduce "<message a customer saw>" [--json] [--against URL ...]` */
export async function reproduceCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, against: { type: 'string', multiple: true } });
  if (positionals.length === 0) throw new UsageError('reproduce needs the message the customer saw, in quotes');
  const message = positionals.join(' ');
  const matches = lookupMessage(message);
  const c = palette(!values.json && useColour(io));
  const best = matches[0];
  if (!best || best.score < 1 && matches.length > 1 && matches[1]!.score === best.score) {
    const closest = (best ? matches : lookupMessage(message, { minScore: 0.25 })).slice(0, 3);
    if (values.json) io.out(JSON.stringify({ match: null, closest: closest.map((m) => ({ id: m.id, score: m.score, message: m.entry.messages[m.variant]?.en })) }, null, 2));
    else {
      io.err(`ledgersim: no catalogue entry matches "${message}".`);
      if (closest.length) io.err(`The closest:\n${closest.map((m) => `  ${m.id}: "${m.entry.messages[m.variant]?.en}"`).join('\n')}`);
    }
    return 2;
  }
  const entry = getEntry(best.id);
  const all = await builtIn(io);
  if (typeof all === 'number') return all;
  const scenario = all.find((s) => s.id === entry.scenarioId);
  if (!scenario) {
    io.err(`ledgersim: ${entry.id} matches, but its scenario ${entry.scenarioId} does not exist yet.`);
    io.out(renderEntry(entry, c).join('\n'));
    return 1;
  }
  const against = values.against ? await resolveAgainst(values.against as string[]) : undefined;
  const result = await runScenario(scenario, { against });
  if (values.json) {
    io.out(JSON.stringify({ match: { id: entry.id, score: best.score, params: best.params, lang: best.lang }, entry, result }, null, 2));
    return result.status === 'passed' ? 0 : 1;
  }
  const before = result.timeline.filter((t) => t.phase !== 'remedy' && t.phase !== 'remedy-expect');
  const after = result.timeline.filter((t) => t.phase === 'remedy' || t.phase === 'remedy-expect');
  io.out(renderEntry(entry, c).join('\n'));
  if (Object.keys(best.params).length) io.out(`  read from the message: ${Object.entries(best.params).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
  io.out('');
  io.out(c.bold(`Reproduced by ${scenario.id}: ${scenario.title}`));
  io.out(renderTimeline(before, c).map((l) => `  ${l}`).join('\n'));
  io.out('');
  io.out(renderRemedy(entry, c).join('\n'));
  if (after.length) {
    io.out('');
    io.out(c.bold('Running the remedy:'));
    io.out(renderTimeline(after, c).map((l) => `  ${l}`).join('\n'));
  }
  io.out('');
  for (const failure of result.failures) io.out(c.red(failure));
  io.out(result.status === 'passed' ? c.green(after.length ? 'Reproduced, and the remedy clears it.' : 'Reproduced.') : c.red('The scenario did not behave as documented.'));
  return result.status === 'passed' ? 0 : 1;
}
