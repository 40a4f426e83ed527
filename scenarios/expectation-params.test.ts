import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntry } from '../contracts/catalogue/index.js';
import { parseScenario, ScenarioFileError, type ScenarioInput } from '../contracts/scenario/schema.js';
import { loadScenarioFile } from './load.js';
import { runScenario } from './runner.js';

/**
 * An expectation's `params` are optional (a scenario file is user input: an outside tester wrote
 * `catalogueId` without them and the run died on a RangeError). Left out, the message is compared
 * on what the catalogue's template fixes; a parameter the message does not take is a usage error
 * naming the file, the expectation and the parameters the message takes.
 */
const locked = (expectation: Record<string, unknown>, extra: Partial<ScenarioInput> = {}): ScenarioInput =>
  ({
    id: 'sage-ge/params-test',
    title: 'params',
    vendor: 'sage-ge',
    covers: ['SGE-ACCOUNT-LOCKED'],
    given: { vendor: { actions: [{ action: 'set-account-lock', input: { account: '606400', locked: true } }] } },
    steps: [
      { do: 'link-file' },
      { do: 'add-entry', entry: { id: 'P1', kind: 'purchase' } },
      { do: 'mark-verified' },
      { do: 'open-file' },
      { do: 'synchronize' },
    ],
    expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-ACCOUNT-LOCKED', ...expectation }],
    ...extra,
  }) as ScenarioInput;

const template = getEntry('SGE-ACCOUNT-LOCKED').messages[0]!.en;

describe('a status expectation’s catalogue message', () => {
  it('without params: compared on the template, the run passes (no RangeError)', async () => {
    const result = await runScenario(parseScenario(locked({}), 'noparams.json'));
    expect(result.failures).toEqual([]);
    const checks = result.timeline.find((t) => t.phase === 'expect')!.checks!;
    expect(checks[0]!.description).toContain(`the message "${template}"`);
  });

  it('without params, another message still fails the check', async () => {
    const scenario = locked({ catalogueId: 'SGE-JOURNAL-LOCKED' });
    const result = await runScenario(parseScenario({ ...scenario, covers: ['SGE-JOURNAL-LOCKED'] }, 'other.json'));
    expect(result.status).toBe('failed');
  });

  it('with a parameter that differs from what the vendor said: a failed check, not a crash', async () => {
    const result = await runScenario(parseScenario(locked({ params: { account: '401000' } }), 'wrong.json'));
    expect(result.status).toBe('failed');
    expect(result.failures.join('\n')).toContain('Account 401000 is locked');
  });

  it('a vendor-message expectation without params', async () => {
    const scenario = parseScenario(
      {
        id: 'sage-ge/params-opening',
        title: 'opening',
        vendor: 'sage-ge',
        covers: ['SGE-FIRST-CONNECTION-BATCHES'],
        steps: [{ do: 'link-file' }, { do: 'open-file' }],
        expect: [{ expect: 'vendor-message', catalogueId: 'SGE-FIRST-CONNECTION-BATCHES' }],
      },
      'opening.json',
    );
    const result = await runScenario(scenario);
    expect(result.failures).toEqual([]);
  });
});

describe('a parameter the message does not take is a usage error', () => {
  const reasonFor = (value: unknown) => {
    try {
      parseScenario(value, 'my.scenario.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioFileError);
      return error as ScenarioFileError;
    }
    throw new Error('accepted');
  };

  it('in the expectations: the file, the expectation, the name, the parameters taken', () => {
    const error = reasonFor(locked({ params: { acount: '606400' } }));
    expect(error.file).toBe('my.scenario.json');
    expect(error.path).toBe('expect.0.params.acount');
    expect(error.reason).toContain('"acount"');
    expect(error.reason).toContain('account');
    expect(error.reason).toContain(template);
  });

  it('in the remedy and in a check step', () => {
    const remedy = {
      steps: [{ do: 'synchronize' }],
      expect: [{ expect: 'vendor-message', catalogueId: 'SGE-ACCOUNT-LOCKED', params: { year: '2025' } }],
    };
    expect(reasonFor(locked({}, { remedy } as never)).path).toBe('remedy.expect.0.params.year');
    const steps = [
      { do: 'link-file' },
      { do: 'check', expect: [{ expect: 'step-error', catalogueId: 'SGE-ACCOUNT-LOCKED', params: { acct: '1' } }] },
    ];
    expect(reasonFor(locked({}, { steps } as never)).path).toBe('steps.1.expect.0.params.acct');
  });

  it('a step error’s `file` is filled in by the runner, so it is accepted', () => {
    const steps = [
      { do: 'link-file' },
      { do: 'check', expect: [{ expect: 'step-error', catalogueId: 'SGE-ACCOUNT-LOCKED', params: { file: 'X' } }] },
    ];
    expect(() => parseScenario(locked({}, { steps } as never), 'f.json')).not.toThrow();
  });

  it('a variant the entry does not have', () => {
    expect(reasonFor(locked({ variant: 3 })).path).toBe('expect.0.variant');
  });

  it('from a JSON file, through the loader', async () => {
    const dir = join('/tmp/scen', `params-${process.pid}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'typo.json');
    await writeFile(file, JSON.stringify(locked({ params: { acount: '606400' } })));
    const error = await loadScenarioFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect((error as Error).message).toContain(`${file}: expect.0.params.acount:`);
  });
});
