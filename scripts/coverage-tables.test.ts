import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../contracts/catalogue/index.js';
import { HUB_BEHAVIOURS, type HubCatalogueId } from '../connectors/hub/behaviours.js';
import { createVirtualClock } from '../core/clock.js';
import { DEFAULT_START } from '../simulators/kit/simulator.js';
import { VENDORS } from '../vendors/index.js';
import {
  coverageRows,
  END_MARKER,
  readmePath,
  renderTable,
  repoPath,
  START_MARKER,
  TARGETS,
  type CoverageTarget,
} from './coverage-tables.js';

/** What a simulator serves: its vendor routes (`/openapi.json`) and its admin actions. */
async function servedRoutes(target: CoverageTarget): Promise<Set<string>> {
  if (target === 'hub') return new Set();
  const sim = VENDORS.get(target).simulator.create({ clock: createVirtualClock({ start: DEFAULT_START }) });
  const doc = (await (await sim.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const actions = (await (await sim.app.request('/__admin/actions')).json()) as { actions: { name: string }[] };
  return new Set([
    ...Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    ...actions.actions.map((a) => `POST /__admin/actions/${a.name}`),
    'every vendor route',
  ]);
}

const tableOf = (readme: string) =>
  readme.slice(readme.indexOf(START_MARKER), readme.indexOf(END_MARKER) + END_MARKER.length);

/** Everything a README's table names that does not exist, read from the table itself. */
async function problemsIn(target: CoverageTarget, readme: string): Promise<string[]> {
  const problems: string[] = [];
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) return ['no coverage-table markers'];
  const rows = readme
    .slice(start, end)
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
  const dir = dirname(TARGETS[target].readme);
  const routes = await servedRoutes(target);
  const ids = rows.map((r) => r[0]!.replaceAll('`', ''));
  const expected = entriesFor(target).map((e) => e.id);
  for (const id of expected) if (!ids.includes(id)) problems.push(`${id}: no row`);
  for (const [cells, id] of rows.map((r, i) => [r, ids[i]!] as const)) {
    if (!expected.includes(id as never)) problems.push(`${id}: not a ${target} catalogue id`);
    const [, rule = '', route = '', scenario = ''] = cells;
    if (target === 'hub' && !/\]\(/.test(rule)) problems.push(`${id}: no rule`);
    for (const [, file, name] of rule.matchAll(/\]\(([^)]+)\) `([^`]+)`/g)) {
      const path = repoPath(join(dir, file!));
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const named =
        target === 'hub'
          ? // An operation of the engine that hub/behaviours.ts names for this id.
            new RegExp(`^ {4}(async )?${name}(\\(|:)`, 'm').test(text) &&
            (HUB_BEHAVIOURS[id as HubCatalogueId] as readonly string[] | undefined)?.includes(name!) === true
          : new RegExp(`^(export )?(async )?(function|const) ${name}\\b`, 'm').test(text) && text.includes(`'${id}'`);
      if (!named) problems.push(`${id}: no rule ${name} naming it in ${file}`);
    }
    for (const [, r] of route.matchAll(/`([^`]+)`/g)) if (!routes.has(r!)) problems.push(`${id}: no route ${r}`);
    const link = /\]\(([^)]+)\)/.exec(scenario)?.[1];
    if (!link || !existsSync(repoPath(join(dir, link)))) problems.push(`${id}: no scenario file ${link}`);
  }
  return problems;
}

describe('the coverage tables (simulators and hub)', () => {
  for (const target of Object.keys(TARGETS) as CoverageTarget[]) {
    it(`${TARGETS[target].readme}: up to date with the catalogue and the code (npm run coverage-tables)`, async () => {
      const readme = readFileSync(readmePath(target), 'utf8');
      expect(tableOf(readme)).toBe(renderTable(target, await coverageRows(target)));
    });

    it(`${TARGETS[target].readme}: names only rules, routes and scenarios that exist`, async () => {
      expect(await problemsIn(target, readFileSync(readmePath(target), 'utf8'))).toEqual([]);
    });
  }

  it('reports a table naming a rule, route or scenario that does not exist, or missing a row', async () => {
    const readme = readFileSync(readmePath('quadra'), 'utf8');
    const broken = readme
      .split('\n')
      .filter((line) => !line.startsWith('| `QDR-NO-LABELS`'))
      .map((line) =>
        line.startsWith('| `QDR-CPA-AUTH`')
          ? line
              .replace('`cpaAuth`', '`cpaAuthh`')
              .replace('`POST /QuadraODOpenApi/token`', '`POST /QuadraODOpenApi/tokens`')
          : line.replace(
              '(../../scenarios/quadra/cfe-auth.scenario.ts)',
              '(../../scenarios/quadra/cfe-auht.scenario.ts)',
            ),
      )
      .join('\n');
    expect(await problemsIn('quadra', broken)).toEqual([
      'QDR-NO-LABELS: no row',
      'QDR-CPA-AUTH: no rule cpaAuthh naming it in rules/cpa-auth.ts',
      'QDR-CPA-AUTH: no route POST /QuadraODOpenApi/tokens',
      'QDR-CFE-AUTH: no scenario file ../../scenarios/quadra/cfe-auht.scenario.ts',
    ]);
  });

  it('reports a hub id with no engine operation, or one naming an operation the engine lacks', async () => {
    const readme = readFileSync(readmePath('hub'), 'utf8');
    const broken = readme
      .split('\n')
      .map((line) =>
        line.startsWith('| `HUB-EXCLUDE-ENTRY`')
          ? line.replace('[hub/engine.ts](hub/engine.ts) `exclude`', '—')
          : line.startsWith('| `HUB-EDIT-CREDENTIALS`')
            ? line.replace('`editCredentials`', '`editCredential`')
            : line,
      )
      .join('\n');
    expect(await problemsIn('hub', broken)).toEqual([
      'HUB-EXCLUDE-ENTRY: no rule',
      'HUB-EDIT-CREDENTIALS: no rule editCredential naming it in hub/engine.ts',
    ]);
  });
});
