import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FirmState } from '../state/schema.js';

/** QDR-CFE-AUTH: the CFE API key is not the one in Cegid Life (Administration > User Management > API Keys), or its secret does not match. */
export const cfeAuth = (firm: FirmState | undefined, clientSecret: string): RuleResult =>
  firm && firm.cfe.secret === clientSecret ? accept : reject('QDR-CFE-AUTH');
