import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage, type CatalogueId } from '../../../contracts/catalogue/index.js';
import type { SageFile } from '../../../contracts/sage-ge/wire.js';
import { calendarYear, type FileOverrides } from '../seed/builders.js';
import { ENTITY, FILE, entryBody, expectRejection, setup, type Harness } from '../test-support.js';

/** The red triangle of the hub's Integration page: the file's configuration problem. */
async function configuration(h: Harness) {
  const res = await h.request('/api/v1/files');
  expect(res.status).toBe(200);
  return ((await res.json()) as { files: SageFile[] }).files.find((f) => f.id === FILE)!.configuration;
}

const problem = (id: CatalogueId, params: Record<string, string>) => ({
  status: 'problem',
  problem: { code: getEntry(id).wire!.code, message: renderMessage(id, params) },
});

/** A file whose fiscal years are the given ones, in GE and in the Marketplace snapshot. */
const withYears = (...fiscalYears: ReturnType<typeof calendarYear>[]): { file: FileOverrides } => ({
  file: { fiscalYears },
});

/** Shows the problem on GET /files and fiscal-years, and refuses pushes (and reference reads) with 409, changing nothing. */
async function expectRedTriangle(h: Harness, id: CatalogueId, params: Record<string, string>) {
  expect(await configuration(h)).toEqual(problem(id, params));
  const fy = await h.request(h.api(FILE, 'fiscal-years'));
  expect(fy.status).toBe(200);
  expect(((await fy.json()) as { configuration: unknown }).configuration).toEqual(problem(id, params));
  for (const call of [
    () => h.request(h.api(FILE, 'entries'), { method: 'POST', json: entryBody() }),
    () => h.request(h.api(FILE, 'accounts')),
    () =>
      h.request(h.api(FILE, 'third-parties'), {
        method: 'PUT',
        json: {
          thirdParties: [{ type: 'customer', name: 'Dupont', subsidiaryAccount: 'CDUP', collectiveAccount: '411000' }],
        },
      }),
  ]) {
    const before = h.stateSnapshot();
    await expectRejection(await call(), id, params);
    expect(h.stateSnapshot()).toBe(before);
  }
}

