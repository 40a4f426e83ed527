import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FirmState } from '../state/schema.js';

/** QDR-CPA-NO-PORTAL: without access to the Cegid Collaborative Portal, the CPA API does not work (token and every method). */
export const cpaNoPortal = (firm: FirmState): RuleResult => (firm.portalAccess ? accept : reject('QDR-CPA-NO-PORTAL'));
