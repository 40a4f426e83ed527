import { createRoute } from '@hono/zod-openapi';
import { LOOP_MESSAGES } from '../../../contracts/loop/messages.js';
import {
  ImportJsonRequestSchema,
  ImportJsonResponseSchema,
  ImportStatusQuerySchema,
  ImportStatusSchema,
  LOOP_API,
  LoopErrorBodySchema,
} from '../../../contracts/loop/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { fail, rejectionError, rejectionResponse } from '../../kit/vendor-error.js';
import { queueImport, toImportStatus } from '../domain/imports.js';
import { checkImportFields, incompleteFolder } from '../rules/index.js';
import { own } from '../state/schema.js';
import { acceptDocumentedContentType, currentCaller, resolveFolder, type LoopRouteDeps } from './access.js';
import { errorResponses, json, loopHook, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/** `POST /importJson` (queued, processed on the virtual clock) and the status route the connector polls. */
export function importJsonRoutes(kit: SimulatorKit, deps: LoopRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'post',
      path: `${LOOP_API}/importJson`,
      summary:
        'Queue a JSON import of entries into a folder (EcritureComptableImportJson.html); poll getstatus for the result',
      security,
      middleware: [acceptDocumentedContentType],
      request: { body: { required: true, content: { 'application/json': { schema: ImportJsonRequestSchema } } } },
      responses: {
        200: json(ImportJsonResponseSchema, 'Queued: the request id to poll'),
        ...errorResponses,
        422: json(
          LoopErrorBodySchema,
          'LOOP-INCOMPLETE-FOLDER: an open fiscal year without a complete chart of accounts or open journals',
        ),
      },
    }),
    async (c) => {
      const request = c.req.valid('json');
      const resolved = resolveFolder(c, deps, request.codeIbs);
      // Own choice: the chart and open journals are what entries need; third parties alone pass.
      const incomplete = request.data.ecritures.length > 0 ? incompleteFolder(resolved.folder) : { ok: true as const };
      if (!incomplete.ok) return rejectionResponse(c, incomplete.rejection);
      // LOOP-DESCRIPTION-35 and LOOP-AUX-CODE-17: field-level validation errors, every field listed.
      const violations = checkImportFields(request.data.ecritures, request.data.tiers);
      if (violations.length > 0) {
        const first = rejectionError(violations[0]!.rejection);
        const issues = violations.map((v) => ({ path: v.champ, message: rejectionError(v.rejection).message }));
        return fail({ ...first, issues });
      }
      const result = queueImport(resolved.firm, resolved.key, request, deps.clock.now());
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      deps.clock.wakeAt(deps.clock.nowMs() + resolved.firm.importDelayMs); // Loop's import service takes it then
      return c.json(result.value, 200);
    },
    { hook: loopHook },
  );
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${LOOP_API}/getstatus`,
      summary:
        "The status of a JSON import and each entry's result (simulator's own choice of route, fields and values)",
      security,
      request: { query: ImportStatusQuerySchema },
      responses: {
        200: json(ImportStatusSchema, 'The import'),
        ...errorResponses,
        404: json(LoopErrorBodySchema, 'No such import in this firm'),
      },
    }),
    (c) => {
      const { accountingImportRequestId } = c.req.valid('query');
      const { firm } = currentCaller(c, deps);
      const imp = own(firm.imports, accountingImportRequestId);
      if (!imp)
        return fail({
          status: 404,
          code: 'ImportNotFound',
          message: LOOP_MESSAGES.importUnknown(accountingImportRequestId),
        });
      // The key must (still) see the folder the import went to.
      resolveFolder(c, deps, imp.codeIbs);
      return c.json(toImportStatus(imp), 200);
    },
    { hook: loopHook },
  );
  return router;
}