describe('Sage GE fiscal-year configuration (the red triangle)', () => {
  it('is ok for a healthy file: two consecutive open years, one covering today', async () => {
    const h = setup();
    expect(await configuration(h)).toEqual({ status: 'ok' });
    const fy = (await (await h.request(h.api(FILE, 'fiscal-years'))).json()) as {
      fiscalYears: { id: string; status: string }[];
      synchronizedAt: string;
    };
    expect(fy.fiscalYears.map((f) => [f.id, f.status])).toEqual([
      ['FY2025', 'open'],
      ['FY2026', 'open'],
    ]);
    expect(fy.synchronizedAt).toBe(h.clock.now().toISOString());
  });

  describe('SGE-FY-NOT-COVERING-TODAY', () => {
    it('appears when no open year covers today', async () => {
      const h = setup(withYears(calendarYear(2025), calendarYear(2026, 'closed')));
      await expectRedTriangle(h, 'SGE-FY-NOT-COVERING-TODAY', { file: h.file().name, date: '2026-03-16' });
    });

    it('appears when the virtual clock moves past the end of the only open year', async () => {
      const h = setup(withYears(calendarYear(2025, 'closed'), calendarYear(2026)));
      expect(await configuration(h)).toEqual({ status: 'ok' });
      h.clock.set('2026-12-31T23:59:59.000Z');
      expect(await configuration(h)).toEqual({ status: 'ok' });
      h.clock.set('2027-01-01T00:00:00.000Z');
      await expectRedTriangle(h, 'SGE-FY-NOT-COVERING-TODAY', { file: h.file().name, date: '2027-01-01' });
    });
  });

  describe('SGE-FY-OPEN-RULES', () => {
    it('appears with more than two open years', async () => {
      const h = setup(withYears(calendarYear(2024), calendarYear(2025), calendarYear(2026)));
      await expectRedTriangle(h, 'SGE-FY-OPEN-RULES', { file: h.file().name, years: '2024, 2025, 2026' });
    });

    it('appears with two open years that are not consecutive', async () => {
      const h = setup(withYears(calendarYear(2024), calendarYear(2025, 'closed'), calendarYear(2026)));
      await expectRedTriangle(h, 'SGE-FY-OPEN-RULES', { file: h.file().name, years: '2024, 2026' });
    });

    it('appears with two open years that overlap', async () => {
      const h = setup({
        file: {
          fiscalYears: [
            calendarYear(2026),
            { id: 'FY2026B', start: '2026-03-01', end: '2027-02-28', status: 'open', chartComplete: true },
          ],
        },
      });
      await expectRedTriangle(h, 'SGE-FY-OPEN-RULES', { file: h.file().name, years: '2026, 2027' });
    });

    it('accepts a single open year covering today', async () => {
      const h = setup(withYears(calendarYear(2025, 'closed'), calendarYear(2026)));
      expect(await configuration(h)).toEqual({ status: 'ok' });
      expect((await h.push(entryBody())).status).toBe(202);
    });
  });

  describe('SGE-FY-INCOMPLETE', () => {
    it('appears when an open year has no complete chart of accounts', async () => {
      const h = setup(withYears(calendarYear(2025, 'open', false), calendarYear(2026)));
      await expectRedTriangle(h, 'SGE-FY-INCOMPLETE', { file: h.file().name, year: '2025' });
    });

    it('appears when no journal is open', async () => {
      const h = setup({
        tweak: (s) => Object.values(s.tenants[ENTITY]!.files[FILE]!.journals).forEach((j) => (j.locked = true)),
      });
      await expectRedTriangle(h, 'SGE-FY-INCOMPLETE', { file: h.file().name, year: '2026' });
    });

    it('appears when every journal is closed in one open year, naming that year, once resynchronized', async () => {
      const h = setup();
      await h.action('set-fiscal-year-journals', {
        entityId: ENTITY,
        fileId: FILE,
        fiscalYearId: 'FY2025',
        locked: true,
      });
      // GE changed, the Marketplace not yet.
      expect(await configuration(h)).toEqual({ status: 'ok' });
      await h.action('resync-fiscal-years', { entityId: ENTITY, fileId: FILE });
      await expectRedTriangle(h, 'SGE-FY-INCOMPLETE', { file: h.file().name, year: '2025' });
    });

    it('does not appear while one journal stays open in each open year', async () => {
      const h = setup();
      await h.action('set-fiscal-year-journals', {
        entityId: ENTITY,
        fileId: FILE,
        fiscalYearId: 'FY2025',
        journals: ['AC', 'VE', 'BQ', 'OD'],
        locked: true,
      });
      await h.action('resync-fiscal-years', { entityId: ENTITY, fileId: FILE });
      expect(await configuration(h)).toEqual({ status: 'ok' });
    });
  });

  describe('the fix in GE', () => {
    it('does not clear the triangle until the fiscal years are resynchronized from the Marketplace', async () => {
      const h = setup(withYears(calendarYear(2024), calendarYear(2025), calendarYear(2026)));
      const params = { file: h.file().name, years: '2024, 2025, 2026' };
      expect(
        (
          await h.action('set-fiscal-year', {
            entityId: ENTITY,
            fileId: FILE,
            fiscalYearId: 'FY2024',
            status: 'closed',
          })
        ).status,
      ).toBe(200);
      // Fixed in GE, but the Marketplace has not seen it.
      await expectRedTriangle(h, 'SGE-FY-OPEN-RULES', params);
      h.clock.advance(3_600_000);
      expect((await h.action('resync-fiscal-years', { entityId: ENTITY, fileId: FILE })).status).toBe(200);
      expect(await configuration(h)).toEqual({ status: 'ok' });
      const fy = (await (await h.request(h.api(FILE, 'fiscal-years'))).json()) as {
        synchronizedAt: string;
        fiscalYears: { id: string; status: string }[];
      };
      expect(fy.synchronizedAt).toBe('2026-03-16T10:00:00.000Z');
      expect(fy.fiscalYears.find((f) => f.id === 'FY2024')!.status).toBe('closed');
      expect((await h.push(entryBody())).status).toBe(202);
    });

    it('makes a problem created in GE appear only after resynchronizing', async () => {
      const h = setup();
      await h.action('set-fiscal-year', {
        entityId: ENTITY,
        fileId: FILE,
        fiscalYearId: 'FY2026',
        status: 'open',
        chartComplete: false,
      });
      expect(await configuration(h)).toEqual({ status: 'ok' });
      await h.action('resync-fiscal-years', { entityId: ENTITY, fileId: FILE });
      expect(await configuration(h)).toEqual(problem('SGE-FY-INCOMPLETE', { file: h.file().name, year: '2026' }));
    });

    it('opens a new year covering today and clears SGE-FY-NOT-COVERING-TODAY after resynchronizing', async () => {
      const h = setup(withYears(calendarYear(2025)));
      await expectRedTriangle(h, 'SGE-FY-NOT-COVERING-TODAY', { file: h.file().name, date: '2026-03-16' });
      expect(
        (
          await h.action('set-fiscal-year', {
            entityId: ENTITY,
            fileId: FILE,
            fiscalYearId: 'FY2026',
            start: '2026-01-01',
            end: '2026-12-31',
            status: 'open',
          })
        ).status,
      ).toBe(200);
      await h.action('resync-fiscal-years', { entityId: ENTITY, fileId: FILE });
      expect(await configuration(h)).toEqual({ status: 'ok' });
    });
  });
});
