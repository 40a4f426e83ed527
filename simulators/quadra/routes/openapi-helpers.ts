import { QuadraErrorBodySchema } from '../../../contracts/quadra/wire.js';
import { json } from '../../kit/route.js';

export { json };

const error = (description: string) => json(QuadraErrorBodySchema, description);

/** The error answers of the token endpoints. */
export const tokenErrors = {
  400: error(
    'Invalid request (a missing, empty or repeated field; on the CPA token route RFC 6749 invalid_request, unsupported_grant_type, invalid_scope)',
  ),
  401: error('Wrong client credentials (QDR-CPA-AUTH: invalid_client; QDR-CFE-AUTH)'),
  403: error('No Collaborative Portal access (QDR-CPA-NO-PORTAL)'),
  415: error('Not application/x-www-form-urlencoded'),
} as const;

/** The error answers of the CPA methods. */
export const cpaErrors = {
  400: error('Invalid parameters'),
  401: error('Missing, unknown or expired bearer token'),
  403: error('No Collaborative Portal access (QDR-CPA-NO-PORTAL)'),
  404: error('No such dossier for this SIC code'),
  422: error(
    "The dossier's prerequisites: open period (QDR-PERIOD-NOT-OPEN), chart and journals (QDR-INCOMPLETE-FILE)",
  ),
} as const;

/** The error answers of the CFE routes. */
export const cfeErrors = {
  400: error('Invalid request'),
  401: error('Missing, unknown or expired bearer token'),
  403: error('CFE not activated (QDR-CFE-NOT-ACTIVATED), or a bad SAS'),
  404: error('ContainerNotFoundInSicSettings (QDR-CONTAINER-NOT-FOUND), or no such container or blob'),
} as const;

export const cpaSecurity = [{ cpaToken: [] }];
export const cfeSecurity = [{ cfeToken: [] }];
