import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineAction, ok, type VendorAction } from './actions.js';

type State = { files: Record<string, { locked: boolean }> };

describe('defineAction', () => {
  it('types the input as the output of its schema, defaults applied, and the state from the list', () => {
    const actions: VendorAction<State>[] = [
      defineAction({
        name: 'lock',
        description: 'lock a file',
        input: z.object({ file: z.string(), locked: z.boolean().default(true), note: z.string().optional() }),
        run(state, input) {
          expectTypeOf(state).toEqualTypeOf<State>();
          expectTypeOf(input).toEqualTypeOf<{ file: string; locked: boolean; note?: string | undefined }>();
          // @ts-expect-error a field the schema does not have
          void input.fiel;
          return ok({ file: input.file, locked: input.locked });
        },
      }),
    ];
    const action = actions[0]!;
    const input = action.input.parse({ file: 'F1' });
    expect(action.run({ files: {} }, input, new Date(0))).toEqual({
      ok: true,
      changes: [],
      value: { file: 'F1', locked: true },
    });
  });
});
