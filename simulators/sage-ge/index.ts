import { SAGE_GE_API } from '../../contracts/sage-ge/wire.js';
import { createActionsRouter } from '../kit/actions.js';
import { createRandom } from '../../core/random.js';
import { createSimulatorKit } from '../kit/simulator-kit.js';
import { sageGeFecRouter } from './admin/fec.js';
import {
  resolveSimulatorOptions,
  toSimulator,
  type Simulator,
  type SimulatorDefinition,
  type SimulatorOptions,
} from '../kit/simulator.js';
import { sageGeActions } from './admin/actions.js';
import { authenticate } from './routes/access.js';
import { entriesRoutes } from './routes/entries.js';
import { filesRoutes } from './routes/files.js';
import { referenceDataRoutes } from './routes/reference-data.js';
import { purchaseEntryBody } from './seed/builders.js';
import { sageGeDemoState } from './seed/demo.js';
import type { OperationExamples } from '../kit/examples.js';
import { EntityStateSchema, SageGeStateSchema, emptySageGeState, type SageGeState } from './state/schema.js';
import { sageGeProvenance } from '../../contracts/sage-ge/provenance.js';

/** The demo state's `healthy` file accepts these (`simulators/kit/docs.test.ts` sends each one). */
const sageGeExamples: OperationExamples = {
  'POST /api/v1/files/{fileId}/entries': {
    params: { fileId: 'healthy' },
    headers: { 'idempotency-key': 'example-0001' },
    body: purchaseEntryBody(),
  },
  'PUT /api/v1/files/{fileId}/third-parties': {
    params: { fileId: 'healthy' },
    body: {
      thirdParties: [
        {
          type: 'supplier',
          name: 'Fournitures Martin',
          subsidiaryAccount: 'F00099',
          collectiveAccount: '401000',
          siret: '12345678900012',
        },
      ],
    },
  },
};

export const DEFAULT_START = '2026-03-16T09:00:00.000Z';

/** What the kit and `ledgersim start` need to know of the Sage GE simulator's state. */
export const sageGeDefinition: SimulatorDefinition<SageGeState> = {
  name: 'sage-ge',
  title: 'Sage GE',
  schema: SageGeStateSchema,
  tenantSchema: EntityStateSchema,
  empty: emptySageGeState,
  demo: sageGeDemoState,
  credentials: (state) =>
    Object.values(state.tenants).map(
      (entity) =>
        `${entity.id} ${entity.name}: Authorization: Bearer ${entity.geIdentifier}  (files: ${Object.keys(entity.files).join(', ')})`,
    ),
  credentialKeys: (entity) => [entity.geIdentifier],
};

export type SageGeSimulatorOptions = SimulatorOptions<SageGeState>;

export type SageGeSimulator = Simulator<SageGeState>;

/** The Sage GE simulator: a Hono app over its store. Everything it depends on is injected. */
export function createSageGeSimulator(options: SageGeSimulatorOptions = {}): SageGeSimulator {
  const { clock, seed, store } = resolveSimulatorOptions(sageGeDefinition, options, DEFAULT_START);
  const kit = createSimulatorKit({
    ...sageGeDefinition,
    provenance: sageGeProvenance,
    examples: sageGeExamples,
    store,
    clock,
    random: createRandom(seed),
    defaultSeed: seed,
    seed: sageGeDemoState,
    formatError: (error) =>
      error.issues?.length
        ? error.issues.map((issue) => ({
            $severity: 'error' as const,
            $dataCode: error.code,
            $message: `${issue.path}: ${issue.message}`,
            $source: issue.path,
          }))
        : [{ $severity: 'error' as const, $dataCode: error.code, $message: error.message }],
    journal: options.journal,
    maxBodyBytes: options.maxBodyBytes,
    tenantTtl: options.tenantTtl,
  });
  const deps = { store, clock, credentials: kit.credentials };
  kit.app.openAPIRegistry.registerComponent('securitySchemes', 'geIdentifier', {
    type: 'http',
    scheme: 'bearer',
    description: "The GE identifier copied from the entity's Marketplace Settings (simulator's own choice of header)",
  });
  kit.app.use(`${SAGE_GE_API}/*`, authenticate(deps));
  kit.app.route('/', filesRoutes(kit, deps));
  kit.app.route('/', referenceDataRoutes(kit, deps));
  kit.app.route('/', entriesRoutes(kit, deps));
  const admin = createActionsRouter(sageGeActions, store, clock, (input) => input.entityId);
  admin.route('/', sageGeFecRouter(store));
  kit.finish(admin);
  return toSimulator('sage-ge', kit, store, clock);
}
