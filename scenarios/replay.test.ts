import { describe, expect, it } from 'vitest';
import { identifyMessage, renderMessage } from '../contracts/catalogue/index.js';
import type { CatalogueId } from '../contracts/catalogue/schema.js';
import { loadScenarios } from './load.js';
import { scenarioFor, withCustomerValues } from './replay.js';
import { runScenario } from './runner.js';

/** What `ledgersim reproduce` does with a pasted text: match, choose the scenario, replay the customer's values, run. */
async function reproduce(text: string) {
  const match = identifyMessage(text).sure;
  if (!match) throw new Error(`not sure: ${identifyMessage(text).unsureBecause}`);
  const scenario = scenarioFor(match, await loadScenarios());
  if (!scenario) throw new Error(`no scenario for ${match.id}`);
  const replay = withCustomerValues(scenario, match.id, match.params);
  const result = await runScenario(replay.scenario, { customerValues: replay.atRunTime });
  return { match, scenario, replay, result };
}

const statusesOf = (result: Awaited<ReturnType<typeof runScenario>>) =>
  result.timeline.flatMap((t) => Object.values(t.statuses));

describe("replaying the customer's values", () => {
  it("runs the collective-account scenario with the customer's account, and the vendor rejects that account", async () => {
    const match = identifyMessage('Compte (411000) ou autre est collectif').sure!;
    const scenario = (await loadScenarios()).find((s) => s.id === match.entry.scenarioId)!;
    const replay = withCustomerValues(scenario, match.id, match.params);
    expect(replay.substituted).toEqual([{ name: 'account', from: '401000', to: '411000' }]);
    const result = await runScenario(replay.scenario, { skipRemedy: true, customerValues: replay.atRunTime });
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

  // Values other than the scenarios' own examples, outside their charts: the simulator's own
  // rejection must quote the customer's value (the scenario's expectation checks the exact
  // catalogue message), and the documented remedy must still clear it.
  const cases: { text: string; id: CatalogueId; variant?: number; params: Record<string, string> }[] = [
    { text: 'Le compte 622600 est verrouillé', id: 'SGE-ACCOUNT-LOCKED', params: { account: '622600' } },
    {
      text: 'Hello,\n\nsince Monday every invoice fails with "Account 6226000001 is locked".\nCould you help?\nMarie',
      id: 'SGE-ACCOUNT-LOCKED',
      params: { account: '6226000001' },
    },
    {
      text: 'Bonjour,\nDepuis ce matin : « Le compte 62510000 est verrouillé ». Que faire ?\nCordialement',
      id: 'SGE-ACCOUNT-LOCKED',
      params: { account: '62510000' },
    },
    {
      text: 'Toutes nos factures sont rejetées avec : Compte (4010001) ou autre est collectif',
      id: 'SGE-COLLECTIVE-ACCOUNT',
      params: { account: '4010001' },
    },
    {
      text: 'Le journal HA du dossier 000123 est fermé.',
      id: 'LOOP-INCOMPLETE-FOLDER',
      variant: 1,
      params: { journal: 'HA', folder: '000123' },
    },
    {
      text: 'Hi, Loop rejected our invoices: "The journal ACH of the folder DUPONT is closed." Thanks',
      id: 'LOOP-INCOMPLETE-FOLDER',
      variant: 1,
      params: { journal: 'ACH', folder: 'DUPONT' },
    },
    {
      text: "Ligne 1 : le journal HA n'est pas ouvert dans le dossier 000451.",
      id: 'QDR-INCOMPLETE-FILE',
      variant: 1,
      params: { line: '1', journal: 'HA', file: '000451' },
    },
    {
      text: "Une erreur est survenue lors de la requête d'import JSON : Le collaborateur m.petit@cabinet-leroy.fr n'a pas accès au dossier SARL LEROY ET FILS",
      id: 'LOOP-COLLABORATOR-NO-ACCESS',
      params: { collaborator: 'm.petit@cabinet-leroy.fr', folder: 'SARL LEROY ET FILS' },
    },
    {
      text: "Bonjour, Loop répond « Le dossier 000451 n'existe pas sur le domaine. » pour toutes nos factures",
      id: 'LOOP-FOLDER-UNKNOWN',
      params: { folder: '000451' },
    },
  ];
  for (const c of cases)
    it(`replays ${JSON.stringify(c.params)} from ${JSON.stringify(c.text.slice(0, 60))}`, async () => {
      const { match, replay, result } = await reproduce(c.text);
      expect(match.id).toBe(c.id);
      expect(replay.notSubstituted).toEqual([]);
      expect(result.failures).toEqual([]);
      const message = renderMessage(c.id, { ...match.params, ...c.params }, c.variant ?? 0);
      for (const value of Object.values(c.params)) expect(message).toContain(value);
      expect(statusesOf(result).join('\n') + JSON.stringify(result.timeline.map((t) => t.error))).toContain(message);
    }, 30_000);
});
