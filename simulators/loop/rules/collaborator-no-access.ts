import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { FolderState } from '../state/schema.js';

/**
 * LOOP-COLLABORATOR-NO-ACCESS: while the Qonto connector (formerly "Regate by Qonto") is not
 * activated on the folder in the folder portfolio's "Action" column, Loop's import service refuses
 * every entry of a JSON import with this one message (the mass rejection). Checked when the import
 * is processed, not when it arrives: the request itself is accepted and queued.
 */
export const collaboratorNoAccess = (
  folder: FolderState,
  collaborateur: string,
  /** The folders assigned to the collaborator, when the firm restricts them (absent: every folder). */
  access?: { folders: Record<string, true> },
): RuleResult =>
  // The message says it: the key's collaborator reaches the folder only through the activated
  // connector and, where the firm restricts its collaborators, a folder assigned to them.
  folder.connectorActive && (!access || Object.hasOwn(access.folders, folder.code))
    ? accept
    : reject('LOOP-COLLABORATOR-NO-ACCESS', { collaborator: collaborateur, folder: folder.name });
