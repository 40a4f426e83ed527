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
 * LOOP-AUTH: the subscription key and the API key with its secret must be present and belong
 * together. Loop's getting-started page names only these two headers, so the key itself says which
 * firm is calling (a key is generated for one firm in CegidLife). `x-domain` is optional (the
 * simulator's own header): when sent, it must name the key's firm, since a wrong Domain is exactly
 * what LOOP-AUTH's cause describes. Any missing or wrong part gets the same answer, so nothing tells
 * which part was wrong.
 */
export function auth(state: LoopState, credentials: LoopCredentials): AuthResult {
  const refused = reject('LOOP-AUTH');
  const { subscriptionKey, apiKey, domain } = credentials;
  if (!subscriptionKey || !apiKey) return refused;
  const colon = apiKey.indexOf(':');
  if (colon <= 0) return refused;
  const keyText = apiKey.slice(0, colon).trim();
  const firm =
    domain === undefined ? firmOfKey(state, keyText, subscriptionKey.trim()) : own(state.tenants, domain.trim());
  if (!firm || firm.subscriptionKey !== subscriptionKey.trim()) return refused;
  const key = own(firm.apiKeys, keyText);
  if (!key || key.secret !== apiKey.slice(colon + 1).trim()) return refused;
  return { ok: true, firm, key };
}

/**
 * The firm a key was generated for. Keys are unique across firms (generate-api-key sees to it);
 * should two firms' seeds still share one, the subscription key decides, and a tie is refused
 * rather than guessed.
 */
function firmOfKey(state: LoopState, key: string, subscriptionKey: string): FirmState | undefined {
  const firms = Object.values(state.tenants).filter(
    (firm) => Object.hasOwn(firm.apiKeys, key) && firm.subscriptionKey === subscriptionKey,
  );
  return firms.length === 1 ? firms[0] : undefined;
}
