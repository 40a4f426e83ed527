import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { explain } from '../contracts/catalogue/explain.js';
import { decodeFec, FecError, parseFec, referenceData, type FecReferenceData } from '../contracts/fec/parse.js';
import { seedFor } from '../scenarios/fec-seed.js';
import { getEntry, identifyMessage } from '../contracts/catalogue/index.js';
import { describeVerification, ScenarioFileError, type Scenario } from '../contracts/scenario/schema.js';
import { loadScenarioFile, loadScenarios, SCENARIO_DIRS } from '../scenarios/load.js';
import { scenarioFor, withCustomerValues } from '../scenarios/replay.js';
import { runScenario, type RunOptions, type ScenarioResult } from '../scenarios/runner.js';
import { runScenariosInProcess } from './scenario-pool.js';
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
  if (values.vendor && !vendors.includes(values.vendor as string))
    throw new UsageError(`--vendor must be one of ${vendors.join(', ')}`);
  const all = await builtIn(io);
  if (typeof all === 'number') return all;
  const list = all.filter((s) => !values.vendor || s.vendor === values.vendor || s.id.startsWith(`${values.vendor}/`));
  if (values.json)
    io.out(
      JSON.stringify(
        {
          scenarios: list.map((s) => ({
            id: s.id,
            vendor: s.vendor,
            title: s.title,
            covers: s.covers,
            verifiedAgainstVendor: s.verifiedAgainstVendor,
          })),
        },
        null,
        2,
      ),
    );
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
      const res = await fetch(`${url.replace(/\/+$/, '')}/__admin/health`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      simulator = ((await res.json()) as { simulator?: string }).simulator;
    } catch (error) {
      throw new UsageError(`--against ${url}: no simulator answers there (${(error as Error).message})`);
    }
    if (!simulator || !VENDORS.has(simulator)) throw new UsageError(`--against ${url}: not a ledgersim simulator`);
    against[simulator] = url;
  }
  return against;
}

/** A scenario whose vendor has no URL would run in-process unseen, and "passed" would lie about the server: refused. */
function requireEveryVendor(against: NonNullable<RunOptions['against']>, scenarios: Scenario[]): void {
  const missing = [...new Set(scenarios.map((s) => s.vendor))].filter((vendor) => !against[vendor]);
  if (missing.length) {
    throw new UsageError(
      `no --against URL for ${missing.join(', ')}: the chosen scenarios need ${missing.length === 1 ? 'its' : 'their'} server too (give its URL with another --against, or choose only the scenarios of ${Object.keys(against).join(', ')})`,
    );
  }
}

/** The first line of the human output: where the scenarios run. */
export function modeLine(count: number, against: RunOptions['against']): string {
  const scenarios = `${count} scenario${count === 1 ? '' : 's'}`;
  if (!against) return `Running ${scenarios} in-process.`;
  return `Running ${scenarios} against ${Object.entries(against)
    .map(([vendor, url]) => `${url} (${vendor})`)
    .join(', ')}.`;
}

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** `ledgersim run [ID|GLOB|FILE ...] [--json] [--junit FILE] [--against URL ... [--run-seed N]]` */
export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    junit: { type: 'string' },
    against: { type: 'string', multiple: true },
    'run-seed': { type: 'string' },
  });
  const runSeed = values['run-seed'] === undefined ? undefined : Number(values['run-seed']);
  if (runSeed !== undefined && !(Number.isInteger(runSeed) && runSeed >= 0 && runSeed < 2 ** 32))
    throw new UsageError(`--run-seed must be an integer from 0 to 4294967295, not "${values['run-seed']}"`);
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
  if (against) requireEveryVendor(against, chosen);
  const c = palette(!values.json && useColour(io));
  if (!values.json) io.out(modeLine(chosen.length, against));
  const progress = !values.json && io.progress && chosen.length > 1 ? io.progress : undefined;
  let results: ScenarioResult[] = [];
  if (against)
    for (const [i, scenario] of chosen.entries()) {
      progress?.(`[${i + 1}/${chosen.length}] ${scenario.id}`);
      results.push(await runScenario(scenario, { against, runSeed }));
    }
  else
    results = await runScenariosInProcess(chosen, (done, total, result) =>
      progress?.(`[${done}/${total}] ${result.id}`),
    );
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
    const failed = results.filter((r) => r.status !== 'passed').map((r) => r.id);
    if (failed.length) io.out(c.red(`Failed: ${failed.join(' ')}`));
  }
  return passed === results.length ? 0 : 1;
}

