import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { ApiKeyState, FolderState } from '../state/schema.js';

/**
 * LOOP-FOLDER-NOT-ASSOCIATED: the folder exists in the firm but was not checked on this API key in
 * Loop Hub (edit key > Next > check the folders to publish). Only associated folders are visible.
 */
export const folderNotAssociated = (key: ApiKeyState, folder: FolderState): RuleResult =>
  Object.hasOwn(key.folders, folder.code) ? accept : reject('LOOP-FOLDER-NOT-ASSOCIATED', { folder: folder.code });
