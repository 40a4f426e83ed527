import { debitOrCreditRule, fieldRules } from '../kit/strict.js';
import { RESERVED_KEY_NAMES } from '../../contracts/common/primitives.js';
import { VENDOR_DISPLAY_NAMES } from '../../contracts/common/vendor-ids.js';
import { SAGE_GE_API } from '../../contracts/sage-ge/wire.js';
import { createActionsRouter } from '../kit/actions.js';
import { createRandom } from '../../core/random.js';
import { createSimulatorKit } from '../kit/simulator-kit.js';
import { sageGeFecRouter } from './admin/fec.js';
import {
  DEFAULT_START,
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
/**
 * `/openapi.json`'s example request per operation, for the first entity of the state and its file
 * `healthy` (the demo's) or its first file; an entry's id is the one the push answered (a link).
 */
function sageGeExamples(state: SageGeState): OperationExamples {
  const entity = Object.values(state.tenants)[0];
  const fileId =
    entity && !Object.hasOwn(entity.files, 'healthy') ? (Object.keys(entity.files)[0] ?? 'healthy') : 'healthy';
  const files = '/api/v1/files/{fileId}';
  const inFile = { params: { fileId } };
  const sameFile = { fileId: '$request.path.fileId' };
  return {
    'GET /api/v1/files': {
      links: {
        fiscalYears: {
          to: `GET ${files}/fiscal-years`,
          parameters: { fileId: '$response.body#/files/0/id' },
          description: "The first file's fiscal years",
        },
        journals: {
          to: `GET ${files}/journals`,
          parameters: { fileId: '$response.body#/files/0/id' },
          description: "The first file's journals",
        },
      },
    },
    [`GET ${files}/fiscal-years`]: inFile,
    [`GET ${files}/accounts`]: inFile,
    [`GET ${files}/subsidiary-accounts`]: inFile,
    [`GET ${files}/journals`]: inFile,
    [`GET ${files}/third-parties`]: inFile,
    [`PUT ${files}/third-parties`]: {
      ...inFile,
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
      links: {
        thirdParties: {
          to: `GET ${files}/third-parties`,
          parameters: sameFile,
          description: "The file's third parties, these among them",
        },
        subsidiaryAccounts: {
          to: `GET ${files}/subsidiary-accounts`,
          parameters: sameFile,
          description: 'Their subsidiary accounts',
        },
      },
    },
    [`POST ${files}/entries`]: {
      ...inFile,
      headers: { 'idempotency-key': 'example-0001' },
      body: purchaseEntryBody(),
      links: {
        entry: {
          to: `GET ${files}/entries/{entryId}`,
          parameters: { ...sameFile, entryId: '$response.body#/id' },
          description:
            "The entry's fate: queued in the Sage cloud until the file's accounting is opened, then injected or rejected",
        },
        entries: { to: `GET ${files}/entries`, parameters: sameFile, description: "The file's entries" },
      },
    },
    [`GET ${files}/entries`]: { ...inFile, query: { limit: '10' } },
    // The entry id is the push's answer: the link from the push gives it.
    [`GET ${files}/entries/{entryId}`]: inFile,
  };
}

export { DEFAULT_START };

/** What the kit and `ledgersim start` need to know of the Sage GE simulator's state. */
export const sageGeDefinition: SimulatorDefinition<SageGeState> = {
  name: 'sage-ge',
  provenance: sageGeProvenance,
  title: VENDOR_DISPLAY_NAMES['sage-ge'],
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
    documentRules: [
      debitOrCreditRule('POST /api/v1/files/{fileId}/entries', ['lines']),
      // A refinement of the route's (the store keys third parties by this code), written as a `not`.
      fieldRules('PUT /api/v1/files/{fileId}/third-parties', [
        { path: ['thirdParties', 'subsidiaryAccount'], schema: { not: { enum: [...RESERVED_KEY_NAMES] } } },
      ]),
    ],
    ...sageGeDefinition,
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
