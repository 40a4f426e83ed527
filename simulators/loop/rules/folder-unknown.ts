import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import { own, type FirmState } from '../state/schema.js';

/**
 * LOOP-FOLDER-UNKNOWN: the code a request names is no folder of the caller's domain (another
 * firm's, or one archived there): "Le dossier X n'existe pas sur le domaine." (Loop's API doc).
 */
export const folderUnknown = (firm: FirmState, code: string): RuleResult => {
  const folder = own(firm.folders, code);
  return folder && !folder.archived ? accept : reject('LOOP-FOLDER-UNKNOWN', { folder: code });
};
