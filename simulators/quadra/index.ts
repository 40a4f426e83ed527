import { quadraExamples } from './examples.js';
import { VENDOR_DISPLAY_NAMES } from '../../contracts/common/vendor-ids.js';
import { CFE_API, QUADRA_OD_API, type QuadraErrorBody } from '../../contracts/quadra/wire.js';
import { createActionsRouter } from '../kit/actions.js';
import type { Change } from '../../core/changes.js';
import { createRandom } from '../../core/random.js';
import type { TenantTime } from '../../core/tenant-clock.js';
import { createSimulatorKit } from '../kit/simulator-kit.js';
import { fieldRules } from '../kit/strict.js';
import {
  DEFAULT_START,
  resolveSimulatorOptions,
  toSimulator,
  type Simulator,
  type SimulatorDefinition,
  type SimulatorOptions,
} from '../kit/simulator.js';
import { quadraActions } from './admin/actions.js';
import { quadraFecRouter } from './admin/fec.js';
import { containerNameOf } from './domain/container.js';
import { credentialKey } from './domain/credentials.js';
import { earliestVisible, publishDueImports } from './domain/imports.js';
import { createDueIndex } from '../kit/tenant-index.js';
import { bearer } from './routes/access.js';
import { cfeBlobRoutes } from './routes/cfe-blobs.js';
import { cfeRoutes } from './routes/cfe.js';
import { cpaEntriesRoutes } from './routes/cpa-entries.js';
import { cpaReferenceDataRoutes } from './routes/cpa-reference-data.js';
import { cpaTokenRoutes } from './routes/cpa-token.js';
import { quadraDemoState } from './seed/demo.js';
import { FirmStateSchema, QuadraStateSchema, emptyQuadraState, type QuadraState } from './state/schema.js';
import { quadraProvenance } from '../../contracts/quadra/provenance.js';

export { DEFAULT_START };

/** What the kit and `ledgersim start` need to know of the Quadra simulator's state. */
export const quadraDefinition: SimulatorDefinition<QuadraState> = {
  name: 'quadra',
  provenance: quadraProvenance,
  title: `${VENDOR_DISPLAY_NAMES.quadra} (CPA + CFE)`,
  schema: QuadraStateSchema,
  tenantSchema: FirmStateSchema,
  empty: emptyQuadraState,
  demo: quadraDemoState,
  credentials: (state) =>
    Object.values(state.tenants).map(
      (firm) =>
        `SIC ${firm.sicCode} ${firm.name}: CPA key ${firm.cpa.key} secret ${firm.cpa.secret}; CFE key ${firm.cfe.key} secret ${firm.cfe.secret}` +
        `  (dossiers: ${Object.values(firm.dossiers)
          .map((d) => `${d.code} → container ${containerNameOf(firm, d)}`)
          .join(', ')})`,
    ),
  // The token endpoints pick the firm by its CPA (resp. CFE) key, every other call by its token,
  // the blob routes by the container's name: the kit's index answers each in one look-up.
  credentialKeys: (firm) => [
    credentialKey.key('cpa', firm.cpa.key),
    credentialKey.key('cfe', firm.cfe.key),
    ...Object.keys(firm.tokens).map(credentialKey.token),
    ...Object.values(firm.dossiers).map((dossier) => credentialKey.container(containerNameOf(firm, dossier))),
  ],
};

export type QuadraSimulatorOptions = SimulatorOptions<QuadraState>;

export type QuadraSimulator = Simulator<QuadraState>;

/** The vendor's error body (simulator's own choice: OAuth 2.0's `error` / `error_description`). */
const formatError = (error: {
  code: string;
  message: string;
  issues?: readonly { path: string; message: string }[];
}): QuadraErrorBody => ({
  error: error.code,
  error_description: error.message,
  ...(error.issues?.length ? { issues: [...error.issues] } : {}),
});

/** The Cegid Quadra simulator: the CPA API and CFE over one store. Everything it depends on is injected. */
export function createQuadraSimulator(options: QuadraSimulatorOptions = {}): QuadraSimulator {
  const { clock, seed, store } = resolveSimulatorOptions(quadraDefinition, options, DEFAULT_START);
  // Tokens, SAS signatures and regenerated keys: a stream of their own, apart from the kit's faults.
  const random = createRandom(seed + 1);

  // Which firms have an import still importing, and when it shows: a clock move reads those firms only.
  const importing = createDueIndex(store, earliestVisible);
  /** QDR-IMPORT-ON-OPEN: imported entries show once the import delay has run out on the virtual clock. */
  const tick = async (time: TenantTime) => {
    const changes: Change[] = [];
    // Each firm on its own time line (a scenario run against a shared server moves only its own).
    for (const tenantId of importing.dueTenants(time)) {
      const firm = store.data.tenants[tenantId]!; // the index answers only tenants the state holds
      for (const dossier of Object.values(firm.dossiers)) {
        const result = publishDueImports(firm, dossier, time.now(tenantId));
        if (result.ok) changes.push(...result.changes);
      }
    }
    if (changes.length) await store.commit(changes);
    // What is still importing after this move: a live clock wakes when the next one shows.
    return importing.nextDue(time);
  };

  const kit = createSimulatorKit({
    documentRules: [
      // The form declares `scope` so that its refusal is documented: never valid (`not: {}`).
      fieldRules(
        `POST ${QUADRA_OD_API}/token`,
        [
          {
            path: ['scope'],
            schema: { not: {}, description: 'Refused with invalid_scope: the page defines no scope.' },
          },
        ],
        'application/x-www-form-urlencoded',
      ),
    ],
    examples: quadraExamples,
    ...quadraDefinition,
    store,
    clock,
    random: createRandom(seed),
    defaultSeed: seed,
    seed: quadraDemoState,
    formatError,
    tick,
    journal: options.journal,
    maxBodyBytes: options.maxBodyBytes,
    tenantTtl: options.tenantTtl,
  });
  const deps = { store, clock, random, credentials: kit.credentials };
  kit.app.openAPIRegistry.registerComponent('securitySchemes', 'cpaToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token of POST /QuadraODOpenApi/token (10 hours)',
  });
  kit.app.openAPIRegistry.registerComponent('securitySchemes', 'cfeToken', {
    type: 'http',
    scheme: 'bearer',
    description: "The token of POST /CFE/token (simulator's own choice)",
  });
  kit.app.use(`${QUADRA_OD_API}/*`, bearer(deps, 'cpa', `${QUADRA_OD_API}/token`));
  kit.app.use(`${CFE_API}/V1/*`, bearer(deps, 'cfe'));
  kit.app.route('/', cpaTokenRoutes(kit, deps));
  kit.app.route('/', cpaReferenceDataRoutes(kit, deps));
  kit.app.route('/', cpaEntriesRoutes(kit, deps));
  kit.app.route('/', cfeRoutes(kit, deps));
  kit.app.route('/', cfeBlobRoutes(kit, deps));
  const admin = createActionsRouter(quadraActions(random), store, clock, (input) => input.sicCode);
  admin.route('/', quadraFecRouter(store));
  kit.finish(admin);
  return toSimulator('quadra', kit, store, clock);
}
