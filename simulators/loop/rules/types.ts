import type { Rejection } from '../../../contracts/catalogue/rejection.js';
import type { EcritureImport } from '../../../contracts/loop/wire.js';

/** A rule refusing one field of an import: the field's path in the request and the rejection. */
export interface FieldViolation {
  champ: string;
  rejection: Rejection;
}

/** A field-level rule over one item of `data.ecritures` (its index gives the field's path). Pure. */
export type EcritureFieldRule = (ecriture: EcritureImport, index: number) => FieldViolation[];

/**
 * The verdict of a rule whose refusal is not in the catalogue (a documented validation answer
 * with no catalogue message): the same `ok` shape as `RuleResult`, with Loop's wire error.
 */
export type WireRuleResult = { ok: true } | { ok: false; refusal: { status: 400; code: string; message: string } };
