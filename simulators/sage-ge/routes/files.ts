import { createRoute } from '@hono/zod-openapi';
import {
  FileListSchema,
  FileIdParamSchema,
  FiscalYearListSchema,
  SAGE_GE_API,
  type SageFile,
} from '../../../contracts/sage-ge/wire.js';
import { rejectionError } from '../../kit/vendor-error.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { configurationProblem } from '../rules/index.js';
import type { FileState } from '../state/schema.js';
import { currentEntity, resolveFile, type SageRouteDeps } from './access.js';
import { errorResponses, json, security } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

function configurationOf(file: FileState, now: Date): SageFile['configuration'] {
  const problem = configurationProblem(file, now);
  if (problem.ok) return { status: 'ok' };
  const error = rejectionError(problem.rejection);
  return { status: 'problem', problem: { code: error.code, message: error.message } };
}

/** The entity's files, with the connector state and the configuration check of each. */
export function filesRoutes(kit: SimulatorKit, deps: SageRouteDeps) {
  const router = kit.router();
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${SAGE_GE_API}/files`,
      summary: 'List the files of the entity',
      security,
      responses: { 200: json(FileListSchema, 'The files'), ...errorResponses },
    }),
    (c) => {
      const entity = currentEntity(c, deps.store);
      const now = deps.clock.now();
      return c.json(
        {
          entity: { id: entity.id, name: entity.name },
          files: Object.values(entity.files).map((file) => ({
            id: file.id,
            code: file.code,
            name: file.name,
            connector: file.connectorActive ? ('connected' as const) : ('disconnected' as const),
            configuration: configurationOf(file, now),
          })),
        },
        200,
      );
    },
  );
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${SAGE_GE_API}/files/{fileId}/fiscal-years`,
      summary: 'The fiscal years as the Marketplace last synchronized them, and the configuration check',
      security,
      request: { params: FileIdParamSchema },
      responses: { 200: json(FiscalYearListSchema, 'Fiscal years'), ...errorResponses },
    }),
    (c) => {
      const resolved = resolveFile(c, deps, c.req.valid('param').fileId, { allowConfigurationProblem: true });
      const { file } = resolved;
      return c.json(
        {
          fiscalYears: file.marketplaceFiscalYears.fiscalYears.map((fy) => ({
            id: fy.id,
            startDate: fy.start,
            endDate: fy.end,
            status: fy.status,
          })),
          synchronizedAt: file.marketplaceFiscalYears.at,
          configuration: configurationOf(file, deps.clock.now()),
        },
        200,
      );
    },
  );
  return router;
}
