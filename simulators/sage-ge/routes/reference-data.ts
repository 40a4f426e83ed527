import { createRoute } from '@hono/zod-openapi';
import {
  AccountListSchema,
  FileIdParamSchema,
  JournalListSchema,
  SAGE_GE_API,
  SubsidiaryAccountListSchema,
  ThirdPartyListSchema,
  ThirdPartyUpsertRequestSchema,
  UpsertResultSchema,
} from '../../../contracts/sage-ge/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { rejectionResponse } from '../../kit/vendor-error.js';
import { currentFiscalYear, upsertThirdParties } from '../domain/reference-data.js';
import { isStorableKey, RESERVED_KEY_MESSAGE } from '../../../contracts/common/primitives.js';
import { resolveFile, type SageRouteDeps } from './access.js';
import { errorResponses, json, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/** The contract's upsert, and no subsidiary account code the store could not key by. */
const UpsertBodySchema = ThirdPartyUpsertRequestSchema.superRefine((body, ctx) => {
  body.thirdParties.forEach((tp, i) => {
    if (!isStorableKey(tp.subsidiaryAccount))
      ctx.addIssue({ code: 'custom', path: ['thirdParties', i, 'subsidiaryAccount'], message: RESERVED_KEY_MESSAGE });
  });
});

/** Reference data the hub pulls on link and refresh, and the third-party upsert it pushes. */
export function referenceDataRoutes(kit: SimulatorKit, deps: SageRouteDeps) {
  const router = kit.router();
  const get = (path: string, summary: string) =>
    createRoute({
      method: 'get',
      path: `${SAGE_GE_API}/files/{fileId}/${path}`,
      summary,
      security,
      request: { params: FileIdParamSchema },
      responses: { ...errorResponses },
    });

  declareRoute(
    router,
    {
      ...get('accounts', 'The chart of accounts of the current fiscal year'),
      responses: { 200: json(AccountListSchema, 'Accounts'), ...errorResponses },
    },
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId);
      const { file } = resolved;
      return c.json(
        {
          fiscalYearId: currentFiscalYear(file, deps.clock.now())?.id ?? '',
          accounts: Object.values(file.accounts)
            .sort((a, b) => a.number.localeCompare(b.number))
            .map(({ number, label, collective, locked }) => ({ number, label, collective, locked })),
        },
        200,
      );
    },
  );
  declareRoute(
    router,
    {
      ...get('subsidiary-accounts', 'The existing subsidiary codes'),
      responses: { 200: json(SubsidiaryAccountListSchema, 'Subsidiary accounts'), ...errorResponses },
    },
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId);
      return c.json(
        {
          subsidiaryAccounts: Object.values(resolved.file.subsidiaryAccounts).sort((a, b) =>
            a.code.localeCompare(b.code),
          ),
        },
        200,
      );
    },
  );
  declareRoute(
    router,
    {
      ...get('journals', 'The journals, with their lock and numbering'),
      responses: { 200: json(JournalListSchema, 'Journals'), ...errorResponses },
    },
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId);
      return c.json(
        { journals: Object.values(resolved.file.journals).sort((a, b) => a.code.localeCompare(b.code)) },
        200,
      );
    },
  );
  declareRoute(
    router,
    {
      ...get('third-parties', 'The third parties'),
      responses: { 200: json(ThirdPartyListSchema, 'Third parties'), ...errorResponses },
    },
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId);
      return c.json({ thirdParties: Object.values(resolved.file.thirdParties) }, 200);
    },
  );
  declareRoute(
    router,
    createRoute({
      method: 'put',
      path: `${SAGE_GE_API}/files/{fileId}/third-parties`,
      summary: 'Create or update third parties and their subsidiary accounts',
      security,
      request: {
        params: FileIdParamSchema,
        body: { required: true, content: { 'application/json': { schema: UpsertBodySchema } } },
      },
      responses: { 200: json(UpsertResultSchema, 'Created and updated counts'), ...errorResponses },
    }),
    async (c) => {
      // They travel with the entries (seed 002, error 8: sent while the connector is off, not refused).
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId, { allowDisconnected: true });
      const result = upsertThirdParties(resolved.entity, resolved.file, c.req.valid('json').thirdParties);
      if (!result.ok) return rejectionResponse(c, result.rejection);
      await deps.store.commit(result.changes);
      return c.json(result.value, 200);
    },
  );
  return router;
}
