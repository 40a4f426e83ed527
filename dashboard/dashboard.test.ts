import { describe, expect, it } from 'vitest';
import { catalogueFr } from '../contracts/catalogue/fr.js';
import { englishIn } from '../contracts/catalogue/test-support.js';
import { FEC_FIELDS } from '../contracts/fec/parse.js';
import { createVirtualClock } from '../core/clock.js';
import { createLoopSimulator, type LoopSimulator } from '../simulators/loop/index.js';
import { headersFor, purchase } from '../simulators/loop/test-support.js';
import { createQuadraSimulator } from '../simulators/quadra/index.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { sageGeDemoState } from '../simulators/sage-ge/seed/demo.js';
import type { EntryState, SageGeState } from '../simulators/sage-ge/state/schema.js';
import { createDashboard, MAX_FORM_BYTES } from './index.js';

/**
 * The dashboard without a browser: `app.request`, in-process simulators on one virtual clock.
 * (The browser test drives the same pages in Chromium.)
 */

const START = '2026-03-16T09:00:00.000Z';

const unescapeHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const ORIGIN = { origin: 'http://localhost' };

function setup(sageState?: SageGeState) {
  const clock = createVirtualClock({ start: START });
  const simulators = [
    {
      name: 'sage-ge' as const,
      title: 'Sage GE',
      simulator: createSageGeSimulator({ clock, ...(sageState ? { initialState: sageState } : {}) }),
    },
    { name: 'quadra' as const, title: 'Cegid Quadra', simulator: createQuadraSimulator({ clock }) },
    { name: 'loop' as const, title: 'Cegid Loop', simulator: createLoopSimulator({ clock }) },
  ];
  const app = createDashboard({ simulators, clock });
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = ORIGIN) =>
    app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  /** Follows a post's 303 and returns the page's flash message. */
  async function flashOf(res: Response): Promise<string | undefined> {
    expect(res.status).toBe(303);
    const page = await (await app.request(res.headers.get('location')!)).text();
    return /data-testid="flash">([^<]*)</.exec(page)?.[1];
  }
  return { clock, simulators, app, post, flashOf, sage: simulators[0]!.simulator };
}

