import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import { createLoopSimulator, loopDefinition } from '../index.js';
import { json } from '../test-support.js';
import { LoopStateSchema } from '../state/schema.js';
import { loopDemoState } from './demo.js';

const NOW = new Date('2026-03-16T09:00:00.000Z');

describe('the demo state', () => {
  it('is valid, and the same for the same seed', () => {
    const state = loopDemoState(7, NOW);
    expect(LoopStateSchema.parse(state)).toEqual(state);
    expect(JSON.stringify(loopDemoState(7, NOW))).toBe(JSON.stringify(state));
    expect(JSON.stringify(loopDemoState(8, NOW))).not.toBe(JSON.stringify(state));
  });

  it('prints working credentials for ledgersim start', async () => {
    const sim = createLoopSimulator();
    const lines = loopDefinition.credentials(sim.store.data);
    expect(lines).toHaveLength(2);
    const match = /Ocp-Apim-Subscription-Key: (\S+)\s+x-apikey: (\S+)\s+x-domain: (\S+)/.exec(lines[0]!)!;
    const headers = { 'Ocp-Apim-Subscription-Key': match[1]!, 'x-apikey': match[2]!, 'x-domain': match[3]! };
    expect((await sim.app.request('/loop-api-publiques/compte?codeDossier=DEMO01', { headers })).status).toBe(200);
    const notAssociated = await sim.app.request('/loop-api-publiques/compte?codeDossier=DEMO04', { headers });
    expect((await json(notAssociated)).message).toBe(renderMessage('LOOP-FOLDER-NOT-ASSOCIATED', { folder: 'DEMO04' }));
  });

  it('serves /openapi.json with the Loop routes', async () => {
    const sim = createLoopSimulator();
    const doc = await json(await sim.app.request('/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/loop-api-publiques/compte',
        '/loop-api-publiques/EcritureComptable',
        '/loop-api-publiques/importJson',
        '/loop-api-publiques/getstatus',
      ]),
    );
  });

  it('reset empties it and seed reloads it', async () => {
    const sim = createLoopSimulator();
    await sim.app.request('/__admin/reset', { method: 'POST' });
    expect(sim.store.data.tenants).toEqual({});
    await sim.app.request('/__admin/seed', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"seed":1}',
    });
    expect(Object.keys(sim.store.data.tenants)).toHaveLength(2);
  });
});
