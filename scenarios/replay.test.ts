import { describe, expect, it } from 'vitest';
import { identifyMessage } from '../contracts/catalogue/index.js';
import { loadScenarios } from './load.js';
import { withCustomerValues } from './replay.js';
import { runScenario } from './runner.js';

describe("replaying the customer's values", () => {
  it("runs the collective-account scenario with the customer's account, and the vendor rejects that account", async () => {
    const match = identifyMessage('Compte (411000) ou autre est collectif').sure!;
    const scenario = (await loadScenarios()).find((s) => s.id === match.entry.scenarioId)!;
    const replay = withCustomerValues(scenario, match.id, match.params);
    expect(replay.substituted).toEqual([{ name: 'account', from: '401000', to: '411000' }]);
    const result = await runScenario(replay.scenario, { skipRemedy: true });
    // The expectation now names 411000: it passing means the vendor's rejection message carries the customer's account.
    expect(result.failures).toEqual([]);
    const sent = JSON.stringify(result.timeline.flatMap((t) => t.requests.map((r) => r.requestBody)));
    expect(sent).toContain('411000');
    expect(JSON.stringify(result.timeline.at(-1)?.statuses)).toContain('411000');
  }, 30_000);

  it('says which values it could not substitute', async () => {
    const match = identifyMessage('le numéro de compte 4010000123 est tronqué à 8 caractères dans Quadra').sure!;
    const scenario = (await loadScenarios()).find((s) => s.id === match.entry.scenarioId)!;
    const replay = withCustomerValues(scenario, match.id, match.params);
    expect(replay.notSubstituted.map((n) => n.name)).toContain('account');
    expect(replay.scenario).toEqual(scenario);
  });
});
