import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../contracts/catalogue/index.js';
import { DEFAULT_SCENARIO_START } from '../contracts/scenario/schema.js';
import { VENDORS } from '../vendors/index.js';
import { parameterTable, presetTable, SCENARIOS_README, tableIn } from './scenario-tables.js';

/** The scenario format's generated tables: up to date, and each row saying what its source says. */
const readme = () => readFileSync(SCENARIOS_README, 'utf8');
const rowOf = (table: string, start: string) => table.split('\n').find((line) => line.startsWith(start));

describe('scenarios/README.md: the catalogue parameters table', () => {
  it('is up to date (npm run scenario-tables)', () => {
    expect(tableIn(readme(), 'parameters')).toBe(parameterTable());
  });

  it('has a row per catalogue entry naming each `{placeholder}` of its messages', () => {
    const table = tableIn(readme(), 'parameters');
    for (const entry of catalogue) {
      const row = rowOf(table, `| \`${entry.id}\` |`);
      expect(row, entry.id).toBeDefined();
      const [, , params] = row!.split(' | ');
      for (const message of entry.messages)
        for (const [, name] of message.en.matchAll(/\{(\w+)\}/g)) expect(params, entry.id).toContain(`\`${name}\``);
      if (entry.messages.every((m) => !m.en.includes('{'))) expect(params, entry.id).toBe('—');
    }
  });
});

describe('scenarios/README.md: the presets table', () => {
  it('is up to date (npm run scenario-tables)', () => {
    expect(tableIn(readme(), 'presets')).toBe(presetTable());
  });

  it('documents every preset of every vendor, with its files and the scenario’s file first', () => {
    const table = tableIn(readme(), 'presets');
    const now = new Date(DEFAULT_SCENARIO_START);
    for (const vendor of VENDORS.modules)
      for (const [name, build] of Object.entries(vendor.testing.presets)) {
        const tenant = build('T1', now);
        const row = rowOf(table, `| ${vendor.title} | \`${name}\` |`);
        expect(row, `${vendor.id} ${name}`).toBeDefined();
        const files = row!.split(' | ')[2]!;
        expect(files.startsWith(`\`${vendor.testing.fileId(tenant)}\``), files).toBe(true);
        for (const file of vendor.testing.files(tenant)) expect(files).toContain(`\`${file}\``);
      }
  });

  it('names the ids an outside tester had to find through failing checks', () => {
    const table = tableIn(readme(), 'presets');
    for (const id of ['F1', 'FY2025', 'FY2026', 'D1', 'api.qonto@cabinet', 'VT']) expect(table).toContain(id);
  });
});
