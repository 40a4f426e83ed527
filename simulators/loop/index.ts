import { debitOrCreditRule, fieldRules } from '../kit/strict.js';
import { RESERVED_KEY_NAMES } from '../../contracts/common/primitives.js';
import { VENDOR_DISPLAY_NAMES } from '../../contracts/common/vendor-ids.js';
import { loopExamples } from './examples.js';
import { LOOP_API } from '../../contracts/loop/wire.js';
import { createActionsRouter } from '../kit/actions.js';
import { createRandom } from '../../core/random.js';
import type { TenantTime } from '../../core/tenant-clock.js';
import { createSimulatorKit } from '../kit/simulator-kit.js';
import {
  DEFAULT_START,
  resolveSimulatorOptions,
  toSimulator,
  type Simulator,
  type SimulatorDefinition,
  type SimulatorOptions,
} from '../kit/simulator.js';
import { loopActions } from './admin/actions.js';
import { loopFecRouter } from './admin/fec.js';
import { dueImports, earliestImportDue, processImport } from './domain/imports.js';
import { createCredentialIndex, createDueIndex } from '../kit/tenant-index.js';
import { authenticate } from './routes/access.js';
import { loopCredentialKeys } from './rules/auth.js';
import { importJsonRoutes } from './routes/import-json.js';
import { foldersRoutes } from './routes/folders.js';
import { referenceDataRoutes } from './routes/reference-data.js';
import { loopDemoState } from './seed/demo.js';
import { FirmStateSchema, LoopStateSchema, emptyLoopState, own, type LoopState } from './state/schema.js';
import { loopProvenance } from '../../contracts/loop/provenance.js';
import { migrateLoopState } from './state/migrate.js';

export { DEFAULT_START };

/** What the kit and `ledgersim start` need to know of the Cegid Loop simulator's state. */
export const loopDefinition: SimulatorDefinition<LoopState> = {
  name: 'loop',
  provenance: loopProvenance,
  title: VENDOR_DISPLAY_NAMES.loop,
  schema: LoopStateSchema,
  tenantSchema: FirmStateSchema,
  empty: emptyLoopState,
  demo: loopDemoState,
  credentials: (state) =>
    Object.values(state.tenants).flatMap((firm) =>
      Object.values(firm.apiKeys).map(
        (key) =>
          `${firm.domain} ${firm.name}, key "${key.name}": Ocp-Apim-Subscription-Key: ${firm.subscriptionKey}  x-apikey: ${key.key}:${key.secret}  x-domain: ${firm.domain}  (folders: ${Object.keys(key.folders).join(', ') || 'none'})`,
      ),
    ),
  credentialKeys: loopCredentialKeys,
  migrate: migrateLoopState,
};

export type LoopSimulatorOptions = SimulatorOptions<LoopState>;

export type LoopSimulator = Simulator<LoopState>;

/** The Cegid Loop simulator: a Hono app over its store. Everything it depends on is injected. */
export function createLoopSimulator(options: LoopSimulatorOptions = {}): LoopSimulator {
  const { clock, seed, store } = resolveSimulatorOptions(loopDefinition, options, DEFAULT_START);

  // Which firms have an import waiting, and when: a clock move reads those firms only.
  const waiting = createDueIndex(store, earliestImportDue);
  /** Loop's import service: when the clock moves, the imports that fell due are processed in arrival order. */
  const tick = async (time: TenantTime) => {
    // Each firm on its own time line (a scenario run against a shared server moves only its own).
    for (const domain of waiting.dueTenants(time)) {
      const now = time.now(domain);
      for (const { id } of dueImports(store.data, now, [domain])) {
        const firm = own(store.data.tenants, domain);
        const imp = firm && own(firm.imports, id);
        if (!firm || !imp || imp.statut !== 'EnAttente') continue;
        const result = processImport(firm, imp, now);
        if (result.ok) await store.commit(result.changes);
      }
    }
    return waiting.nextDue(time);
  };

  const kit = createSimulatorKit({
    documentRules: [
      debitOrCreditRule(`POST ${LOOP_API}/importJson`, ['data', 'ecritures', 'lignes']),
      importJsonRules(`POST ${LOOP_API}/importJson`),
    ],
    examples: loopExamples,
    ...loopDefinition,
    store,
    clock,
    random: createRandom(seed),
    defaultSeed: seed,
    seed: loopDemoState,
    tick,
    formatError: (error) => ({
      statusCode: error.status,
      code: error.code,
      message: error.message,
      ...(error.issues?.length
        ? { errors: error.issues.map((issue) => ({ champ: issue.path, message: issue.message })) }
        : {}),
    }),
    journal: options.journal,
    maxBodyBytes: options.maxBodyBytes,
    tenantTtl: options.tenantTtl,
  });
  const deps = { store, clock, credentials: kit.credentials };
  const registry = kit.app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'subscriptionKey', {
    type: 'apiKey',
    in: 'header',
    name: 'Ocp-Apim-Subscription-Key',
    description: 'Azure APIM subscription key (confirmed)',
  });
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'x-apikey',
    description: '`<key>:<client secret>` from Loop Hub (confirmed)',
  });
  registry.registerComponent('securitySchemes', 'domain', {
    type: 'apiKey',
    in: 'header',
    name: 'x-domain',
    description:
      "Optional: the firm's Loop code (simulator's own header; Loop's docs name none, the key says which firm). When sent, it must be the key's firm",
  });
  kit.app.use(`${LOOP_API}/*`, authenticate(deps));
  kit.app.route('/', foldersRoutes(kit, deps));
  kit.app.route('/', referenceDataRoutes(kit, deps));
  kit.app.route('/', importJsonRoutes(kit, deps));
  // Every firm's API key values, for generate-api-key's uniqueness (the kit's index pairs each
  // with its subscription key, so it cannot answer who holds a bare value).
  const apiKeys = createCredentialIndex(store, (firm) => Object.keys(firm.apiKeys));
  const admin = createActionsRouter(loopActions(apiKeys), store, clock, (input) => input.domain);
  admin.route('/', loopFecRouter(store));
  kit.finish(admin);
  return toSimulator('loop', kit, store, clock);
}

/**
 * What `ImportJsonDataSchema` checks by refinement, in the document: reserved names as a `not`,
 * the cross-field checks as `x-rules` (JSON Schema 3.0 has no conditional or date comparison).
 */
function importJsonRules(key: string) {
  const reserved = { not: { enum: [...RESERVED_KEY_NAMES] } };
  return fieldRules(key, [
    { path: ['data', 'ecritures', 'lignes', 'compteAuxiliaire'], schema: reserved },
    { path: ['data', 'tiers', 'code'], schema: reserved },
    {
      path: ['data', 'contexte'],
      rule: 'ordered: the calendar date of from (what is written before any T) is not after that of to',
    },
    {
      path: ['data'],
      rule: 'ecritures-or-tiers: ecritures is absent or empty only when tiers has at least one item',
    },
    {
      path: ['data'],
      rule: 'contexte-required: contexte is required when ecritures is not empty, unless options.multiPeriode is true',
    },
    {
      path: ['data'],
      rule: 'within-contexte: unless options.multiPeriode is true, each ecritures[].datePiece is within the calendar dates of contexte.from and contexte.to, bounds included (not shifted to UTC)',
    },
  ]);
}
