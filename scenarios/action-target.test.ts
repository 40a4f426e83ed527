import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../contracts/scenario/schema.js';
import { LOOP_FOLDER } from '../vendors/loop.js';
import { runScenario } from './runner.js';

/**
 * "The tenant and file ids are filled in" (the vendor-action step's documentation), for every
 * vendor, wherever the action takes them: an outside tester's Loop `upsert-compte` without a
 * `folder` was refused 400 (Sage GE and Quadra fill their file in); actions that take no file
 * (Loop's key actions, Quadra's firm actions) get none, without the scenario saying `null`.
 */
const run = (scenario: Omit<ScenarioInput, 'id' | 'title' | 'covers'> & { covers?: ScenarioInput['covers'] }) =>
  runScenario(
    parseScenario(
      { id: 'hub/action-target', title: 'target', covers: ['HUB-WEEKLY-ACCOUNT-SYNC'], ...scenario },
      'test',
    ),
  );

describe('a vendor action gets the tenant and the file filled in where it takes them', () => {
  it('Loop: a folder action without `folder` acts on the scenario’s folder', async () => {
    const result = await run({
      vendor: 'loop',
      steps: [
        { do: 'link-file' },
        { do: 'vendor-action', action: 'upsert-compte', input: { numero: '62270000', libelle: 'Frais' } },
        { do: 'vendor-action', action: 'set-journal', input: { journal: 'AC', ferme: true } },
      ],
      expect: [
        { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'comptes', '62270000', 'libelle'], equals: 'Frais' },
        { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'journaux', 'AC', 'ferme'], equals: true },
      ],
    });
    expect(result.failures).toEqual([]);
  });

  it('Loop: a firm action (no folder in its input) is not given one', async () => {
    const result = await run({
      vendor: 'loop',
      steps: [{ do: 'vendor-action', action: 'set-import-delay', input: { delay: '5m' } }],
      expect: [{ expect: 'vendor-state', path: ['importDelayMs'], equals: 300_000 }],
    });
    expect(result.failures).toEqual([]);
  });

  it('Quadra: a firm action without `dossier: null`', async () => {
    const result = await run({
      vendor: 'quadra',
      steps: [{ do: 'vendor-action', action: 'set-portal-access', input: { granted: false } }],
      expect: [{ expect: 'vendor-state', path: ['portalAccess'], equals: false }],
    });
    expect(result.failures).toEqual([]);
  });

  it('`null` still leaves a target out (Sage GE: the entity’s Marketplace rather than the file’s)', async () => {
    const result = await run({
      vendor: 'sage-ge',
      steps: [{ do: 'vendor-action', action: 'set-marketplace', input: { fileId: null, active: false } }],
      expect: [{ expect: 'vendor-state', path: ['connectorActive'], equals: false }],
    });
    expect(result.failures).toEqual([]);
  });
});
