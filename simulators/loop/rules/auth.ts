import { reject, type Rejection } from '../../../contracts/catalogue/rejection.js';
import type { CredentialIndex } from '../../kit/tenant-index.js';
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
export function auth(state: LoopState, firms: CredentialIndex<FirmState>, credentials: LoopCredentials): AuthResult {
  const refused = reject('LOOP-AUTH');
  const { subscriptionKey, apiKey, domain } = credentials;
  if (!subscriptionKey || !apiKey) return refused;
  const colon = apiKey.indexOf(':');
  if (colon <= 0) return refused;
  const keyText = apiKey.slice(0, colon).trim();
  const firm =
    domain === undefined
      ? firms.only(loopCredentialKey(subscriptionKey.trim(), keyText))?.tenant
      : own(state.tenants, domain.trim());
  if (!firm || firm.subscriptionKey !== subscriptionKey.trim()) return refused;
  const key = own(firm.apiKeys, keyText);
  if (!key || key.secret !== apiKey.slice(colon + 1).trim()) return refused;
  return { ok: true, firm, key };
}

/**
 * What the kit's credential index knows a firm by: each of its API keys with its subscription key,
 * since a key is generated for one firm (generate-api-key keeps them unique). Should two firms'
 * seeds still share one, the subscription key decides, and a tie is refused rather than guessed
 * (`only`). A newline cannot be in a header value, so no two pairs make the same text.
 */
export const loopCredentialKey = (subscriptionKey: string, apiKey: string): string => `${subscriptionKey}\n${apiKey}`;

export const loopCredentialKeys = (firm: FirmState): string[] =>
  Object.keys(firm.apiKeys).map((key) => loopCredentialKey(firm.subscriptionKey, key));
