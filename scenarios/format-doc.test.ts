import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExpectationSchema, parseScenario, StepSchema } from '../contracts/scenario/schema.js';
import { runScenario } from './runner.js';

/**
 * The scenario format is documented in one place, `scenarios/README.md`, linked from the
 * repository README (the two pointed at each other and neither had an example): its example is a
 * scenario that runs and passes, and it names every step verb and expectation kind of the schema.
 */
const ROOT = join(import.meta.dirname, '..');
const formatDoc = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');
const section = formatDoc.slice(
  formatDoc.indexOf('## The scenario format'),
  formatDoc.indexOf('## Every seed statement'),
);

describe('the scenario format’s documentation', () => {
  it('has an example that parses and passes', async () => {
    const example = /<!-- format-example:start -->\n```json\n([\s\S]*?)```\n<!-- format-example:end -->/.exec(section);
    expect(example).not.toBeNull();
    const result = await runScenario(parseScenario(JSON.parse(example![1]!), 'scenarios/README.md'));
    expect(result.failures).toEqual([]);
    expect(result.status).toBe('passed');
  });

  it('names every step verb and every expectation kind', () => {
    const verbs = StepSchema.options.map((o) => o.shape.do.value);
    const kinds = ExpectationSchema.options.map((o) => o.shape.expect.value);
    expect(verbs.filter((v) => !section.includes(`\`${v}\``))).toEqual([]);
    expect(kinds.filter((k) => !section.includes(`\`${k}\``))).toEqual([]);
  });

  it('is linked from the repository README, which points there for the format', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](scenarios/README.md#the-scenario-format)');
    expect(formatDoc).toContain('](../README.md#scenarios-ledgersim-scenarios-run-reproduce)');
    expect(formatDoc).not.toMatch(/see the repository README for the format/);
  });
});
