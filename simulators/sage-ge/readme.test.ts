import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../../contracts/catalogue/index.js';

describe('the Sage GE README', () => {
  it('has a coverage row for every Sage GE catalogue id, with its scenario', () => {
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    for (const entry of entriesFor('sage-ge')) {
      const row = readme.split('\n').find((line) => line.includes(`\`${entry.id}\``));
      expect(row, entry.id).toBeDefined();
      expect(row).toContain(entry.scenarioId);
    }
  });
});
