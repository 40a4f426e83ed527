import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../core/clock.js';
import { createCredentialIndex } from '../../kit/tenant-index.js';
import { quadraDefinition } from '../index.js';
import { expectQuadraError, setup } from '../test-support.js';
import { tokenExists } from './tokens.js';

/**
 * The token store as a connector meets it (mutation testing, issue 18, found these untested): which
 * refusal a bearer token gets, and that a firm's expired tokens are dropped when it is issued a new one.
 */
describe('Quadra bearer tokens', () => {
  it('names why a token is refused: unknown, or issued by the other token endpoint', async () => {
    const h = setup();
    await expectQuadraError(
      await h.cpa('GetDossiers', {}, 'qod_never-issued'),
      401,
      'invalid_token',
      'Unknown access token',
    );
    await expectQuadraError(
      await h.cpa('GetDossiers', {}, await h.cfeToken()),
      401,
      'invalid_token',
      'This is not a CPA (Quadra On Demand) token',
    );
    await expectQuadraError(await h.sasRequest(await h.cpaToken()), 401, 'invalid_token', 'This is not a CFE token');
  });

  it("drops the firm's tokens that have expired when it issues a new one, and keeps the live ones", async () => {
    const h = setup();
    const first = await h.cpaToken();
    await h.advance(HOUR);
    const second = await h.cpaToken();
    expect(Object.keys(h.firm().tokens).sort()).toEqual([first, second].sort());
    // `first` expires at this very instant (10 hours after it was issued): expired, so dropped.
    await h.advance(9 * HOUR);
    const third = await h.cpaToken();
    expect(Object.keys(h.firm().tokens).sort()).toEqual([second, third].sort());
    expect((await h.cpa('GetDossiers', {}, second)).status).toBe(200);
  });

  it('knows a token once issued, and only then (a fresh token never reuses one)', async () => {
    const h = setup();
    const index = createCredentialIndex(h.sim.store, quadraDefinition.credentialKeys!);
    const token = await h.cpaToken();
    expect(tokenExists(index, token)).toBe(true);
    expect(tokenExists(index, `${token}x`)).toBe(false);
    index.dispose();
  });
});
