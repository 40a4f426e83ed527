import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import type { SageThirdParty } from '../../../contracts/sage-ge/wire.js';
import { JOURNALS, PCG_ACCOUNTS, calendarYear } from '../seed/builders.js';
import { ENTITY, FILE, entryBody, setup, type Harness } from '../test-support.js';

const supplier = (code: string, name = `Fournisseur ${code}`): SageThirdParty => ({
  type: 'supplier',
  name,
  subsidiaryAccount: code,
  collectiveAccount: '401000',
});
const upsert = (h: Harness, thirdParties: SageThirdParty[]) =>
  h.request(h.api(FILE, 'third-parties'), { method: 'PUT', json: { thirdParties } });
const get = async <T>(h: Harness, rest: string): Promise<T> => {
  const res = await h.request(h.api(FILE, rest));
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

describe('Sage GE reference data', () => {
  describe('SGE-REFDATA-PULL', () => {
    it('gives the chart of accounts of the current fiscal year, with the collective and locked flags', async () => {
      const h = setup({ tweak: (s) => void (s.tenants[ENTITY]!.files[FILE]!.accounts['471000']!.locked = true) });
      const { fiscalYearId, accounts } = await get<{
        fiscalYearId: string;
        accounts: { number: string; label: string; collective: boolean; locked: boolean }[];
      }>(h, 'accounts');
      expect(fiscalYearId).toBe('FY2026');
      expect(accounts).toEqual(
        [...PCG_ACCOUNTS]
          .sort((a, b) => a.number.localeCompare(b.number))
          .map((a) => ({ ...a, locked: a.number === '471000' })),
      );
      expect(accounts.filter((a) => a.collective).map((a) => a.number)).toEqual(['401000', '411000', '421000']);
    });

    it('names the open year covering today on the virtual clock', async () => {
      const h = setup({ file: { fiscalYears: [calendarYear(2025), calendarYear(2026)] } });
      h.clock.set('2025-06-01T08:00:00.000Z');
      expect((await get<{ fiscalYearId: string }>(h, 'accounts')).fiscalYearId).toBe('FY2025');
    });

    it('gives the existing subsidiary codes and the journals with their lock and numbering', async () => {
      const h = setup({
        file: { subsidiaryAccounts: { C00001: { code: 'C00001', label: 'Dupont SA', collectiveAccount: '411000' } } },
        tweak: (s) => void (s.tenants[ENTITY]!.files[FILE]!.journals.OD!.locked = true),
      });
      expect(await get(h, 'subsidiary-accounts')).toEqual({
        subsidiaryAccounts: [{ code: 'C00001', label: 'Dupont SA', collectiveAccount: '411000' }],
      });
      const { journals } = await get<{
        journals: { code: string; type: string; locked: boolean; autoNumbering: unknown }[];
      }>(h, 'journals');
      expect(journals.map((j) => j.code)).toEqual([...JOURNALS.map((j) => j.code)].sort());
      expect(journals.find((j) => j.code === 'OD')).toMatchObject({ type: 'misc', locked: true });
      expect(journals.find((j) => j.code === 'AC')).toMatchObject({
        type: 'purchase',
        locked: false,
        autoNumbering: { enabled: true, prefix: 'AC', next: 1 },
      });
    });

    it('changes no state when read', async () => {
      const h = setup();
      const before = h.stateSnapshot();
      for (const rest of ['accounts', 'subsidiary-accounts', 'journals', 'third-parties', 'fiscal-years', 'entries'])
        await get(h, rest);
      expect(h.stateSnapshot()).toBe(before);
    });
  });

  describe('SGE-THIRD-PARTY-UPSERT', () => {
    it('creates then updates third parties and their subsidiary accounts, counting each', async () => {
      const h = setup();
      const first = await upsert(h, [
        supplier('F100'),
        supplier('F200'),
        {
          type: 'customer',
          name: 'Client Martin',
          subsidiaryAccount: 'C300',
          collectiveAccount: '411000',
          siret: '12345678901234',
        },
      ]);
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ created: 3, updated: 0 });
      const second = await upsert(h, [supplier('F100', 'Fournisseur renommé'), supplier('F400')]);
      expect(await second.json()).toEqual({ created: 1, updated: 1 });
      const { thirdParties } = await get<{ thirdParties: SageThirdParty[] }>(h, 'third-parties');
      expect(thirdParties.find((t) => t.subsidiaryAccount === 'F100')!.name).toBe('Fournisseur renommé');
      expect(thirdParties).toHaveLength(4);
      const { subsidiaryAccounts } = await get<{
        subsidiaryAccounts: { code: string; label: string; collectiveAccount: string }[];
      }>(h, 'subsidiary-accounts');
      expect(subsidiaryAccounts).toEqual([
        { code: 'C300', label: 'Client Martin', collectiveAccount: '411000' },
        { code: 'F100', label: 'Fournisseur renommé', collectiveAccount: '401000' },
        { code: 'F200', label: 'Fournisseur F200', collectiveAccount: '401000' },
        { code: 'F400', label: 'Fournisseur F400', collectiveAccount: '401000' },
      ]);
    });

    it('counts a code named like an object property as created', async () => {
      const h = setup();
      expect(await (await upsert(h, [supplier('toString')])).json()).toEqual({ created: 1, updated: 0 });
    });

    it('lets an entry use the subsidiary account just upserted', async () => {
      const h = setup();
      await upsert(h, [supplier('F777')]);
      const body = entryBody();
      body.lines[2] = { accountNumber: '401000', subsidiaryAccount: 'F777', debit: 0, credit: 120 };
      expect((await h.pushAndInject(body)).status).toBe('injected');
    });
  });

  describe('SGE-FIRST-CONNECTION-BATCHES', () => {
    it('reports third-party batches sent before any entry at the next opening, then never again', async () => {
      const h = setup();
      await upsert(h, [supplier('F1'), supplier('F2')]);
      await upsert(h, [supplier('F3')]);
      const report = await h.openAccounting();
      expect(report.messages).toEqual([
        renderMessage('SGE-FIRST-CONNECTION-BATCHES', { batch: 'TP-1' }),
        renderMessage('SGE-FIRST-CONNECTION-BATCHES', { batch: 'TP-2' }),
      ]);
      expect(report.messages[0]).toBe(
        'The batch of third parties TP-1 was rejected: it contains no entries to import.',
      );
      // Harmless: the third parties are there.
      expect((await get<{ thirdParties: unknown[] }>(h, 'third-parties')).thirdParties).toHaveLength(3);
      expect((await h.openAccounting()).messages).toEqual([]);
    });

    it('reports no batch for third parties sent once entries have been sent', async () => {
      const h = setup();
      expect((await h.push(entryBody())).status).toBe(202);
      await upsert(h, [supplier('F9')]);
      const report = await h.openAccounting();
      expect(report.messages).toEqual([]);
      expect(report.injected).toHaveLength(1);
    });
  });
});
