import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgersimHandlers } from '../../msw.js';

const { handlers, simulators, baseUrls } = createLedgersimHandlers({ seed: 5 });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the msw bridge', () => {
  it('lets a real fetch reach the in-process simulator, no socket', async () => {
    const entity = simulators.sageGe.store.data.tenants['ENT-1']!;
    const res = await fetch(`${baseUrls.sageGe}/api/v1/files`, {
      headers: { authorization: `Bearer ${entity.geIdentifier}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { files: { id: string }[] };
    expect(body.files.map((f) => f.id)).toContain('healthy');
    expect(simulators.sageGe.journal.list({ path: '/api/v1/files' })).toHaveLength(1);
  });

  it('turns an injected dropped connection into a network error', async () => {
    simulators.sageGe.faults.add({ path: '/api/v1/files', kind: 'drop', times: 1 });
    await expect(fetch(`${baseUrls.sageGe}/api/v1/files`)).rejects.toThrow(TypeError);
  });
});
