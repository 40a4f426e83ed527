import { reject } from '../../../contracts/catalogue/rejection.js';
import { AUX_CODE_MAX, type TiersImport } from '../../../contracts/loop/wire.js';
import type { EcritureFieldRule, FieldViolation } from './types.js';

/**
 * LOOP-AUX-CODE-17: auxiliary account codes are limited to 17 characters by the Loop API. A longer
 * one is refused with a field-level validation error: cutting it is the connector's job (seed 004:
 * "truncated when sending entries from Qonto").
 */
export const auxCode17: EcritureFieldRule = (ecriture, index) =>
  ecriture.lignes.flatMap((ligne, l) =>
    ligne.compteAuxiliaire !== undefined &&
    ligne.compteAuxiliaire.length > AUX_CODE_MAX && // no more code points than UTF-16 units
    [...ligne.compteAuxiliaire].length > AUX_CODE_MAX
      ? [
          {
            champ: `data.ecritures.${index}.lignes.${l}.compteAuxiliaire`,
            rejection: reject('LOOP-AUX-CODE-17', { code: ligne.compteAuxiliaire }).rejection,
          },
        ]
      : [],
  );

/** LOOP-AUX-CODE-17 for a third party the import carries: its code is an auxiliary account code too. */
export const tiersCode17 = (tiers: TiersImport, index: number): FieldViolation[] =>
  [...tiers.code].length > AUX_CODE_MAX
    ? [{ champ: `data.tiers.${index}.code`, rejection: reject('LOOP-AUX-CODE-17', { code: tiers.code }).rejection }]
    : [];
