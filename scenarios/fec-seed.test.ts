import { describe, expect, it } from 'vitest';
import { parseFec, referenceData, type FecReferenceData } from '../contracts/fec/parse.js';
import { VENDORS } from '../vendors/index.js';
import type { VendorModule } from '../vendors/types.js';
import { seedFor } from './fec-seed.js';
import { loadScenarios } from './load.js';
import { runScenario } from './runner.js';

/** The customer's books, written by hand: a supplier invoice on a subsidiary account, fiscal year `year`. */
const customerFec = (year: number) =>
  [
    'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise',
    `ACH\tAchats Lyreco\tACH1\t${year}0110\t606400\tFournitures Lyreco\t\t\tF88\t${year}0110\tLyreco\t50,00\t0,00\t\t\t${year}0111\t\t`,
    `ACH\tAchats Lyreco\tACH1\t${year}0110\t401000\tFournisseurs France\tFLYRECO\tLYRECO FRANCE\tF88\t${year}0110\tLyreco\t0,00\t50,00\t\t\t${year}0111\t\t`,
    `AC\tAchats\tAC2\t${year}1230\t606400\tFournitures Lyreco\t\t\tF91\t${year}1230\tLyreco\t10,00\t0,00\t\t\t${year}1231\t\t`,
    `AC\tAchats\tAC2\t${year}1230\t401000\tFournisseurs France\tFLYRECO\tLYRECO FRANCE\tF91\t${year}1230\tLyreco\t0,00\t10,00\t\t\t${year}1231\t\t`,
  ].join('\r\n');

const NOW = new Date('2026-03-16T09:00:00.000Z');

function seeded(vendor: 'sage-ge' | 'quadra' | 'loop', ref: FecReferenceData) {
  const module: VendorModule = VENDORS.get(vendor);
  const tenant = module.testing.presets.healthy!('T1', NOW);
  const fileId = module.testing.fileId(tenant);
  const seeding = seedFor(vendor, ref);
  if (!('seed' in seeding)) throw new Error(seeding.unsupported);
  const after = seeding.seed(structuredClone(tenant), fileId) as any;
  // What the seeding writes is a tenant the simulator accepts (PUT /__admin/tenants validates it so).
  expect(module.simulator.definition.tenantSchema.safeParse(after).error?.issues, vendor).toBeUndefined();
  return { before: tenant as any, after, fileId, summary: seeding.summary('FEC.txt') };
}