describe('dashboard pages', () => {
  it('renders every page of the demo state', async () => {
    const { app } = setup();
    for (const path of [
      '/',
      '/s/sage-ge',
      '/s/quadra',
      '/s/loop',
      '/s/sage-ge/ENT-1/healthy',
      '/s/quadra/100001/CLEFCFE',
      '/s/loop/CAB60599/DEMO02',
      '/requests',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toMatch(/^<!doctype html>/);
    }
    expect((await app.request('/s/sage-ge/ENT-1/nope')).status).toBe(404);
  });

  it('shows the third parties and attachments a Loop import carried', async () => {
    const { app, clock, simulators } = setup();
    const loop = simulators[2]!.simulator as LoopSimulator;
    const domain = Object.keys(loop.store.data.tenants).find((d) => loop.store.data.tenants[d]!.folders.DEMO01)!;
    const pdf = {
      nomFichier: 'FA-1.pdf',
      typeMime: 'application/pdf',
      contenuBase64: Buffer.from('%PDF').toString('base64'),
    };
    const body = {
      codeIbs: 'DEMO01',
      data: {
        contexte: { from: '2026-03-01', to: '2026-03-31' },
        ecritures: [{ ...purchase(), datePiece: '2026-03-10', piecesJointes: [pdf] }],
        tiers: [{ code: 'FNEUF', type: 'fournisseur', raisonSociale: 'Papeterie Neuve', compteContrepartie: '401000' }],
      },
    };
    const res = await loop.app.request('/loop-api-publiques/importJson', {
      method: 'POST',
      headers: { ...headersFor(loop, domain), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    clock.advance(10 * 60_000);
    await loop.settled();
    const html = await (await app.request(`/s/loop/${domain}/DEMO01`)).text();
    expect(html).toContain('1 third party carried by the import');
    expect(html).toContain('1 attachment');
  });

  it('escapes what it renders', async () => {
    const state = sageGeDemoState(1, new Date(START));
    state.tenants['ENT-1']!.name = '<script>alert(1)</script>';
    const { app } = setup(state);
    const html = await (await app.request('/')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('paginates 10,000 entries', async () => {
    const state = sageGeDemoState(1, new Date(START));
    const file = state.tenants['ENT-1']!.files.healthy!;
    const request = {
      kind: 'bank',
      journalCode: 'BQ',
      postingDate: '2026-03-10',
      documentDate: '2026-03-10',
      documentNumber: '',
      label: 'Carte',
      comment: '',
      lines: [
        { accountNumber: '627000', debit: 1, credit: 0 },
        { accountNumber: '512000', debit: 0, credit: 1 },
      ],
      attachments: [],
    } as EntryState['request'];
    for (let seq = 1; seq <= 10_000; seq++) {
      const id = `ENT-${String(seq).padStart(6, '0')}`;
      file.entries[id] = {
        id,
        seq,
        status: seq % 3 === 0 ? 'rejected' : 'injected',
        queuedAt: START,
        trackingCode: null,
        request,
        ...(seq % 3 === 0 ? { rejection: { id: 'SGE-JOURNAL-LOCKED', params: {} } } : { documentNumber: `BQ${seq}` }),
      };
    }
    file.nextEntrySeq = 10_001;
    const { app } = setup(state);
    const html = await (await app.request('/s/sage-ge/ENT-1/healthy?page=2')).text();
    expect(html).toContain('10000 entries, page 2 of 200');
    expect(html.match(/<tr data-entry=/g)).toHaveLength(50);
    expect(html).toContain('data-entry="ENT-009950"');
    const rejected = await (await app.request('/s/sage-ge/ENT-1/healthy?status=rejected')).text();
    expect(rejected).toContain('3333 entries, page 1 of 67');
    expect(rejected).toContain('SGE-JOURNAL-LOCKED');
    expect((await app.request('/')).status).toBe(200);
  });
});

describe('dashboard forms', () => {
  it("offers the state's tenant and file ids in the vendor action forms, without a script", async () => {
    const { app, simulators } = setup();
    const datalist = (page: string, id: string) => {
      const body = new RegExp(`<datalist id="${id}">(.*?)</datalist>`).exec(page)?.[1] ?? '';
      return [...body.matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    };
    const sagePage = await (await app.request('/s/sage-ge')).text();
    const sageState = simulators[0]!.simulator.store.data as SageGeState;
    expect(sagePage).toContain('list="open-accounting-entityId-choices"');
    expect(datalist(sagePage, 'open-accounting-entityId-choices')).toEqual(Object.keys(sageState.tenants));
    expect(datalist(sagePage, 'open-accounting-fileId-choices')).toEqual(
      expect.arrayContaining(Object.keys(sageState.tenants['ENT-1']!.files)),
    );
    const quadraPage = await (await app.request('/s/quadra')).text();
    expect(datalist(quadraPage, 'open-dossier-sicCode-choices')).toEqual(
      Object.keys(simulators[1]!.simulator.store.data.tenants),
    );
    expect(datalist(quadraPage, 'open-dossier-dossier-choices')).toContain('SAIN');
    expect(sagePage + quadraPage).not.toContain('<script');
  });

  it('runs a vendor action and comes back with what it did', async () => {
    const { post, flashOf, sage } = setup();
    const res = await post('/s/sage-ge/actions/set-journal-lock', {
      entityId: 'ENT-1',
      fileId: 'healthy',
      journal: 'VE',
      locked: 'true',
      _back: '/s/sage-ge/ENT-1/healthy',
    });
    expect(res.headers.get('location')).toMatch(/^\/s\/sage-ge\/ENT-1\/healthy\?flash=\d+$/);
    expect(await flashOf(res)).toContain('Set journal lock: done');
    expect((sage.store.data as SageGeState).tenants['ENT-1']!.files.healthy!.journals.VE!.locked).toBe(true);
  });

  it("refuses bad input with the simulator's message, never a 500", async () => {
    const { post, flashOf } = setup();
    expect(
      await flashOf(
        await post('/s/sage-ge/actions/inject-other-error', {
          entityId: 'ENT-1',
          fileId: 'healthy',
          variant: 'seven',
          _back: '/',
        }),
      ),
    ).toMatch(/Inject other error was refused: Invalid body: variant: .*number/);
    expect(
      await flashOf(
        await post('/s/sage-ge/actions/open-accounting', { entityId: 'ENT-1', fileId: 'nope', _back: '/' }),
      ),
    ).toBe('Open accounting was refused: No file nope in entity ENT-1');
    expect(await flashOf(await post('/s/sage-ge/actions/nope', { _back: '/' }))).toBe(
      'Sage GE has no action &quot;nope&quot;.',
    );
    expect(await flashOf(await post('/s/loop/faults', { kind: 'explode', _back: '/s/loop' }))).toMatch(
      /The fault was refused: kind: Invalid option/,
    );
    expect(await flashOf(await post('/clock', { advance: '3 years', _back: '/' }))).toMatch(/The clock moves by/);
  });

  it('never redirects to another site', async () => {
    const { post } = setup();
    for (const back of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
      const res = await post('/s/sage-ge/faults/clear', { _back: back });
      expect(res.headers.get('location')).toMatch(/^\/\?flash=\d+$/);
    }
  });

  it('refuses a post from another site', async () => {
    const { post, clock } = setup();
    const res = await post('/clock', { advance: '1w', _back: '/' }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(clock.now().toISOString()).toBe(START);
  });

  it('moves the shared clock and lets the due work run', async () => {
    const { post, flashOf, clock } = setup();
    expect(await flashOf(await post('/clock', { advance: 'next-night', _back: '/' }))).toContain(
      '2026-03-17 02:00 UTC',
    );
    expect(clock.now().toISOString()).toBe('2026-03-17T02:00:00.000Z');
    await post('/clock', { advance: '1w', _back: '/' });
    expect(clock.now().toISOString()).toBe('2026-03-24T02:00:00.000Z');
  });

  it('arms and clears faults', async () => {
    const { post, flashOf, sage } = setup();
    expect(
      await flashOf(
        await post('/s/sage-ge/faults', {
          path: '/api/v1/**',
          kind: 'status',
          status: '503',
          times: '2',
          _back: '/s/sage-ge',
        }),
      ),
    ).toContain('Fault armed');
    expect(sage.faults.list()).toMatchObject([{ path: '/api/v1/**', kind: 'status', status: 503, remaining: 2 }]);
    await post('/s/sage-ge/faults/clear', { _back: '/s/sage-ge' });
    expect(sage.faults.list()).toEqual([]);
  });
});

describe("the dashboard's tenant clocks", () => {
  const rowOf = (html: string, tenant: string) =>
    unescapeHtml(new RegExp(`<tr data-tenant="${tenant}">(.*?)</tr>`).exec(html)?.[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim();

  it("shows each tenant's time and moves one tenant's clock only", async () => {
    const { app, post, flashOf, clock, simulators } = setup();
    const quadra = simulators[1]!.simulator;
    const [first, second] = Object.keys(quadra.store.data.tenants) as [string, string];
    expect(rowOf(await (await app.request('/s/quadra')).text(), first)).toBe(
      `${first} 2026-03-16 09:00 UTC server time —`,
    );
    const res = await post('/s/quadra/tenant-clock', { tenantId: first, advance: '3d', _back: '/s/quadra' });
    expect(await flashOf(res)).toBe(
      `The clock of ${first} (Cegid Quadra) is now 2026-03-19 09:00 UTC; the other tenants and the server&#39;s clock did not move.`,
    );
    // What the simulator's own admin plane says, and what the page shows.
    const lines = (await (await quadra.app.request('/__admin/clock')).json()) as { now: string; tenants: object };
    expect(lines).toMatchObject({
      now: START,
      tenants: { [first]: { now: '2026-03-19T09:00:00.000Z', offsetMs: 3 * 86_400_000 } },
    });
    expect(clock.now().toISOString()).toBe(START);
    const page = await (await app.request('/s/quadra')).text();
    expect(rowOf(page, first)).toBe(`${first} 2026-03-19 09:00 UTC +3d flows with the server`);
    expect(rowOf(page, second)).toBe(`${second} 2026-03-16 09:00 UTC server time —`);

    await post('/s/quadra/tenant-clock', { tenantId: second, set: '2026-01-02T03:04:00Z', _back: '/s/quadra' });
    expect(rowOf(await (await app.request('/s/quadra')).text(), second)).toBe(
      `${second} 2026-01-02 03:04 UTC -73d 5h 56m flows with the server`,
    );
  });

  it('shows a frozen line as frozen', async () => {
    const { app, simulators } = setup();
    const loop = simulators[2]!.simulator;
    const [id] = Object.keys(loop.store.data.tenants) as [string];
    const tenant = await (await loop.app.request(`/__admin/tenants/${id}`)).text();
    const put = await loop.app.request(`/__admin/tenants/${id}?now=2026-02-01T00:00:00Z&frozen=true`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: tenant,
    });
    expect(put.status).toBe(200);
    expect(rowOf(await (await app.request('/s/loop')).text(), id)).toBe(`${id} 2026-02-01 00:00 UTC -43d 9h frozen`);
  });

  it("refuses a move the admin plane refuses, in its words, and moves nothing; another site's post is refused", async () => {
    const { post, flashOf, simulators } = setup();
    const sage = simulators[0]!.simulator;
    const clocks = async () => (await (await sage.app.request('/__admin/clock')).json()) as { tenants: object };
    expect(await flashOf(await post('/s/sage-ge/tenant-clock', { tenantId: 'NOPE', advance: '1h', _back: '/' }))).toBe(
      'The clock of NOPE was not moved: No tenant NOPE',
    );
    expect(
      await flashOf(await post('/s/sage-ge/tenant-clock', { tenantId: 'ENT-1', set: 'tomorrow', _back: '/' })),
    ).toMatch(/^The clock of ENT-1 was not moved: Invalid body: set: /);
    expect(await flashOf(await post('/s/sage-ge/tenant-clock', { tenantId: 'ENT-1', _back: '/' }))).toMatch(
      /^A tenant&#39;s clock moves with a tenant id and either a duration/,
    );
    const foreign = await post(
      '/s/sage-ge/tenant-clock',
      { tenantId: 'ENT-1', advance: '1w', _back: '/' },
      { origin: 'http://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(await clocks()).toMatchObject({ tenants: {} });
  });

  it('takes a form no larger than the rest of the dashboard', async () => {
    const { post, simulators } = setup();
    const res = await post('/s/sage-ge/tenant-clock', {
      tenantId: 'ENT-1',
      advance: '1h',
      _back: `/${'x'.repeat(MAX_FORM_BYTES)}`,
    });
    expect(res.status).toBe(413);
    expect(await (await simulators[0]!.simulator.app.request('/__admin/clock')).json()).toMatchObject({ tenants: {} });
  });
});

describe('the reproduce page', () => {
  it('is not sure about a near-miss: the candidates and what matched, no reproduction', async () => {
    const { app } = setup();
    const html = await (
      await app.request(`/reproduce?message=${encodeURIComponent('Compte 606400 à vérifier avant clôture')}`)
    ).text();
    expect(html).toContain('data-testid="no-match"');
    expect(html).toContain('Not sure which catalogue entry');
    expect(html).not.toContain('data-testid="reproduction"');
  });

  it("replays a French message with the customer's values and explains it in French", async () => {
    const { app } = setup();
    const html = await (
      await app.request(`/reproduce?message=${encodeURIComponent('Compte (411000) ou autre est collectif')}`)
    ).text();
    expect(html).toContain('SGE-COLLECTIVE-ACCOUNT');
    expect(html).toContain('account 401000 → 411000');
    expect(html).toMatch(/data-testid="explanation" lang="fr"/);
    expect(html).toContain('Explication à transmettre');
    expect(html).toContain('data-testid="reproduction"');
    // The block is wholly French: the French cause and steps, no English sentence of the catalogue.
    const block = unescapeHtml(/data-testid="explanation" lang="fr">([\s\S]*?)<\/div>/.exec(html)![1]!);
    expect(block).toContain(catalogueFr['SGE-COLLECTIVE-ACCOUNT'].cause);
    for (const step of catalogueFr['SGE-COLLECTIVE-ACCOUNT'].remedy) expect(block).toContain(step);
    expect(englishIn(block)).toEqual([]);
  }, 30_000);
});

describe('the FEC download', () => {
  it("links a Sage GE file to the FEC of its books, served from the simulator's admin plane", async () => {
    const { app, sage } = setup();
    const state = (await (await sage.app.request('/__admin/state')).json()) as SageGeState;
    const tenant = Object.values(state.tenants)[0]!;
    const file = Object.values(tenant.files)[0]!;
    const html = await (await app.request(`/s/sage-ge/${tenant.id}/${file.id}`)).text();
    expect(html).toContain(`href="/s/sage-ge/${tenant.id}/${file.id}/fec"`);
    const res = await app.request(`/s/sage-ge/${tenant.id}/${file.id}/fec`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await res.text()).split('\r\n')[0]).toBe(FEC_FIELDS.join('\t'));
    expect((await app.request(`/s/sage-ge/${tenant.id}/NO-SUCH-FILE/fec`)).status).toBe(404);
  });

  it('links a Quadra dossier and a Loop folder to the FEC of their books too', async () => {
    const { app } = setup();
    for (const path of ['/s/quadra/100001/CLEFCFE', '/s/loop/CAB60599/DEMO02']) {
      const html = await (await app.request(path)).text();
      expect(html, path).toContain(`href="${path}/fec"`);
      const res = await app.request(`${path}/fec`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect((await res.text()).split('\r\n')[0]).toBe(FEC_FIELDS.join('\t'));
    }
    expect((await app.request('/s/quadra/100001/NO-SUCH-DOSSIER/fec')).status).toBe(404);
    expect((await app.request('/s/loop/CAB60599/NO-SUCH-FOLDER/fec')).status).toBe(404);
  });
});

describe("the reproduce box with the customer's FEC", () => {
  const header = FEC_FIELDS.join('\t');
  const good = [
    header,
    'AC\tAchats\tAC1\t20260110\t606400\tPetit matériel SARL Fabre\t\t\t\t20260110\tFournitures\t100,00\t0,00\t\t\t20260111\t\t',
    'AC\tAchats\tAC1\t20260110\t411000\tClients\tCDUP\tDUPONT\t\t20260110\tFournitures\t0,00\t100,00\t\t\t20260111\t\t',
  ].join('\n');
  const post = (app: ReturnType<typeof setup>['app'], fec: string) => {
    const form = new FormData();
    form.set('message', 'Compte (411000) ou autre est collectif');
    form.set('fec', new File([fec], 'FEC.txt', { type: 'text/plain' }));
    return app.request('/reproduce', { method: 'POST', headers: ORIGIN, body: form });
  };

  it('seeds the reproduction with the FEC and says so', async () => {
    const { app } = setup();
    const res = await post(app, good);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="fec-seeded"');
    expect(html).toContain('Vendor state seeded from FEC.txt: 2 accounts, 1 subsidiary accounts, 1 journals');
    expect(html).toContain('data-testid="reproduction"');
    expect(html).toContain('Petit matériel SARL Fabre');
  }, 30_000);

  it('refuses a malformed FEC with its line and column, and runs nothing', async () => {
    const { app } = setup();
    const res = await post(app, good.replace('100,00\t0,00', '100,00\t0,00\textra'));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(
      'FEC.txt is not a valid FEC: line 2, column 19: 19 fields, a FEC line has 18. Nothing was run.',
    );
    expect(html).not.toContain('data-testid="reproduction"');
  });
});
