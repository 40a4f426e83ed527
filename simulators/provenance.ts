import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entriesFor } from '../contracts/catalogue/index.js';
import type { VendorId } from '../contracts/common/vendor-ids.js';
import type { VendorProvenance } from '../contracts/provenance.js';
import { createVirtualClock } from '../core/clock.js';
import { VENDORS } from '../vendors/index.js';
import {
  applyProvenance,
  messageFacts,
  renderProvenanceTable,
  withProvenanceTable,
  type WireFact,
} from './kit/provenance.js';
import { DEFAULT_START, type Simulator } from './kit/simulator.js';

/**
 * Each registered simulator that documents a vendor API: its provenance map (on its definition),
 * its README, and how to build it to read what it serves.
 */
export const PROVENANCE: readonly {
  name: VendorId;
  map: VendorProvenance;
  create(): Simulator<unknown>;
}[] = VENDORS.modules.flatMap(({ id, simulator }) => {
  const map = simulator.definition.provenance;
  if (!map) return [];
  const create = () => simulator.create({ clock: createVirtualClock({ start: DEFAULT_START }) }) as Simulator<unknown>;
  return [{ name: id, map, create }];
});

export const readmePath = (name: string) => join(import.meta.dirname, name, 'README.md');

/** Every wire fact of a simulator as it serves them (its `/openapi.json`), then its free facts and messages. */
export async function wireFacts(name: string): Promise<{ facts: WireFact[]; document: Record<string, any> }> {
  const entry = PROVENANCE.find((p) => p.name === name)!;
  const sim = entry.create();
  try {
    const document = (await (await sim.app.request('/openapi.json')).json()) as Record<string, any>;
    const { facts } = applyProvenance(document, entry.map);
    return { facts: [...facts, ...messageFacts(entry.map, entriesFor(entry.name))], document };
  } finally {
    await sim.close();
  }
}

/** The README as it must be: its provenance table regenerated. */
export async function expectedReadme(name: string): Promise<{ current: string; expected: string }> {
  const current = await readFile(readmePath(name), 'utf8');
  const { facts } = await wireFacts(name);
  return { current, expected: withProvenanceTable(current, renderProvenanceTable(facts)) };
}