describe("seeding a vendor's state from the customer's FEC", () => {
  const past = referenceData(parseFec(customerFec(2023)));
  const current = referenceData(parseFec(customerFec(2026)));

  it('Sage GE: accounts with their labels, the collective, the subsidiary account, the journals, and the fiscal year (closed)', () => {
    const { before, after, fileId, summary } = seeded('sage-ge', past);
    const file = after.files[fileId];
    expect(file.accounts['606400'].label).toBe('Fournitures Lyreco');
    expect(file.accounts['401000']).toMatchObject({ label: 'Fournisseurs France', collective: true });
    expect(file.subsidiaryAccounts.FLYRECO).toEqual({
      code: 'FLYRECO',
      label: 'LYRECO FRANCE',
      collectiveAccount: '401000',
    });
    expect(file.journals.ACH).toMatchObject({ code: 'ACH', label: 'Achats Lyreco', type: 'purchase', locked: false });
    expect(file.fiscalYears.FEC20231231).toEqual({
      id: 'FEC20231231',
      start: '2023-01-01',
      end: '2023-12-31',
      status: 'closed',
      chartComplete: true,
    });
    for (const [id, fy] of Object.entries(before.files[fileId].fiscalYears)) expect(file.fiscalYears[id]).toEqual(fy);
    expect(summary).toBe(
      'vendor state seeded from FEC.txt: 2 accounts, 1 subsidiary accounts, 2 journals; fiscal year 2023-01-01 → 2023-12-31 (from the entries) added, closed',
    );
  });

  it('Quadra: the chart with labels, the subsidiary account as an F account under its collective, the journals, and the period (closed)', () => {
    const { after, fileId, summary } = seeded('quadra', past);
    const dossier = after.dossiers[fileId];
    expect(dossier.accounts['606400']).toMatchObject({ type: 'G', label: 'Fournitures Lyreco' });
    expect(dossier.accounts.FLYRECO).toEqual({
      number: 'FLYRECO',
      type: 'F',
      label: 'LYRECO FRANCE',
      collective: '401000',
      autoCreated: false,
    });
    expect(dossier.journals.ACH).toEqual({ code: 'ACH', label: 'Achats Lyreco', status: 'open' });
    expect(dossier.periods.FEC20231231).toEqual({
      id: 'FEC20231231',
      start: '2023-01-01',
      end: '2023-12-31',
      status: 'closed',
    });
    expect(summary).toContain('accounting period 2023-01-01 → 2023-12-31 (from the entries) added, closed');
  });

  it('Quadra: numbers cut to its 8 characters, journal codes over 3 left out, both said', () => {
    const long = referenceData(
      parseFec(
        customerFec(2023)
          .replace(/\t606400\t/g, '\t6064000012\t')
          .replace(/ACH\t/g, 'ACHAT\t'),
      ),
    );
    const { after, fileId, summary } = seeded('quadra', long);
    expect(after.dossiers[fileId].accounts['60640000'].label).toBe('Fournitures Lyreco');
    expect(after.dossiers[fileId].journals.ACHAT).toBeUndefined();
    expect(summary).toContain('account numbers cut to 8 characters as Quadra keeps them: 6064000012');
    expect(summary).toContain("journals not seeded, their codes are longer than Quadra's 3 characters: ACHAT");
  });

  it('Loop: comptes with their libellés, the supplier as a tiers, the journaux, and the fiscal year (closed)', () => {
    const { after, fileId, summary } = seeded('loop', past);
    const folder = after.folders[fileId];
    expect(folder.comptes['606400'].libelle).toBe('Fournitures Lyreco');
    expect(folder.comptes['401000']).toMatchObject({ libelle: 'Fournisseurs France', collectif: true });
    expect(folder.tiers.FLYRECO).toMatchObject({
      code: 'FLYRECO',
      type: 1,
      raisonSociale: 'LYRECO FRANCE',
      compteContrepartie: '401000',
    });
    expect(folder.journaux.ACH).toMatchObject({ code: 'ACH', libelle: 'Achats Lyreco', type: 1, ferme: false });
    expect(folder.fiscalYears.FEC20231231).toMatchObject({ start: '2023-01-01', end: '2023-12-31', status: 'closed' });
    expect(summary).toContain('fiscal year 2023-01-01 → 2023-12-31 (from the entries) added, closed');
  });

  it("keeps the scenario's own fiscal year when the FEC's is the same or overlaps it, and says so", () => {
    for (const vendor of ['sage-ge', 'quadra', 'loop'] as const) {
      const { before, after, fileId, summary } = seeded(vendor, current);
      const years = (t: any) =>
        (vendor === 'sage-ge' ? t.files : vendor === 'quadra' ? t.dossiers : t.folders)[fileId][
          vendor === 'quadra' ? 'periods' : 'fiscalYears'
        ];
      expect(years(after), vendor).toEqual(years(before));
      expect(summary, vendor).toMatch(
        /2026-01-01 → 2026-12-31 \(from the entries\) is the scenario's \S+, kept as the scenario has it/,
      );
    }
    const offset = referenceData(parseFec(customerFec(2025)), { fileName: '123456789FEC20260630.txt' });
    expect(seeded('sage-ge', offset).summary).toMatch(
      // An entry of January 2025: a first year of 18 months, to the closing date of the name.
      /fiscal year 2025-01-01 → 2026-06-30 \(from the file name\) overlaps the scenario's FY2025 \(2025-01-01 → 2025-12-31\): the scenario's kept/,
    );
  });
});

describe("the reproduction replays on the customer's reference data, for each vendor", () => {
  for (const [vendor, scenarioId] of [
    ['sage-ge', 'sage-ge/collective-account'],
    ['quadra', 'quadra/incomplete-file'],
    ['loop', 'loop/description-35'],
  ] as const) {
    it(`${scenarioId} runs as documented on the customer's chart, and the vendor answers with its labels`, async () => {
      const scenario = (await loadScenarios()).find((s) => s.id === scenarioId)!;
      const seeding = seedFor(vendor, referenceData(parseFec(customerFec(2023))));
      if (!('seed' in seeding)) throw new Error(seeding.unsupported);
      const result = await runScenario(scenario, { seedTenant: seeding.seed });
      expect(result.failures).toEqual([]);
      expect(result.status).toBe('passed');
      const answers = JSON.stringify(result.timeline.flatMap((t) => t.requests.map((r) => r.responseBody)));
      expect(answers).toContain('Fournitures Lyreco');
      expect(seeding.summary('FEC.txt')).toContain('2023-01-01 → 2023-12-31 (from the entries) added, closed');
    }, 30_000);
  }
});
