import { reject, type Rejection } from '../../../contracts/catalogue/rejection.js';
import { own, type ApiKeyState, type FirmState, type LoopState } from '../state/schema.js';

/** What a request presents: the three headers, as sent (absent = undefined). */
export interface LoopCredentials {
  subscriptionKey: string | undefined;
  /** `x-apikey`: `<key>:<secret>`. */
  apiKey: string | undefined;
  domain: string | undefined;
}

export type AuthResult = { ok: true; firm: FirmState; key: ApiKeyState } | { ok: false; rejection: Rejection };

/**
 * LOOP-AUTH: the subscription key, the API key, its secret and the domain must all be present and
 * belong together: the domain picks the firm, the subscription key and the key:secret must be that
 * firm's. Any missing or wrong part gets the same answer, so nothing tells which part was wrong.
 */
export function auth(state: LoopState, credentials: LoopCredentials): AuthResult {
  const refused = reject('LOOP-AUTH');
  const { subscriptionKey, apiKey, domain } = credentials;
  if (!subscriptionKey || !apiKey || !domain) return refused;
  const firm = own(state.tenants, domain.trim());
  if (!firm || firm.subscriptionKey !== subscriptionKey.trim()) return refused;
  const colon = apiKey.indexOf(':');
  if (colon <= 0) return refused;
  const key = own(firm.apiKeys, apiKey.slice(0, colon).trim());
  if (!key || key.secret !== apiKey.slice(colon + 1).trim()) return refused;
  return { ok: true, firm, key };
}
