import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { DossierState } from '../state/schema.js';

/**
 * QDR-CONTAINER-NOT-FOUND (`ContainerNotFoundInSicSettings`): the CFE key in use (the one in
 * Cegid Life) is not the key recorded in the dossier's Quadra settings (Tools > API Keys > Cegid
 * File Exchange), or the SIC code has no such dossier: the container cannot be found from the SIC
 * code's settings.
 */
export const containerNotFound = (dossier: DossierState | undefined, cfeKeyInUse: string): RuleResult =>
  dossier && dossier.cfeKeyInSettings === cfeKeyInUse ? accept : reject('QDR-CONTAINER-NOT-FOUND');
