import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './load.js';

/**
 * The table of every seed statement in scenarios/README.md: each quote is in its article (so the
 * table cannot invent a clause), each scenario it names exists, each article is represented, and a
 * row that names no scenario says why.
 */
const README = join(import.meta.dirname, 'README.md');
const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const STATUSES = ['covered', 'partial', 'planned', 'not simulated'] as const;

interface Row {
  line: number;
  seed: string;
  statement: string;
  scenario: string;
  status: string;
  note: string;
}

function readTable(): Row[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const start = lines.indexOf('<!-- seed-table:start -->');
  const end = lines.indexOf('<!-- seed-table:end -->');
  expect(start, 'the table markers in scenarios/README.md').toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  const rows: Row[] = [];
  for (let i = start + 3; i < end; i++) {
    const cells = lines[i]!.split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    expect(cells, `scenarios/README.md line ${i + 1}: five cells`).toHaveLength(5);
    const [seed, statement, scenario, status, note] = cells as [string, string, string, string, string];
    rows.push({ line: i + 1, seed, statement, scenario: scenario.replace(/`/g, ''), status, note });
  }
  return rows;
}

const normalise = (text: string) => text.replace(/•/g, '-').replace(/\s+/g, ' ').trim();

describe('the seed-statement table (scenarios/README.md)', () => {
  const rows = readTable();

  it('names only scenarios that exist, and says why wherever it names none', async () => {
    const ids = new Set((await loadScenarios()).map((s) => s.id));
    for (const row of rows) {
      const where = `scenarios/README.md line ${row.line}`;
      expect(STATUSES, where).toContain(row.status);
      if (row.status === 'covered' || row.status === 'partial') {
        expect(ids.has(row.scenario), `${where}: scenario ${row.scenario} does not exist`).toBe(true);
      } else {
        expect(row.note.length, `${where}: a ${row.status} statement says why`).toBeGreaterThan(10);
      }
      if (row.status === 'partial')
        expect(row.note.length, `${where}: a partial row says what is missing`).toBeGreaterThan(10);
    }
  });

  it.runIf(existsSync(SEEDS))('quotes each statement word for word from its article, and leaves no article out', () => {
    const articles = readdirSync(SEEDS).filter((name) => /^\d{3}_.*\.txt$/.test(name));
    expect(articles.length).toBeGreaterThan(0);
    const text = new Map(
      articles.map((name) => [name.slice(0, 3), normalise(readFileSync(join(SEEDS, name), 'utf8'))]),
    );
    for (const row of rows) {
      const article = text.get(row.seed);
      expect(article, `scenarios/README.md line ${row.line}: no seed ${row.seed}`).toBeDefined();
      expect(
        article!.includes(normalise(row.statement)),
        `scenarios/README.md line ${row.line}: not in seed ${row.seed}: "${row.statement}"`,
      ).toBe(true);
    }
    for (const seed of text.keys())
      expect(
        rows.some((row) => row.seed === seed),
        `seed ${seed} has no row`,
      ).toBe(true);
  });
});
