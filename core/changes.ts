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

/**
 * Untyped changes, for a state with no schema to check paths against (the hub's engine). The
 * simulators write through `changesOf<State>()`, whose paths and values are checked by tsc.
 */
export const set = (path: Path, value: unknown): Change => ({ op: 'set', path, value });
export const del = (path: Path): Change => ({ op: 'del', path });

/** What a path step into something that has no such key yields: no value can be given for it. */
declare const invalidStep: unique symbol;
type InvalidStep = { readonly [invalidStep]: true };

/**
 * The value one key below `T`: any key of a record (a `z.record` of the schema), a named key of an
 * object. Arrays and scalars are leaves: a change replaces them whole.
 */
type Child<T, K extends string> =
  NonNullable<T> extends infer N
    ? N extends readonly unknown[] | InvalidStep
      ? InvalidStep
      : N extends object
        ? string extends keyof N
          ? N[string]
          : K extends keyof N
            ? N[K]
            : InvalidStep
        : InvalidStep
    : never;

/** The value at `P` below `T`, or `InvalidStep` when the path does not exist in `T`'s type. One step per path element: checking a path costs its length, never the size of the state's type. */
export type ValueAt<T, P extends Path> = P extends readonly [infer K extends string, ...infer Rest extends Path]
  ? ValueAt<Child<T, K>, Rest>
  : T;

type ValidPath<T, P extends Path> = [ValueAt<T, P>] extends [InvalidStep] ? never : P;

/** Whether the last key of `P` can go: a record's entry, or an optional property. */
type Deletable<T, P extends Path> = P extends readonly [...infer Init extends Path, infer K extends string]
  ? ValueAt<T, Init> extends infer Parent
    ? [Parent] extends [InvalidStep]
      ? false
      : string extends keyof NonNullable<Parent>
        ? true
        : K extends keyof NonNullable<Parent>
          ? undefined extends NonNullable<Parent>[K]
            ? true
            : false
          : false
    : false
  : false;

// `P` stands alone in a branch so that tsc infers it from the argument.
type DeletablePath<T, P extends Path> = Deletable<T, P> extends true ? P : never;

/**
 * Changes to a state of type `T`, typed from it (`T` is the `z.infer` of the state's schema): a
 * misspelt key, a value of the wrong type, or deleting a required field does not compile. The
 * changes built are the plain `Change` objects the store applies and logs.
 */
export interface Changes<T> {
  set<const P extends Path>(path: ValidPath<T, P>, value: ValueAt<T, P>): Change;
  del<const P extends Path>(path: DeletablePath<T, P>): Change;
  /** The same, below `path`: a domain function holding one tenant's file writes relative to it. */
  at<const P extends Path>(...path: ValidPath<T, P>): Changes<ValueAt<T, P>>;
}

export function changesOf<T>(prefix: Path = []): Changes<T> {
  return new PrefixedChanges(prefix) as unknown as Changes<T>;
}

/**
 * One object per `changesOf` (a domain function makes one per request: `writes.file(entity,
 * file)`), its methods shared on the prototype, where three closures were made per call; a path
 * is one `concat`, where a spread went through the iterator protocol.
 */
class PrefixedChanges {
  constructor(private readonly prefix: Path) {}
  set(path: Path, value: unknown): Change {
    return { op: 'set', path: this.prefix.concat(path), value };
  }
  del(path: Path): Change {
    return { op: 'del', path: this.prefix.concat(path) };
  }
  at(...path: Path): PrefixedChanges {
    return new PrefixedChanges(this.prefix.concat(path));
  }
}

/** The first key of the changes' paths that can never be a key of the state, if any. */
export function forbiddenKeyIn(changes: readonly Change[]): string | undefined {
  for (const change of changes) for (const key of change.path) if (!isStorableKey(key)) return key;
  return undefined;
}

/** What a client is told when a name it gave would have become such a key. */
export const forbiddenKeyMessage = (key: string): string =>
  `"${key}" cannot name anything here: ${RESERVED_KEY_MESSAGE}`;

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
