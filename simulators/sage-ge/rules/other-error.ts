import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-OTHER-ERROR (error 9): GE's unexplained errors ("Object reference not set"...). Nothing in
 * an entry causes them, so the simulator raises them on demand (admin action `inject-other-error`).
 */
export const otherError: InjectionRule = ({ file }) =>
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the injection clears pendingOtherErrors when remaining reaches 0 (rules.test.ts asserts it)
  file.pendingOtherErrors && file.pendingOtherErrors.remaining > 0
    ? reject('SGE-OTHER-ERROR', {}, file.pendingOtherErrors.variant)
    : accept;
