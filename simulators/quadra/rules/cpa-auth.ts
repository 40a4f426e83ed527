import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FirmState } from '../state/schema.js';

/**
 * QDR-CPA-AUTH: the CPA API key (`client_id`) is not one Cegid Life generated, or its secret
 * (`client_secret`) does not match. `firm` is the firm whose current CPA key is `client_id`.
 */
export const cpaAuth = (firm: FirmState | undefined, clientSecret: string): RuleResult =>
  firm && firm.cpa.secret === clientSecret ? accept : reject('QDR-CPA-AUTH');
