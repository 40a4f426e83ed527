import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FirmState } from '../state/schema.js';

/**
 * QDR-CFE-NOT-ACTIVATED: the last step of the CFE procedure in the Quadra guide (validating the
 * activation) was not done. The key itself is valid (a token is issued); Quadra refuses to hand
 * out a dossier's container (simulator's own choice of where it bites).
 */
export const cfeNotActivated = (firm: FirmState): RuleResult =>
  firm.cfe.activated ? accept : reject('QDR-CFE-NOT-ACTIVATED');
