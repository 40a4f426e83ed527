import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { applyChanges, changesOf, type Change, type ValueAt } from './changes.js';

/**
 * The typed change builder. The `@ts-expect-error` lines are the point: `tsc --noEmit` (in
 * `npm test`) fails if any of them compiles, that is if a misspelt path, a value of the wrong type
 * or the deletion of a required field were accepted again.
 */
const LineSchema = z.object({ account: z.string(), amount: z.number() });
const FileSchema = z.object({
  code: z.string(),
  locked: z.boolean(),
  note: z.string().optional(),
  lines: z.array(LineSchema),
  pending: z.object({ remaining: z.number() }).nullable(),
  entries: z.record(z.string(), z.object({ id: z.string(), status: z.enum(['queued', 'done']) })),
});
const StateSchema = z.object({
  tenants: z.record(z.string(), z.object({ name: z.string(), files: z.record(z.string(), FileSchema) })),
});
type State = z.infer<typeof StateSchema>;
type File = z.infer<typeof FileSchema>;

const state = changesOf<State>();
const tenant: string = 'T1';
const fileId: string = 'F1';

describe('changesOf', () => {
  it('types each path from the state and each value from its path', () => {
    expectTypeOf<ValueAt<State, ['tenants', string, 'files', string, 'locked']>>().toEqualTypeOf<boolean>();
    expectTypeOf<ValueAt<State, ['tenants', string, 'files', string, 'entries', string, 'status']>>().toEqualTypeOf<
      'queued' | 'done'
    >();
    expectTypeOf(state.at('tenants', tenant, 'files', fileId)).toEqualTypeOf(changesOf<File>());

    state.set(['tenants', tenant, 'name'], 'Cabinet');
    // @ts-expect-error a misspelt key
    state.set(['tenants', tenant, 'nmae'], 'Cabinet');
    // @ts-expect-error a value of the wrong type
    state.set(['tenants', tenant, 'name'], 42);
    // @ts-expect-error a key that is not a literal where the object has named keys
    state.set(['tenants', tenant, tenant], 'Cabinet');
    // @ts-expect-error a path below a scalar
    state.set(['tenants', tenant, 'name', 'first'], 'Cabinet');

    const file = state.at('tenants', tenant, 'files', fileId);
    file.set(['entries', 'E1'], { id: 'E1', status: 'queued' });
    // @ts-expect-error a status the schema does not allow
    file.set(['entries', 'E1', 'status'], 'lost');
    // @ts-expect-error an entry missing a field
    file.set(['entries', 'E1'], { id: 'E1' });
    // Through a nullable object: the store creates the object if it is missing.
    file.set(['pending', 'remaining'], 2);
    file.set(['pending'], null);
    // An array is replaced whole, never written by index.
    file.set(['lines'], [{ account: '401000', amount: 1 }]);
    // @ts-expect-error an index into an array
    file.set(['lines', '0'], { account: '401000', amount: 1 });
    // @ts-expect-error a misspelt scope
    state.at('tenants', tenant, 'fils', fileId);

    file.del(['entries', 'E1']);
    file.del(['note']);
    // @ts-expect-error a required field cannot go
    file.del(['locked']);
    // @ts-expect-error nor can a misspelt one
    file.del(['entriez', 'E1']);
  });

  it('builds the plain changes the store applies and logs, prefixed by the scope', () => {
    const file = state.at('tenants', 'T1', 'files', 'F1');
    const changes: Change[] = [
      file.set(['locked'], true),
      file.del(['entries', 'E1']),
      state.set(['tenants', 'T1', 'name'], 'Cabinet'),
    ];
    expect(changes).toEqual([
      { op: 'set', path: ['tenants', 'T1', 'files', 'F1', 'locked'], value: true },
      { op: 'del', path: ['tenants', 'T1', 'files', 'F1', 'entries', 'E1'] },
      { op: 'set', path: ['tenants', 'T1', 'name'], value: 'Cabinet' },
    ]);
    const root: Record<string, unknown> = {
      tenants: { T1: { name: 'old', files: { F1: { locked: false, entries: { E1: { id: 'E1' } } } } } },
    };
    applyChanges(root, changes);
    expect(root).toEqual({ tenants: { T1: { name: 'Cabinet', files: { F1: { locked: true, entries: {} } } } } });
  });
});
