import { own } from '../../../core/own.js';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  EntryIdParamSchema,
  EntryListQuerySchema,
  EntryPushRequestSchema,
  EntryStatusListSchema,
  EntryStatusSchema,
  FileIdParamSchema,
  SAGE_GE_API,
} from '../../../contracts/sage-ge/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { fail, rejectionResponse } from '../../kit/vendor-error.js';
import { pushEntry, toEntryStatus } from '../domain/entries.js';
import { isStorableKey, RESERVED_KEY_MESSAGE } from '../../../contracts/common/primitives.js';
import { resolveFile, type SageRouteDeps } from './access.js';
import { errorResponses, json, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII')
    .refine(isStorableKey, RESERVED_KEY_MESSAGE)
    .optional(),
});

/** The contract's entry, and no subsidiary account code the store could not key by. */
const PushBodySchema = EntryPushRequestSchema.superRefine((entry, ctx) => {
  entry.lines.forEach((line, i) => {
    if (line.subsidiaryAccount !== undefined && !isStorableKey(line.subsidiaryAccount)) {
      ctx.addIssue({ code: 'custom', path: ['lines', i, 'subsidiaryAccount'], message: RESERVED_KEY_MESSAGE });
    }
  });
});

/** The entry push into the Sage cloud queue and the status route the connector polls. */
export function entriesRoutes(kit: SimulatorKit, deps: SageRouteDeps) {
  const router = kit.router();
  // The hot path (the benchmark's route): validated in one synchronous pass, same contracts.
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${SAGE_GE_API}/files/{fileId}/entries`,
      summary: "Send an entry to the Sage cloud (injected into GE when the file's accounting is opened)",
      security,
      request: {
        params: FileIdParamSchema,
        headers: IdempotencyHeaderSchema,
        body: { required: true, content: { 'application/json': { schema: PushBodySchema } } },
      },
      responses: {
        202: json(EntryStatusSchema, 'Queued in the Sage cloud'),
        200: json(EntryStatusSchema, 'A retry with the same Idempotency-Key: the first answer'),
        ...errorResponses,
      },
    }),
    async (c) => {
      // Seed 002, error 8: entries sent while the file's connector is deactivated sit in the Sage
      // cloud until it is reactivated and the accounting opened (SGE-STUCK-MARKETPLACE-DEACTIVATED);
      // SGE-FILE-CONNECTOR-INACTIVE stays the disconnected indicator of the other file routes.
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId, { allowDisconnected: true });
      const result = pushEntry(
        resolved.entity,
        resolved.file,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
        deps.clock.now(),
      );
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      return c.json(toEntryStatus(result.value.entry), result.value.replayed ? 200 : 202);
    },
    { validate: 'sync' },
  );
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${SAGE_GE_API}/files/{fileId}/entries`,
      summary: 'Entries sent to the file, newest first, by tracking code or status',
      security,
      request: { params: FileIdParamSchema, query: EntryListQuerySchema },
      responses: { 200: json(EntryStatusListSchema, 'Entries'), ...errorResponses },
    }),
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId, {
        allowDisconnected: true,
        allowConfigurationProblem: true,
      });
      const query = c.req.valid('query');
      const limit = query.limit ?? 100;
      const out = [];
      const entries = Object.values(resolved.file.entries);
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const entry = entries[i]!;
        if (query.trackingCode && entry.trackingCode !== query.trackingCode) continue;
        if (query.status && entry.status !== query.status) continue;
        out.push(toEntryStatus(entry));
      }
      return c.json({ entries: out }, 200);
    },
  );
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${SAGE_GE_API}/files/{fileId}/entries/{entryId}`,
      summary:
        "One entry's fate: queued in the Sage cloud, injected (with its GE document number) or rejected (with the message)",
      security,
      request: { params: EntryIdParamSchema },
      responses: { 200: json(EntryStatusSchema, 'The entry'), ...errorResponses },
    }),
    (c) => {
      const { fileId, entryId } = c.req.valid('param');
      const resolved = resolveFile(c, deps, fileId, { allowDisconnected: true, allowConfigurationProblem: true });
      const entry = own(resolved.file.entries, entryId);
      if (!entry) return fail({ status: 404, code: 'EntryNotFound', message: `No entry ${entryId} in file ${fileId}` });
      return c.json(toEntryStatus(entry), 200);
    },
  );
  return router;
}
