import { describe, expect, it } from 'vitest';
import { createTestHarness } from './test-harness.js';
import { sageGeHarness, buildState, ENTITY, OTHER_ENTITY } from '../sage-ge/test-support.js';
import { FileListSchema, SAGE_GE_API } from '../../contracts/sage-ge/wire.js';

/** The harness every simulator's tests stand on: a wrong default here would make their tests pass for the wrong reason. */
describe('createTestHarness', () => {
  const harness = () => createTestHarness(sageGeHarness, { initialState: buildState() });
  const files = `${SAGE_GE_API}/files`;

  it('signs in as the default tenant, as another with `as`, and as nobody with `as: null`', async () => {
    const h = harness();
    const entityOf = async (res: Response) => FileListSchema.parse(await res.json()).entity.id;
    expect(await entityOf(await h.request(files))).toBe(ENTITY);
    expect(await entityOf(await h.request(files, { as: OTHER_ENTITY }))).toBe(OTHER_ENTITY);
    expect((await h.request(files, { as: null })).status).toBe(401);
    expect(h.headers(ENTITY).authorization).toBe(`Bearer ${h.sim.store.data.tenants[ENTITY]!.geIdentifier}`);
  });

  it("keeps a header the test gives over the tenant's credentials", async () => {
    const h = harness();
    expect((await h.request(files, { headers: { authorization: 'Bearer GE-WRONG' } })).status).toBe(401);
  });

  it('starts on a frozen clock that moves only with advance', async () => {
    const h = harness();
    const start = h.clock.nowMs();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(h.clock.nowMs()).toBe(start);
    await h.advance(60_000);
    expect(h.clock.nowMs()).toBe(start + 60_000);
  });

  it('answers an admin action with its status and body, and snapshots the state', async () => {
    const h = harness();
    const before = h.stateSnapshot();
    const refused = await h.action('open-accounting', { entityId: 'NOBODY', fileId: 'main' });
    expect(refused.status).toBe(404);
    expect(typeof refused.body.message).toBe('string');
    expect(h.stateSnapshot()).toBe(before);
  });
});
