import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../../contracts/catalogue/index.js';

describe('the Quadra README', () => {
  it('has a coverage row for every Quadra catalogue id, with its scenario and wire format', () => {
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    const coverage = readme.slice(readme.indexOf('## Coverage'));
    for (const entry of entriesFor('quadra')) {
      const row = coverage.split('\n').find((line) => line.startsWith('|') && line.includes(`\`${entry.id}\``));
      expect(row, entry.id).toBeDefined();
      expect(row).toContain(entry.scenarioId);
      expect(row).toMatch(/confirmed|own choice|inferred|hub-side/);
      if (entry.wire) expect(row).toContain(entry.wire.code);
    }
  });
});
