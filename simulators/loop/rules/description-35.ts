import { reject } from '../../../contracts/catalogue/rejection.js';
import { DESCRIPTION_MAX } from '../../../contracts/loop/wire.js';
import type { EcritureFieldRule, FieldViolation } from './types.js';

/**
 * LOOP-DESCRIPTION-35: the Loop API limits descriptions (the entry's and each line's `libelle`) to
 * 35 characters. A longer one is refused with a field-level validation error: cutting it is the
 * connector's job (seed 004: "automatically truncated when sent from Qonto").
 */
export const description35: EcritureFieldRule = (ecriture, index) => {
  const violations: FieldViolation[] = [];
  const check = (champ: string, description: string | undefined) => {
    if (description !== undefined && [...description].length > DESCRIPTION_MAX)
      violations.push({ champ, rejection: reject('LOOP-DESCRIPTION-35', { description }).rejection });
  };
  check(`data.ecritures.${index}.libelle`, ecriture.libelle);
  ecriture.lignes.forEach((ligne, l) => check(`data.ecritures.${index}.lignes.${l}.libelle`, ligne.libelle));
  return violations;
};
