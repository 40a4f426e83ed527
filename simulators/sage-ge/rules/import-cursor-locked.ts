import { accept, reject } from '../../../contracts/catalogue/rejection.js';
import type { InjectionRule } from './types.js';

/** SGE-IMPORT-CURSOR-LOCKED (error 7): the posting date's month is locked in the import cursor settings. */
export const importCursorLocked: InjectionRule = ({ file, entry }) =>
  file.importCursorLocks[entry.postingDate.slice(0, 7)] ? reject('SGE-IMPORT-CURSOR-LOCKED') : accept;