/** `ledgersim reproduce "<message a customer saw>" [--json] [--explain] [--fec FILE] [--against URL ...]` */
export async function reproduceCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    fec: { type: 'string' },
    against: { type: 'string', multiple: true },
  });
  if (positionals.length === 0) throw new UsageError('reproduce needs the message the customer saw, in quotes');
  const message = positionals.join(' ');
  // The customer's FEC is read first: a bad one stops everything, nothing runs.
  let fec: FecReferenceData | undefined;
  if (values.fec) {
    let text: string;
    try {
      text = decodeFec(await readFile(values.fec as string));
    } catch (error) {
      throw new UsageError(`--fec ${values.fec}: ${(error as Error).message}`);
    }
    try {
      fec = referenceData(parseFec(text), { fileName: values.fec as string });
    } catch (error) {
      if (!(error instanceof FecError)) throw error;
      io.err(`ledgersim: ${values.fec}: not a valid FEC, ${error.message}`);
      return 2;
    }
  }
  const { sure, candidates, unsureBecause } = identifyMessage(message);
  const c = palette(!values.json && useColour(io));
  const listed = candidates.slice(0, 3).map((m) => ({
    id: m.id,
    confidence: Number(m.confidence.toFixed(2)),
    via: m.via,
    lang: m.lang,
    evidence: m.evidence,
    params: m.params,
    title: m.entry.title,
  }));
  if (!sure) {
    // Not sure is an answer: a wrong confident one would send support down the wrong remedy.
    if (values.json) io.out(JSON.stringify({ match: null, sure: false, unsureBecause, candidates: listed }, null, 2));
    else {
      io.err(`ledgersim: not sure which catalogue entry this is (${unsureBecause}).`);
      if (listed.length)
        io.err(
          `The candidates:\n${listed.map((m) => `  ${m.id} ${Math.round(m.confidence * 100)}% (${m.via}, ${m.lang}): ${m.title}\n    matched: ${m.evidence.join(' ')}`).join('\n')}`,
        );
      else io.err('No catalogue entry resembles it; `ledgersim scenarios` lists what is covered.');
    }
    return 2;
  }
  const entry = getEntry(sure.id);
  const all = await builtIn(io);
  if (typeof all === 'number') return all;
  const scenario = scenarioFor(sure, all);
  if (!scenario) {
    io.err(`ledgersim: ${entry.id} matches, but its scenario ${entry.scenarioId} does not exist yet.`);
    io.out(renderEntry(entry, c).join('\n'));
    return 1;
  }
  const against = values.against ? await resolveAgainst(values.against as string[]) : undefined;
  if (against) requireEveryVendor(against, [scenario]);
  const replay = withCustomerValues(scenario, entry.id, sure.params);
  const seeding = fec ? seedFor(scenario.vendor, fec) : undefined;
  const seedTenant = seeding && 'seed' in seeding ? seeding.seed : undefined;
  let result = await runScenario(replay.scenario, { against, seedTenant, customerValues: replay.atRunTime });
  let fellBack: string | undefined;
  if (result.status === 'failed' && (replay.substituted.length || seedTenant)) {
    // The customer's values or books do not fit the scenario: say so, and show the documented case.
    fellBack = result.failures[0] ?? 'the scenario did not behave as documented';
    result = await runScenario(scenario, { against });
  }
  const fecSummary = seeding
    ? 'seed' in seeding
      ? seeding.summary(values.fec as string)
      : seeding.unsupported
    : undefined;
  const explanation = values.explain ? explain(entry, sure) : undefined;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          match: {
            id: entry.id,
            confidence: sure.confidence,
            via: sure.via,
            lang: sure.lang,
            evidence: sure.evidence,
            params: sure.params,
            ...(sure.disputedBy ? { disputedBy: sure.disputedBy } : {}),
          },
          sure: true,
          candidates: listed,
          replay: {
            substituted: replay.substituted,
            notSubstituted: replay.notSubstituted,
            fellBack,
            ...(fecSummary ? { fec: fecSummary } : {}),
            ...(fec ? { fecFiscalYear: fec.fiscalYear } : {}),
          },
          ...(explanation ? { explanation } : {}),
          entry,
          result,
        },
        null,
        2,
      ),
    );
    return result.status === 'passed' ? 0 : 1;
  }
  const before = result.timeline.filter((t) => t.phase !== 'remedy' && t.phase !== 'remedy-expect');
  const after = result.timeline.filter((t) => t.phase === 'remedy' || t.phase === 'remedy-expect');
  io.out(renderEntry(entry, c).join('\n'));
  io.out(
    `  matched: ${sure.via === 'message' ? 'the message' : sure.via === 'status' ? 'a status name' : 'a symptom'} (${sure.lang}), confidence ${Math.round(sure.confidence * 100)}%: ${sure.evidence.join(' ')}`,
  );
  if (sure.disputedBy)
    io.out(
      c.yellow(
        `  the customer denies, in their own words ("${sure.disputedBy}"), what the message they quote says: ${
          scenario.id === entry.scenarioId
            ? `no other scenario of ${entry.id}'s own, shown with its main cause`
            : `shown with ${scenario.id}, another documented case of ${entry.id} (${entry.scenarioId} shows the one denied)`
        }`,
      ),
    );
  if (Object.keys(sure.params).length)
    io.out(
      `  read from the message: ${Object.entries(sure.params)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`,
    );
  if (replay.substituted.length && !fellBack)
    io.out(
      `  replayed with the customer's values: ${replay.substituted.map((s) => `${s.name} ${s.from} → ${s.to}`).join(', ')}`,
    );
  if (fellBack)
    io.out(
      c.yellow(
        `  the customer's values could not be replayed (${fellBack.split('\n')[0]}); shown with the scenario's own values`,
      ),
    );
  for (const n of replay.notSubstituted) io.out(c.dim(`  not replayed: ${n.name} = ${n.value} (${n.why})`));
  if (fecSummary) io.out(`  ${fecSummary}`);
  io.out('');
  io.out(c.bold(`Reproduced by ${scenario.id}: ${scenario.title}`));
  io.out(
    renderTimeline(before, c)
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  io.out('');
  io.out(renderRemedy(entry, c).join('\n'));
  if (after.length) {
    io.out('');
    io.out(c.bold('Running the remedy:'));
    io.out(
      renderTimeline(after, c)
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  if (explanation) {
    io.out('');
    io.out(c.bold(explanation.lang === 'fr' ? 'Explication à transmettre :' : 'Explanation to forward:'));
    io.out(explanation.text);
  }
  io.out('');
  for (const failure of result.failures) io.out(c.red(failure));
  io.out(
    result.status === 'passed'
      ? c.green(after.length ? 'Reproduced, and the remedy clears it.' : 'Reproduced.')
      : c.red('The scenario did not behave as documented.'),
  );
  return result.status === 'passed' ? 0 : 1;
}
