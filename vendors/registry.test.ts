import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../core/clock.js';
import { parseScenario, ScenarioFileError } from '../contracts/scenario/schema.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { runScenario } from '../scenarios/runner.js';
import { acmeVendor } from './fixtures/acme/index.js';
import { createVendorRegistry, CredentialsError, VENDOR_IDS, VENDORS, VendorIdSchema, type VendorId } from './index.js';
import { VendorSchema as CatalogueVendorSchema } from '../contracts/catalogue/schema.js';
import { catalogue } from '../contracts/catalogue/index.js';
import { explain } from '../contracts/catalogue/explain.js';
import { VENDOR_DISPLAY_NAMES } from '../contracts/common/vendor-ids.js';

/** ledgersim's vendors plus a fourth one: the one line a new vendor takes. */
const withAcme = createVendorRegistry([...VENDORS.modules, acmeVendor]);

const acmeScenario = (extra: { steps?: unknown[]; expect?: unknown[] } = {}) =>
  parseScenario(
    {
      id: 'acme/post-an-entry',
      title: 'An entry posts to Acme Books',
      vendor: 'acme',
      covers: ['HUB-SYNC-REALTIME'],
      steps: extra.steps ?? [
        { do: 'link-file' },
        { do: 'add-entry', entry: { id: 'P1', kind: 'purchase', date: '2026-03-10' } },
        { do: 'mark-verified' },
      ],
      expect: extra.expect ?? [
        { expect: 'status', entry: 'P1', is: 'posted' },
        { expect: 'vendor-entry', entry: 'P1', state: 'posted', trackingCode: true },
        { expect: 'vendor-entry-count', count: 1 },
        { expect: 'requests', method: 'POST', path: '/acme/books/B1/entries', count: 1 },
      ],
      verifiedAgainstVendor: false,
    },
    'acme.test',
  );

describe('a fourth vendor (vendors/fixtures/acme: a simulator and a connector in one folder, registered in one line)', () => {
  it('runs a scenario through the real runner and hub engine: linked, sent, read back, posted', async () => {
    const result = await runScenario(acmeScenario(), { vendors: withAcme });
    expect(result.failures).toEqual([]);
    expect(result.status).toBe('passed');
    // The timeline shows the fake vendor's own wire traffic.
    expect(result.timeline.flatMap((t) => t.requests.map((r) => `${r.method} ${r.path} ${r.status}`))).toContain(
      'POST /acme/books/B1/entries 200',
    );
  });

  it('runs a scenario that fails as a failure (the runner checks the fake vendor, it does not wave it through)', async () => {
    const result = await runScenario(acmeScenario({ expect: [{ expect: 'vendor-entry-count', count: 2 }] }), {
      vendors: withAcme,
    });
    expect(result.status).toBe('failed');
    expect(result.failures.join('\n')).toMatch(/vendor-entry-count|2/);
  });

  it("gets the wizard's wrong key refused by the fake vendor", async () => {
    const result = await runScenario(
      acmeScenario({ steps: [{ do: 'link-file', credentials: 'wrong' }], expect: [{ expect: 'step-error' }] }),
      { vendors: withAcme },
    );
    expect(result.failures).toEqual([]);
  });

  it("is unknown to ledgersim's own registry, which refuses it by name", async () => {
    await expect(runScenario(acmeScenario())).rejects.toThrow('no vendor "acme": registered are sage-ge, quadra, loop');
  });
});

describe('the vendor registry', () => {
  it('is the one list of vendors: ids, the id enum and the simulators come from it', () => {
    expect(VENDORS.ids).toEqual(['sage-ge', 'quadra', 'loop']);
    // The ids the contracts declare (the catalogue's and the provenance tables' vendor field) are
    // the registered ones, in the same order.
    expect(VENDORS.ids).toEqual(VENDOR_IDS);
    expect(VENDORS.idSchema.options).toEqual(VendorIdSchema.options);
    expect(VendorIdSchema.options).toEqual(['sage-ge', 'quadra', 'loop']);
    expect(CatalogueVendorSchema.options).toEqual([...VENDORS.ids, 'hub']);
    expect(VendorIdSchema.safeParse('acme').success).toBe(false);
    expect(withAcme.idSchema.safeParse('acme').success).toBe(true);
    for (const vendor of VENDORS.modules) {
      expect(vendor.simulator.definition.name).toBe(vendor.id);
      expect(vendor.connector.vendor).toBe(vendor.id);
    }
  });

  it("names each vendor once: support's explanation says the registered title of the entry's vendor, Qonto for the hub's", () => {
    expect(Object.keys(VENDOR_DISPLAY_NAMES)).toEqual([...VENDORS.ids]);
    for (const entry of catalogue) {
      const said = entry.vendor === 'hub' ? 'Qonto' : VENDORS.get(entry.vendor).title;
      expect(VENDOR_DISPLAY_NAMES[entry.vendor as VendorId] ?? 'Qonto', entry.id).toBe(said);
      for (const lang of ['en', 'fr'] as const)
        expect(explain(entry, { lang, params: {}, variant: 0, via: 'symptom' }).text, entry.id).toContain(said);
    }
  });

  it('refuses two modules with one id, or one port', () => {
    expect(() => createVendorRegistry([...VENDORS.modules, VENDORS.get('loop')])).toThrow(
      'two vendor modules share an id',
    );
    expect(() =>
      createVendorRegistry([
        ...VENDORS.modules,
        { ...acmeVendor, simulator: { ...acmeVendor.simulator, portOffset: 1 } },
      ]),
    ).toThrow('each vendor needs its own port offset');
  });

  it("checks a connection's credentials with the vendor's own schema before building its connector", () => {
    const options = {
      baseUrl: 'https://x.test',
      fetch: globalThis.fetch,
      clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }),
    };
    expect(() =>
      VENDORS.connectorFor({ vendor: 'quadra', credentials: { cpaKey: 'k', cpaSecret: 's', cfeKey: 'k' } }, options),
    ).toThrow(CredentialsError);
    expect(() =>
      VENDORS.connectorFor({ vendor: 'quadra', credentials: { cpaKey: 'k', cpaSecret: 's', cfeKey: 'k' } }, options),
    ).toThrow(/quadra credentials: cfeSecret: /);
    expect(VENDORS.connectorFor({ vendor: 'sage-ge', credentials: { geIdentifier: 'GE-1' } }, options).vendor).toBe(
      'sage-ge',
    );
  });

  it('the scenario loader refuses a scenario file naming a vendor that is not registered', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-vendors-'));
    try {
      const file = join(dir, 'x.json');
      await writeFile(
        file,
        JSON.stringify({
          id: 'acme/x',
          title: 'x',
          vendor: 'acme',
          covers: ['HUB-SYNC-REALTIME'],
          steps: [{ do: 'link-file' }],
          expect: [{ expect: 'step-error' }],
          verifiedAgainstVendor: false,
        }),
      );
      const error = await loadScenarioFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ScenarioFileError);
      expect((error as ScenarioFileError).path).toBe('vendor');
      expect((error as Error).message).toContain('no vendor "acme": registered are sage-ge, quadra, loop');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
