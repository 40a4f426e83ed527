import { Hono } from 'hono';
import { z } from 'zod';
import { forbiddenKeyIn, forbiddenKeyMessage, type Change } from '../../core/changes.js';
import type { VirtualClock } from '../../core/clock.js';
import { adminError, parseAdminBody } from './simulator-kit.js';
import { describeActions } from './admin-openapi.js';
import type { Store } from '../../core/store.js';
import type { KitEnv } from './vendor-error.js';

/** `wakeAt`: virtual instants at which what the action started falls due (a live clock wakes then). */
export type ActionResult =
  | { ok: true; changes: Change[]; value: unknown; wakeAt?: number[] }
  | { ok: false; status: 400 | 404 | 409; message: string };

/**
 * A vendor action: what a person does in the vendor's UI (open a file's accounting, lock a
 * journal, regenerate a key...). Actions are data: a name, a description, an input schema and a
 * pure function from the state to the changes, so the dashboard and the scenarios can list and
 * call them without knowing any of them.
 */
export interface VendorAction<S, I = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  run(state: S, input: I, now: Date): ActionResult;
}

/**
 * One action, its `run` typed from its input schema (`z.output` of it: defaults applied), so that
 * the input is never retyped by hand beside the schema.
 */
export function defineAction<S, Schema extends z.ZodType>(action: {
  name: string;
  description: string;
  input: Schema;
  run(state: S, input: z.output<Schema>, now: Date): ActionResult;
}): VendorAction<S, unknown> {
  return action as VendorAction<S, unknown>;
}

export const ok = (value: unknown, changes: Change[] = [], wakeAt?: number[]): ActionResult => ({
  ok: true,
  changes,
  value,
  ...(wakeAt?.length ? { wakeAt } : {}),
});
export const notFound = (message: string): ActionResult => ({ ok: false, status: 404, message });
export const conflict = (message: string): ActionResult => ({ ok: false, status: 409, message });

/** `GET /actions` lists them with their input's JSON schema; `POST /actions/:name` runs one. */
export function createActionsRouter<S>(
  actions: readonly VendorAction<S>[],
  store: Store<S>,
  clock: VirtualClock,
  /** The tenant an action's input names (its firm, its entity): the action runs on that tenant's time. */
  tenantOf?: (input: any) => unknown,
): Hono<KitEnv> {
  const byName = new Map(actions.map((a) => [a.name, a]));
  const router = new Hono<KitEnv>();
  router.get('/actions', (c) =>
    c.json({
      actions: actions.map((a) => ({
        name: a.name,
        description: a.description,
        input: z.toJSONSchema(a.input, { io: 'input', unrepresentable: 'any' }),
      })),
    }),
  );
  router.post('/actions/:name', async (c) => {
    const action = byName.get(c.req.param('name'));
    if (!action) return adminError(c, 404, `No action ${c.req.param('name')}; GET /__admin/actions lists them`);
    const body = await parseAdminBody(c, action.input);
    if (!body.ok) return body.response;
    const tenantId = tenantOf?.(body.value);
    if (typeof tenantId === 'string' && Object.hasOwn(store.data as object, 'tenants'))
      if (Object.hasOwn((store.data as { tenants: object }).tenants, tenantId)) c.set('tenantId', tenantId);
    const result = action.run(store.data, body.value, clock.now());
    if (!result.ok) return adminError(c, result.status, result.message);
    // A name from the input that would become a key no state can hold (`__proto__`...): refused
    // here for every action, before anything changes.
    const forbidden = forbiddenKeyIn(result.changes);
    if (forbidden !== undefined) return adminError(c, 400, forbiddenKeyMessage(forbidden));
    await store.commit(result.changes);
    for (const at of result.wakeAt ?? []) clock.wakeAt(at);
    return c.json({ ok: true, action: action.name, result: result.value });
  });
  describeActions(router, actions);
  return router;
}
