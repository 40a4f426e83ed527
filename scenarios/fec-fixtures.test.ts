import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFec, parseFec, referenceData } from '../contracts/fec/parse.js';
import { seedFor } from './fec-seed.js';
import { loadScenarios } from './load.js';
import { runScenario } from './runner.js';

/**
 * Each real exporter's FEC (contracts/fec/fixtures/) seeds a reproduction, one vendor each, and the
 * scenario runs as documented on the customer's reference data: the vendor answers with a name
 * only that FEC holds.
 */
const DIR = join(import.meta.dirname, '../contracts/fec/fixtures');

const CASES = [
  { fixture: 'odoo/123456789FEC20251231.csv', scenario: 'sage-ge/collective-account', own: 'Le Fournil' },
  { fixture: 'dolibarr/general_ledger-fec.txt', scenario: 'quadra/incomplete-file', own: 'Banque Populaire' },
  { fixture: 'tryton/123456789FEC20251231.csv', scenario: 'loop/description-35', own: 'Lyreco France' },
  { fixture: 'a47a1/987654321FEC20250630.txt', scenario: 'sage-ge/journal-locked', own: 'Orange Business Services' },
] as const;

describe("a real exporter's FEC seeds the reproduction", () => {
  for (const c of CASES) {
    it(`${c.fixture} → ${c.scenario}`, async () => {
      const scenario = (await loadScenarios()).find((s) => s.id === c.scenario)!;
      const text = decodeFec(new Uint8Array(readFileSync(join(DIR, c.fixture))));
      const ref = referenceData(parseFec(text), { fileName: c.fixture });
      const seeding = seedFor(scenario.vendor, ref);
      if (!('seed' in seeding)) throw new Error(seeding.unsupported);
      const result = await runScenario(scenario, { seedTenant: seeding.seed });
      expect(result.failures).toEqual([]);
      expect(JSON.stringify(result.timeline.flatMap((t) => t.requests.map((r) => r.responseBody)))).toContain(c.own);
      expect(seeding.summary(c.fixture)).toContain(`${ref.fiscalYear.start} → ${ref.fiscalYear.end}`);
    }, 30_000);
  }
});
