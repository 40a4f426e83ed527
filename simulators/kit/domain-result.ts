import type { Rejection } from '../../contracts/catalogue/rejection.js';
import type { Change } from '../../core/changes.js';

/**
 * What a domain operation returns: the changes to commit and the value to answer with, or the
 * rejection to answer instead (and then nothing changes).
 */
export type DomainResult<T> = { ok: true; changes: Change[]; value: T } | { ok: false; rejection: Rejection };

export const done = <T>(value: T, changes: Change[] = []): DomainResult<T> => ({ ok: true, changes, value });
export const refused = (rejection: Rejection): DomainResult<never> => ({ ok: false, rejection });
