import { isStorableKey, RESERVED_KEY_MESSAGE } from '../contracts/common/primitives.js';

/**
 * A state change as data. Domain functions never mutate the state they are given: they return
 * the list of changes, which the store applies atomically and logs durably. A rejected request
 * therefore cannot leave half-written state, and the write cost is that of the change, not of the
 * whole state.
 */
export type Path = readonly string[];

export type Change =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'del'; readonly path: Path };

export const set = (path: Path, value: unknown): Change => ({ op: 'set', path, value });
export const del = (path: Path): Change => ({ op: 'del', path });


/** The first key of the changes' paths that can never be a key of the state, if any. */
export function forbiddenKeyIn(changes: readonly Change[]): string | undefined {
  for (const change of changes) for (const key of change.path) if (!isStorableKey(key)) return key;
  return undefined;
}

/** What a client is told when a name it gave would have become such a key. */
export const forbiddenKeyMessage = (key: string): string => `"${key}" cannot name anything here: ${RESERVED_KEY_MESSAGE}`;

/** A change whose path holds a name no state can hold as a key (`__proto__`...); nothing was applied. */
export class ForbiddenKeyError extends RangeError {
  constructor(readonly key: string) {
    super(`forbidden key in a state path: ${key}`);
  }
}

/**
 * Applies changes in place, all or nothing: every path is checked before the first write.
 * Intermediate objects are created as needed.
 */
export function applyChanges(root: Record<string, unknown>, changes: readonly Change[]): void {
  for (const change of changes) if (change.path.length === 0) throw new RangeError('a change needs a non-empty path');
  const forbidden = forbiddenKeyIn(changes);
  if (forbidden !== undefined) throw new ForbiddenKeyError(forbidden);
  for (const change of changes) {
    let node: Record<string, unknown> = root;
    for (let i = 0; i < change.path.length - 1; i++) {
      const key = change.path[i]!;
      let child = node[key];
      if (child === undefined || child === null || typeof child !== 'object') {
        if (change.op === 'del') {
          node = undefined as never;
          break;
        }
        child = {};
        node[key] = child;
      }
      node = child as Record<string, unknown>;
    }
    if (node === undefined) continue;
    const last = change.path[change.path.length - 1]!;
    if (change.op === 'set') node[last] = change.value;
    else delete node[last];
  }
}
