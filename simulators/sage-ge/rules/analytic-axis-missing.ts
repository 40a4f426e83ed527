import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import type { InjectionRule } from './types.js';

/**
 * SGE-ANALYTIC-AXIS-MISSING (error 2): GE expects analytics on axes that allow no on-the-fly
 * creation and the entry brings none, or the entry names an axis the file does not have.
 */
export const analyticAxisMissing: InjectionRule = ({ file, entry }) => {
  const used = entry.lines.flatMap((line) => line.analytics ?? []);
  if (file.analytics.required && file.analytics.missing !== 'allocation' && used.length === 0)
    return reject('SGE-ANALYTIC-AXIS-MISSING');
  if (used.some((a) => !file.analytics.axes.includes(a.axis))) return reject('SGE-ANALYTIC-AXIS-MISSING');
  return accept;
};
