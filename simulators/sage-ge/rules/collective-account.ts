import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import type { InjectionRule } from './types.js';

/** Collective roots of the PCG: an unknown account under them is collective too. */
const COLLECTIVE_ROOTS = ['401', '411', '421'];

export const isCollective = (accounts: Record<string, { collective: boolean }>, number: string): boolean =>
  accounts[number]?.collective ?? COLLECTIVE_ROOTS.some((root) => number.startsWith(root) && /^\d{3}0*$/.test(number));

/** SGE-COLLECTIVE-ACCOUNT (error 4): a line on a collective account without a subsidiary account. */
export const collectiveAccount: InjectionRule = ({ file, entry }) => {
  const line = entry.lines.find((l) => !l.subsidiaryAccount && isCollective(file.accounts, l.accountNumber));
  return line ? reject('SGE-COLLECTIVE-ACCOUNT', { account: line.accountNumber }) : accept;
};
