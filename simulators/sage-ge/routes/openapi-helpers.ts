import { SageErrorBodySchema } from '../../../contracts/sage-ge/wire.js';
import { json } from '../../kit/route.js';

export { json };

/** The error answers every Sage GE route may give, in Sage's error shape. */
export const errorResponses = {
  400: json(SageErrorBodySchema, 'Invalid request'),
  401: json(SageErrorBodySchema, 'Missing or unknown GE identifier'),
  403: json(SageErrorBodySchema, 'API rights missing, or the connector not activated on the entity or file'),
  404: json(SageErrorBodySchema, 'No such file or entry in this entity'),
  409: json(SageErrorBodySchema, 'Fiscal-year configuration problem (the red triangle)'),
} as const;

export const security = [{ geIdentifier: [] }];
