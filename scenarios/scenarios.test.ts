import { describe, expect, it } from 'vitest';
import { catalogue } from '../contracts/catalogue/index.js';
import { parseScenario } from '../contracts/scenario/schema.js';
import { serveApp } from '../simulators/kit/serve.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { loadScenarios } from './load.js';
import { startSimulators } from '../simulators/start.js';
import { runScenario, withAdminToken } from './runner.js';

const scenarios = await loadScenarios();

describe('the scenario suite', () => {
  it("has a scenario for every catalogue entry, under the entry's scenario id, covering it", () => {
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    const missing = catalogue
      .filter((entry) => !byId.get(entry.scenarioId)?.covers.includes(entry.id))
      .map((e) => `${e.id} → ${e.scenarioId}`);
    expect(missing).toEqual([]);
  });

  it('runs every scenario with a documented remedy through that remedy', () => {
    const withRemedy = catalogue.filter((e) => e.remedy.length > 0 && e.kind !== 'behaviour');
    const missing = withRemedy.filter((e) => !scenarios.find((s) => s.id === e.scenarioId)?.remedy).map((e) => e.id);
    expect(missing).toEqual([]);
  });
});

describe('the scenario suite (in-process)', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const result = await runScenario(scenario);
    expect(result.failures, JSON.stringify(result.timeline.at(-1), null, 1)).toEqual([]);
    expect(result.status).toBe('passed');
  });
});

describe('the wizard step', () => {
  const linkWith = (credentials: unknown) =>
    parseScenario(
      {
        id: 'quadra/wizard-test',
        title: 'wizard',
        vendor: 'quadra',
        covers: ['QDR-CFE-AUTH'],
        steps: [{ do: 'link-file', credentials }],
        expect: [{ expect: 'step-error', catalogueId: 'QDR-CFE-AUTH' }],
        verifiedAgainstVendor: false,
      },
      'test',
    );

  it('mistypes the code a step names, and only that one', async () => {
    const result = await runScenario(linkWith({ wrong: 'cfeSecret' }));
    expect(result.failures).toEqual([]);
    // With the adapter's usual mistyped code (the CPA secret), the CPA token is what is refused.
    expect((await runScenario(linkWith('wrong'))).failures.join('\n')).toMatch(/QDR-CPA-AUTH/);
  });

  it('fails the scenario, saying which codes exist, when the named code is not one the wizard asks for', async () => {
    const result = await runScenario(linkWith({ wrong: 'password' }));
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([
      'steps[0] link-file: the quadra wizard has no code "password" to mistype (it asks for cpaKey, cpaSecret, cfeKey, cfeSecret, sicCode)',
    ]);
  });
});

describe('the checks a scenario makes', () => {
  const sage = (steps: unknown[], expect: unknown[]) =>
    parseScenario(
      {
        id: 'sage-ge/checks-test',
        title: 'checks',
        vendor: 'sage-ge',
        covers: ['SGE-FY-OPEN-RULES'],
        steps,
        expect,
        verifiedAgainstVendor: false,
      },
      'test',
    );
  const threeOpen = [
    {
      do: 'vendor-action',
      action: 'set-fiscal-year',
      input: { fiscalYearId: 'FY2024', start: '2024-01-01', end: '2024-12-31', status: 'open' },
    },
    { do: 'vendor-action', action: 'resync-fiscal-years' },
    { do: 'link-file' },
  ];

  it('compares the step error with the catalogue message rendered with its params, the file named by the vendor', async () => {
    const right = await runScenario(
      sage(threeOpen, [
        { expect: 'step-error', catalogueId: 'SGE-FY-OPEN-RULES', params: { years: '2024, 2025, 2026' } },
      ]),
    );
    expect(right.failures).toEqual([]);
    const wrong = await runScenario(
      sage(threeOpen, [{ expect: 'step-error', catalogueId: 'SGE-FY-OPEN-RULES', params: { years: '2025, 2026' } }]),
    );
    expect(wrong.status).toBe('failed');
    expect(wrong.failures.join('\n')).toMatch(/\(2025, 2026\) must be at most two/);
  });

  it('fails a step that expects a refusal when the vendor accepts the action', async () => {
    const result = await runScenario(
      sage(
        [{ do: 'vendor-action', action: 'resync-fiscal-years', refused: true }],
        [{ expect: 'step-error', none: true }],
      ),
    );
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([
      'steps[0] vendor-action: the vendor answered 200 to resync-fiscal-years, where it refuses it',
    ]);
  });

  it('passes a step that expects a refusal when the vendor refuses it and changes nothing', async () => {
    const result = await runScenario(
      sage(
        [{ do: 'vendor-action', action: 'delete-fiscal-year', input: { fiscalYearId: 'FY1999' }, refused: true }],
        [{ expect: 'vendor-state', path: ['files', 'F1', 'fiscalYears', 'FY2025', 'status'], equals: 'open' }],
      ),
    );
    expect(result.failures).toEqual([]);
  });
});

