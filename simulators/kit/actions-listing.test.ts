import { describe, expect, it } from 'vitest';
import { createSageGeSimulator } from '../sage-ge/index.js';

type Listing = { actions: { name: string; input: { required?: string[]; properties: Record<string, unknown> } }[] };

describe('GET /__admin/actions', () => {
  it('lists an input field with a default as optional, as the action accepts it without the field', async () => {
    const sim = createSageGeSimulator();
    const listing = (await (await sim.app.request('/__admin/actions')).json()) as Listing;
    const open = listing.actions.find((a) => a.name === 'open-accounting')!;
    expect(Object.keys(open.input.properties)).toContain('stay');
    expect(open.input.required).not.toContain('stay');
    // and the action does take a body without it
    const res = await sim.app.request('/__admin/actions/open-accounting', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entityId: 'ENT-1', fileId: 'healthy' }),
    });
    expect(res.status).toBe(200);
    await sim.close();
  });
});
