import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-OTHER-ERROR (error 9): GE's unexplained errors ("Object reference not set"...). Nothing in
 * an entry causes them, so the simulator raises them on demand (admin action `inject-other-error`).
 */
export const otherError: InjectionRule = ({ file }) =>
  file.pendingOtherErrors && file.pendingOtherErrors.remaining > 0 ? reject('SGE-OTHER-ERROR', {}, file.pendingOtherErrors.variant) : accept;
