import type { RuleResult } from '../../../contracts/catalogue/rejection.js';
import { accountLocked } from './account-locked.js';
import { analyticAllocation } from './analytic-allocation.js';
import { analyticAxisMissing } from './analytic-axis-missing.js';
import { collectiveAccount } from './collective-account.js';
import { fyNotLastTwo } from './fy-not-last-two.js';
import { importCursorLocked } from './import-cursor-locked.js';
import { journalLocked } from './journal-locked.js';
import { otherError } from './other-error.js';
import type { InjectionContext, InjectionRule } from './types.js';

export { apiRightsMissing, entityConnectorInactive, fileConnectorInactive } from './access.js';
export { configurationProblem } from './configuration.js';

/** The injection rules, in the order of the errors in Sage's article (1 to 7, then 9). */
export const INJECTION_RULES: readonly InjectionRule[] = [
  journalLocked, // 1
  analyticAxisMissing, // 2
  analyticAllocation, // 3
  collectiveAccount, // 4
  accountLocked, // 5
  fyNotLastTwo, // 6
  importCursorLocked, // 7
  otherError, // 9
];

/** The first rule that refuses the entry, or accept. */
export function checkInjection(context: InjectionContext): RuleResult {
  for (const rule of INJECTION_RULES) {
    const result = rule(context);
    if (!result.ok) return result;
  }
  return { ok: true };
}
