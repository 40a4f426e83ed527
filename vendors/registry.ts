import { z } from 'zod';
import type { VirtualClock } from '../core/clock.js';
import type { Connector } from '../connectors/types.js';
import type { VendorModule } from './types.js';

/** Credentials that do not match the vendor's schema: refused before any connector is built. */
export class CredentialsError extends Error {
  constructor(vendor: string, issues: readonly { path: PropertyKey[]; message: string }[]) {
    super(
      `${vendor} credentials: ${issues.map((i) => `${i.path.map(String).join('.') || '(credentials)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'CredentialsError';
  }
}

/**
 * A set of vendor modules, each registered once: every list of vendors, their ids and the
 * connector of a hub connection come from here. `vendors/index.ts` holds ledgersim's; a test may
 * build one with a vendor of its own.
 */
export function createVendorRegistry<const M extends readonly VendorModule[]>(modules: M) {
  const ids = modules.map((m) => m.id) as unknown as { [K in keyof M]: M[K]['id'] };
  const byId = new Map<string, M[number]>(modules.map((m) => [m.id, m]));
  if (byId.size !== modules.length)
    throw new Error(`two vendor modules share an id: ${modules.map((m) => m.id).join(', ')}`);
  const offsets = modules.map((m) => m.simulator.portOffset);
  if (new Set(offsets).size !== offsets.length || offsets.includes(0))
    throw new Error("each vendor needs its own port offset, and 0 is the dashboard's");
  for (const m of modules)
    if (m.connector.vendor !== m.id || m.simulator.definition.name !== m.id)
      throw new Error(`vendor ${m.id}: its connector and simulator must carry the same id`);

  type Id = M[number]['id'];
  const registry = {
    modules,
    ids: ids as readonly Id[],
    /** The vendor ids as a zod enum (scenario files, the CLI's flags, the hub's connections). */
    idSchema: z.enum(ids as unknown as [Id, ...Id[]]),
    has: (id: string): id is Id => byId.has(id),
    /** The module of a vendor id; an unknown id is a programming or input error, named. */
    get(id: string): M[number] {
      const module = byId.get(id);
      if (!module) throw new RangeError(`no vendor "${id}": registered are ${[...byId.keys()].join(', ')}`);
      return module;
    },
    /**
     * The connector of a hub connection: its credentials checked with the vendor's schema (a
     * `CredentialsError` otherwise), so no caller casts them.
     */
    connectorFor(
      connection: { vendor: string; credentials: unknown },
      options: {
        baseUrl: string;
        fetch: typeof fetch;
        clock: VirtualClock;
        sleep?: (ms: number) => Promise<void>;
        maxRetries?: number;
      },
    ): Connector {
      const module = registry.get(connection.vendor);
      const parsed = module.connector.credentialsSchema.safeParse(connection.credentials);
      if (!parsed.success) throw new CredentialsError(module.id, parsed.error.issues);
      return module.connector.create({ ...options, credentials: parsed.data });
    },
  };
  return registry;
}

export type VendorRegistry = ReturnType<typeof createVendorRegistry<readonly VendorModule[]>>;
