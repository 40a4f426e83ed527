import { accept, reject, type RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { EntityState, FileState } from '../state/schema.js';

/** SGE-API-RIGHTS-MISSING: the firm has not signed the API right with Sage. */
export const apiRightsMissing = (entity: EntityState): RuleResult =>
  entity.apiRights ? accept : reject('SGE-API-RIGHTS-MISSING', { entity: entity.name });

/** SGE-ENTITY-CONNECTOR-INACTIVE: "Regate / Qonto" is not activated in the entity's Marketplace. */
export const entityConnectorInactive = (entity: EntityState): RuleResult =>
  entity.connectorActive ? accept : reject('SGE-ENTITY-CONNECTOR-INACTIVE', { entity: entity.name });

/** SGE-FILE-CONNECTOR-INACTIVE: the file-level Marketplace box is unchecked (connector "disconnected"). */
export const fileConnectorInactive = (file: FileState): RuleResult =>
  file.connectorActive ? accept : reject('SGE-FILE-CONNECTOR-INACTIVE', { file: file.name });
