import { reject } from '../../../contracts/catalogue/rejection.js';
import { DESCRIPTION_MAX } from '../../../contracts/loop/wire.js';
import type { EcritureFieldRule, FieldViolation } from './types.js';

/**
 * LOOP-DESCRIPTION-35: the Loop API limits descriptions (the entry's and each line's `libelle`) to
 * 35 characters. A longer one is refused with a field-level validation error: cutting it is the
 * connector's job (seed 004: "automatically truncated when sent from Qonto").
 */
export const description35: EcritureFieldRule = (ecriture, index) => {
  // Checked on every import's every line: nothing is built for a description that fits (a string
  // never has more code points than UTF-16 units, so only a longer one is counted).
  let violations: FieldViolation[] | undefined;
  const check = (description: string | undefined, champ: () => string) => {
    if (description !== undefined && description.length > DESCRIPTION_MAX && [...description].length > DESCRIPTION_MAX)
      (violations ??= []).push({
        champ: champ(),
        rejection: reject('LOOP-DESCRIPTION-35', { description }).rejection,
      });
  };
  check(ecriture.libelle, () => `data.ecritures.${index}.libelle`);
  for (let l = 0; l < ecriture.lignes.length; l++)
    check(ecriture.lignes[l]!.libelle, () => `data.ecritures.${index}.lignes.${l}.libelle`);
  return violations ?? [];
};