describe('against a running server', () => {
  it("disarms the fault rules a scenario armed, so that the server's next scenario does not meet them", async () => {
    const sim = createSageGeSimulator();
    const running = await serveApp(sim.app.fetch, { port: 0 });
    try {
      const scenario = parseScenario(
        {
          id: 'sage-ge/faults-left-armed',
          title: 'a scenario that arms a fault and never clears it',
          vendor: 'sage-ge',
          covers: ['SGE-API-RIGHTS-MISSING'],
          steps: [
            { do: 'inject-fault', fault: { kind: 'status', status: 503, path: '/nowhere/**' } },
            { do: 'link-file' },
          ],
          expect: [{ expect: 'reference-data', pulled: true }],
          verifiedAgainstVendor: false,
        },
        'test',
      );
      const result = await runScenario(scenario, { against: { 'sage-ge': running.url } });
      expect(result.failures).toEqual([]);
      expect(result.mode).toBe('against');
      expect(sim.faults.size).toBe(0);
      expect(sim.journal.list({ method: 'POST', path: '/__admin/faults' })).toHaveLength(1);
    } finally {
      await running.close();
      await sim.close();
    }
  });
});

describe('the timeline', () => {
  it('shows the account numbers the Quadra connector cut to 8 characters while the entry is on its way (QDR-ACCOUNT-8-CHARS)', async () => {
    const scenario = scenarios.find((s) => s.id === 'quadra/account-8-chars')!;
    const result = await runScenario(scenario, { skipRemedy: true });
    expect(result.failures).toEqual([]);
    const shown = result.timeline.map((t) => t.statuses.P1).filter((s) => s?.startsWith('synchronizing'));
    expect(shown[0]).toBe(
      'synchronizing; account FOURNISSEURBUREAU sent as FOURNISS (Quadra keeps 8 characters) [QDR-ACCOUNT-8-CHARS]',
    );
  });
});

describe('the timeline in-process and against a server', () => {
  it('shows the same requests, read from the simulator in-process and with GET /__admin/requests against a server', async () => {
    const scenario = scenarios.find((s) => s.id === 'sage-ge/journal-locked')!;
    const running = await startSimulators({
      portBase: 0,
      only: ['sage-ge'],
      seed: 1,
      dashboard: false,
      warn: () => {},
    });
    try {
      const shown = (result: Awaited<ReturnType<typeof runScenario>>) =>
        result.timeline.map((t) =>
          t.requests.map(({ method, path, status, requestBody }) => ({ method, path, status, requestBody })),
        );
      const inProcess = await runScenario(scenario);
      const against = await runScenario(scenario, { against: { 'sage-ge': running.simulators[0]!.url } });
      expect(inProcess.failures).toEqual([]);
      expect(against.failures).toEqual([]);
      expect(
        shown(inProcess)
          .flat()
          .some((r) => r.method === 'POST' && r.requestBody),
      ).toBe(true);
      expect(shown(inProcess)).toEqual(shown(against));
    } finally {
      await running.close();
    }
  });
});

describe('against a server started with an admin token', () => {
  it('sends the token on /__admin only, and fails plainly without it', async () => {
    const token = 'scenario-test-token-0001';
    const running = await startSimulators({
      portBase: 0,
      only: ['sage-ge'],
      seed: 1,
      dashboard: false,
      adminToken: token,
      warn: () => {},
    });
    try {
      const scenario = (await loadScenarios()).find((s) => s.id === 'sage-ge/journal-locked')!;
      const url = running.simulators[0]!.url;
      const refused = await runScenario(scenario, { against: { 'sage-ge': url }, adminToken: '' });
      expect(refused.status).toBe('failed');
      expect(refused.failures.join('\n')).toMatch(/401|unauthorized/i);
      const result = await runScenario(scenario, { against: { 'sage-ge': url }, adminToken: token });
      expect(result.failures).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('never hands the admin token to a vendor route, nor replaces credentials already there', async () => {
    const seen: [string, string | null][] = [];
    const inner = (async (input: string | URL | Request, init?: RequestInit) => {
      seen.push([String(input), new Headers(init?.headers).get('authorization')]);
      return new Response('{}');
    }) as typeof fetch;
    const f = withAdminToken('the-admin-token-0001', inner);
    await f('http://127.0.0.1:4101/__admin/seed', { method: 'POST' });
    await f('http://127.0.0.1:4101/api/v1/files', { headers: { authorization: 'Bearer GE-ID' } });
    await f('http://127.0.0.1:4101/api/v1/files');
    await f('http://127.0.0.1:4101/__admin/state', { headers: { authorization: 'Bearer other' } });
    expect(seen).toEqual([
      ['http://127.0.0.1:4101/__admin/seed', 'Bearer the-admin-token-0001'],
      ['http://127.0.0.1:4101/api/v1/files', 'Bearer GE-ID'],
      ['http://127.0.0.1:4101/api/v1/files', null],
      ['http://127.0.0.1:4101/__admin/state', 'Bearer other'],
    ]);
  });
});
