import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FirmState } from '../state/schema.js';

/**
 * QDR-CPA-AUTH: the client is not known, or its credential does not match. `firm` is the firm the
 * `client_id` names (by SIC code or by CPA key), `expected` the credential that goes with it.
 */
export const cpaAuth = (firm: FirmState | undefined, expected: string | undefined, clientSecret: string): RuleResult =>
  firm && expected === clientSecret ? accept : reject('QDR-CPA-AUTH');
