import type { TokenResponse } from '../../../contracts/quadra/wire.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { writes, type FirmState, type QuadraState, type TokenState } from '../state/schema.js';
import { credentialKey, type FirmIndex } from './credentials.js';

/**
 * Tokens of the two token endpoints: the CPA's (Quadra On Demand, 10 hours) and the CFE's. A
 * token lives in its firm's state, so that what was acknowledged survives a restart with
 * `--data`; regenerating the key it was issued for voids it.
 */

export type TokenKind = TokenState['kind'];

/** The firm whose current CPA (or CFE) key is `key`. */
export function firmByKey(firms: FirmIndex, kind: TokenKind, key: string): FirmState | undefined {
  return firms.find(credentialKey.key(kind, key))?.tenant;
}

/**
 * The firm a CPA token request names, and the credential that must come with it: the page's
 * "SIC code / key pair" (`client_id` = SIC code, `client_secret` = the CPA API key) [C], or seed
 * 003's key and secret (`client_id` = the CPA API key, `client_secret` = its secret; own choice).
 */
export function cpaClient(
  state: QuadraState,
  firms: FirmIndex,
  clientId: string,
): { firm: FirmState | undefined; expected: string | undefined } {
  if (Object.hasOwn(state.tenants, clientId)) {
    const firm = state.tenants[clientId]!;
    return { firm, expected: firm.cpa.key };
  }
  const firm = firmByKey(firms, 'cpa', clientId);
  return { firm, expected: firm?.cpa.secret };
}

export const tokenExists = (firms: FirmIndex, token: string): boolean =>
  firms.holders(credentialKey.token(token)).length > 0;

/** Issues `token` for the firm's current key; expired tokens of the firm are dropped on the way. */
export function issueToken(
  firm: FirmState,
  kind: TokenKind,
  token: string,
  seconds: number,
  now: Date,
): DomainResult<TokenResponse> {
  const changes: Change[] = Object.entries(firm.tokens)
    .filter(([, t]) => Date.parse(t.expiresAt) <= now.getTime())
    .map(([old]) => writes.firm(firm.sicCode).del(['tokens', old]));
  const record: TokenState = {
    kind,
    apiKey: firm[kind].key,
    expiresAt: new Date(now.getTime() + seconds * 1000).toISOString(),
  };
  changes.push(writes.firm(firm.sicCode).set(['tokens', token], record));
  return done({ access_token: token, token_type: 'bearer', expires_in: seconds }, changes);
}

export type TokenCheck = { ok: true; firm: FirmState } | { ok: false; reason: string };

/**
 * The firm a bearer token belongs to, or why it is refused. `now`: the firm's time (each firm may
 * have its own time line).
 */
export function resolveToken(
  firms: FirmIndex,
  kind: TokenKind,
  token: string,
  now: (firm: FirmState) => Date,
): TokenCheck {
  const firm = firms.find(credentialKey.token(token))?.tenant;
  if (firm && Object.hasOwn(firm.tokens, token)) {
    const record = firm.tokens[token]!;
    if (record.kind !== kind)
      return { ok: false, reason: `This is not a ${kind === 'cpa' ? 'CPA (Quadra On Demand)' : 'CFE'} token` };
    if (Date.parse(record.expiresAt) <= now(firm).getTime())
      return { ok: false, reason: 'The access token has expired; request a new one' };
    if (record.apiKey !== firm[kind].key)
      return { ok: false, reason: 'The API key this token was issued for has been regenerated' };
    return { ok: true, firm };
  }
  return { ok: false, reason: 'Unknown access token' };
}
