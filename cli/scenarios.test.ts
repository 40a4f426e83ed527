import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueFr } from '../contracts/catalogue/fr.js';
import { englishIn } from '../contracts/catalogue/test-support.js';
import { catalogue, getEntry, renderMessage, templateParams } from '../contracts/catalogue/index.js';
import { loadScenarios } from '../scenarios/load.js';
import { startSimulators, type StartedSimulators } from '../simulators/start.js';
import { main } from './main.js';
import { capture } from './test-support.js';

describe('ledgersim scenarios', () => {
  it('lists the scenarios with their catalogue ids, filtered by vendor, as JSON', async () => {
    const c = capture();
    expect(await main(['scenarios', '--vendor', 'sage-ge', '--json'], c.io)).toBe(0);
    const { scenarios } = JSON.parse(c.out()) as { scenarios: { id: string; vendor: string; covers: string[] }[] };
    expect(scenarios.find((s) => s.id === 'sage-ge/journal-locked')?.covers).toEqual(['SGE-JOURNAL-LOCKED']);
    expect(scenarios.every((s) => s.vendor === 'sage-ge')).toBe(true);
  });

  it('refuses an unknown vendor with exit 2', async () => {
    expect(await main(['scenarios', '--vendor', 'xero'], capture().io)).toBe(2);
  });
});

describe('ledgersim run', () => {
  it('runs scenarios by glob and prints each timeline, exit 0 when all passed', async () => {
    const c = capture();
    expect(await main(['run', 'sage-ge/journal-*'], c.io)).toBe(0);
    expect(c.out()).toContain('sage-ge/journal-locked  ✓ passed');
    expect(c.out()).toContain(`sync-failed: ${renderMessage('SGE-JOURNAL-LOCKED')} [SGE-JOURNAL-LOCKED]`);
    expect(c.out()).toMatch(/POST {3}\/api\/v1\/files\/F1\/entries → 202/);
    expect(c.out()).toMatch(/1 passed, 0 failed/);
  });

  it('prints JSON results and writes JUnit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-run-'));
    try {
      const c = capture();
      expect(await main(['run', 'hub/sync-manual', '--json', '--junit', join(dir, 'junit.xml')], c.io)).toBe(0);
      const { results } = JSON.parse(c.out()) as { results: { id: string; status: string }[] };
      expect(results).toEqual([expect.objectContaining({ id: 'hub/sync-manual', status: 'passed' })]);
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toContain(
        '<testcase classname="ledgersim.sage-ge" name="hub/sync-manual"',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when a scenario fails, and refuses a scenario file with a mistake, naming the file, the path and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-run-'));
    try {
      const failing = join(dir, 'failing.json');
      await writeFile(
        failing,
        JSON.stringify({
          id: 'sage-ge/wrong-expectation',
          title: 'expects a posted entry while the journal is locked',
          vendor: 'sage-ge',
          covers: ['SGE-JOURNAL-LOCKED'],
          given: { vendor: { actions: [{ action: 'set-journal-lock', input: { journal: 'AC', locked: true } }] } },
          steps: [
            { do: 'link-file' },
            { do: 'add-entry', entry: { id: 'P1', kind: 'purchase' } },
            { do: 'mark-verified' },
            { do: 'open-file' },
            { do: 'synchronize' },
          ],
          expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
          verifiedAgainstVendor: false,
        }),
      );
      const c = capture();
      expect(await main(['run', failing, 'sage-ge/journal-locked'], c.io)).toBe(1);
      expect(c.out()).toContain('✗ failed');
      // the mode first, and the failed ids last: 2,000 lines later they are what one reads
      expect(c.out().split('\n')[0]).toBe('Running 2 scenarios in-process.');
      expect(c.out().split('\n').slice(-2)).toEqual(['1 passed, 1 failed', 'Failed: sage-ge/wrong-expectation']);

      const broken = join(dir, 'broken.json');
      await writeFile(
        broken,
        JSON.stringify({
          id: 'sage-ge/x',
          title: 't',
          vendor: 'sage-ge',
          covers: ['SGE-JOURNAL-LOCKED'],
          steps: [{ do: 'teleport' }],
          expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
          verifiedAgainstVendor: false,
        }),
      );
      const b = capture();
      expect(await main(['run', broken], b.io)).toBe(2);
      expect(b.err()).toContain(broken);
      expect(b.err()).toContain('steps.0.do');

      const unknownId = join(dir, 'unknown-id.json');
      await writeFile(
        unknownId,
        JSON.stringify({
          id: 'sage-ge/x',
          title: 't',
          vendor: 'sage-ge',
          covers: ['SGE-NOPE'],
          steps: [{ do: 'link-file' }],
          expect: [{ expect: 'step-error', none: true }],
          verifiedAgainstVendor: false,
        }),
      );
      const u = capture();
      expect(await main(['run', unknownId], u.io)).toBe(2);
      expect(u.err()).toContain('covers.0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers an id that matches nothing with exit 2', async () => {
    expect(await main(['run', 'sage-ge/no-such-thing'], capture().io)).toBe(2);
  });
});

describe('ledgersim reproduce', () => {
  it("finds a customer's Sage GE message with another account number, runs it, and shows the remedy posting it", async () => {
    const c = capture();
    expect(await main(['reproduce', 'account (411000) OR other is  collective'], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain('SGE-COLLECTIVE-ACCOUNT');
    expect(out).toContain('account = 411000');
    expect(out).toContain(getEntry('SGE-COLLECTIVE-ACCOUNT').cause);
    expect(out).toContain(getEntry('SGE-COLLECTIVE-ACCOUNT').remedy[0]);
    expect(out).toMatch(/Running the remedy:[\s\S]*P1: posted/);
    expect(out).toContain('Reproduced, and the remedy clears it.');
  });

  it("replays an account outside the scenario's own (issue 15's leftover: it fell back to 606400), and the rejection quotes it", async () => {
    const c = capture();
    expect(await main(['reproduce', 'Bonjour, on a « Le compte 622600 est verrouillé » depuis hier'], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain("replayed with the customer's values: account 606400 → 622600");
    expect(out).not.toContain('could not be replayed');
    expect(out).toContain(`P1: sync-failed: ${renderMessage('SGE-ACCOUNT-LOCKED', { account: '622600' })}`);
    expect(out).toContain('Reproduced, and the remedy clears it.');
  });

  it('chooses the scenario that shows the message the customer saw: a closed Loop journal, with their journal and folder', async () => {
    const c = capture();
    expect(await main(['reproduce', 'Le journal HA du dossier 000123 est fermé.', '--json'], c.io)).toBe(0);
    const out = JSON.parse(c.out()) as {
      replay: { substituted: unknown[]; notSubstituted: unknown[]; fellBack?: string };
      result: { id: string; timeline: { statuses: Record<string, string> }[] };
    };
    expect(out.result.id).toBe('loop/journal-closed');
    expect(out.replay.notSubstituted).toEqual([]);
    expect(out.replay.fellBack).toBeUndefined();
    expect(JSON.stringify(out.result.timeline.map((t) => t.statuses))).toContain(
      renderMessage('LOOP-INCOMPLETE-FOLDER', { journal: 'HA', folder: '000123' }, 1),
    );
  });

  it('is not sure, exit 2 with the reason, when a denial frames the message ("It\'s not true that...", "Ce n\'est pas vrai que...")', async () => {
    for (const [text, word] of [
      ["It's not true that account 606400 is locked", 'not'],
      ["Ce n'est pas vrai que le compte 606400 est verrouillé", 'pas'],
      ["I don't get 'Account 606400 is locked' anymore", "don't"],
    ]) {
      const c = capture();
      expect(await main(['reproduce', text!], c.io), text).toBe(2);
      expect(c.err(), text).toContain(
        `ledgersim: not sure which catalogue entry this is (the text denies what SGE-ACCOUNT-LOCKED says ("${word}")).`,
      );
      expect(c.out(), text).toBe('');
    }
  });

  it('answers an unknown message with "not sure", the candidates and why, and exit 2', async () => {
    const c = capture();
    expect(await main(['reproduce', 'the office printer ran out of toner'], c.io)).toBe(2);
    expect(c.err()).toMatch(/not sure which catalogue entry|no catalogue entry matches/);
    expect(c.out()).toBe('');
  });

  it('is not sure about a sentence that only begins like a short message (issue 15: "Compte {account}" swallowed it)', async () => {
    const c = capture();
    expect(await main(['reproduce', 'Compte 606400 à vérifier avant clôture', '--json'], c.io)).toBe(2);
    const answer = JSON.parse(c.out()) as {
      match: null;
      sure: boolean;
      candidates: { id: string; evidence: string[] }[];
    };
    expect(answer.match).toBeNull();
    expect(answer.sure).toBe(false);
  });

  it('is not sure, exit 2, when the customer denies the message ("is not locked", "n\'est plus collectif")', async () => {
    for (const text of [
      'Account 512300 is no longer locked, thanks',
      "Compte (401LEROY) ou autre n'est plus collectif",
    ]) {
      const c = capture();
      expect(await main(['reproduce', text, '--json'], c.io), text).toBe(2);
      const answer = JSON.parse(c.out()) as { match: null; sure: boolean; unsureBecause: string };
      expect(answer.match, text).toBeNull();
      expect(answer.sure, text).toBe(false);
      expect(answer.unsureBecause, text).toMatch(/^the text denies what SGE-(ACCOUNT-LOCKED|COLLECTIVE-ACCOUNT) says/);
    }
  });

  it("replays a French message with the customer's account and explains it in French", async () => {
    const c = capture();
    expect(
      await main(['reproduce', 'Bonjour, rejet reçu : « Compte (411000) ou autre est collectif »', '--explain'], c.io),
    ).toBe(0);
    const out = c.out();
    expect(out).toContain('SGE-COLLECTIVE-ACCOUNT');
    expect(out).toContain('(fr)');
    expect(out).toContain('account 401000 → 411000');
    expect(out).toContain('Explication à transmettre');
    expect(out).toContain(`« ${renderMessage('SGE-COLLECTIVE-ACCOUNT', { account: '411000' }, 0, 'fr')} »`);
    // The text to forward is wholly French (the support view above it stays in English).
    const forwarded = out.slice(out.indexOf('Explication à transmettre'));
    expect(forwarded).toContain(catalogueFr['SGE-COLLECTIVE-ACCOUNT'].cause);
    expect(forwarded).toContain(`1. ${catalogueFr['SGE-COLLECTIVE-ACCOUNT'].remedy[0]}`);
    expect(englishIn(forwarded.slice(0, forwarded.indexOf('Reproduced')))).toEqual([]);
  }, 30_000);

  it("--fec: seeds the Sage GE state with the customer's accounts and labels (pipe FEC written by hand); a malformed FEC runs nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-fec-'));
    try {
      const header =
        'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
      const good = [
        header,
        'HA|Achats fournisseurs|HA1|20260110|606400|Petit matériel SARL Fabre||||20260110|Fournitures|100,00|0,00|||20260111||',
        'HA|Achats fournisseurs|HA1|20260110|411000|Clients divers|CDUPONT|DUPONT SA||20260110|Fournitures|0,00|100,00|||20260111||',
      ].join('\n');
      await writeFile(join(dir, 'good.txt'), good);
      await writeFile(join(dir, 'bad.txt'), good.replace('20260110|606400', '2026-01-10|606400'));
      const c = capture();
      expect(
        await main(
          ['reproduce', 'Compte (411000) ou autre est collectif', '--fec', join(dir, 'good.txt'), '--json'],
          c.io,
        ),
      ).toBe(0);
      const out = JSON.parse(c.out()) as {
        replay: { fec: string; fellBack?: string };
        result: { timeline: { requests: { responseBody?: string }[] }[] };
      };
      expect(out.replay.fec).toMatch(/seeded from .*good\.txt: 2 accounts, 1 subsidiary accounts, 1 journals/);
      expect(out.replay.fellBack).toBeUndefined();
      expect(JSON.stringify(out.result.timeline.flatMap((t) => t.requests.map((r) => r.responseBody)))).toContain(
        'Petit matériel SARL Fabre',
      );
      const bad = capture();
      expect(
        await main(['reproduce', 'Compte (411000) ou autre est collectif', '--fec', join(dir, 'bad.txt')], bad.io),
      ).toBe(2);
      expect(bad.err()).toContain('line 2, column 4: EcritureDate "2026-01-10" is not a date AAAAMMJJ');
      expect(bad.out()).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('--fec with a real layout: the A47 A-1 fixture (ISO 8859-15, CR ends, Montant/Sens) seeds a Quadra reproduction, its year from the file name; a malformed copy runs nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-fec-'));
    try {
      const fixture = join(import.meta.dirname, '../contracts/fec/fixtures/a47a1/987654321FEC20250630.txt');
      const c = capture();
      expect(
        await main(
          [
            'reproduce',
            "Le dossier D1 est incomplet : le plan comptable est incomplet ou aucun journal n'est ouvert.",
            '--fec',
            fixture,
            '--json',
          ],
          c.io,
        ),
      ).toBe(0);
      const out = JSON.parse(c.out()) as {
        match: { id: string };
        replay: { fec: string; fecFiscalYear: unknown; fellBack?: string };
      };
      expect(out.match.id).toBe('QDR-INCOMPLETE-FILE');
      expect(out.replay.fecFiscalYear).toEqual({ start: '2024-07-01', end: '2025-06-30', from: 'file name' });
      expect(out.replay.fellBack).toBeUndefined();
      expect(out.replay.fec).toContain(
        "accounting period 2024-07-01 → 2025-06-30 (from the file name) overlaps the scenario's EX2025 (2025-01-01 → 2025-12-31): the scenario's kept",
      );
      const bytes = await readFile(fixture);
      // Line 4's date written the ISO way: refused at its line and column.
      const bad = Buffer.from(bytes.toString('latin1').replace('|20241015|626000', '|2024-10-15|626000'), 'latin1');
      await writeFile(join(dir, '987654321FEC20250630.txt'), bad);
      const refused = capture();
      expect(
        await main(
          [
            'reproduce',
            "Le dossier D1 est incomplet : le plan comptable est incomplet ou aucun journal n'est ouvert.",
            '--fec',
            join(dir, '987654321FEC20250630.txt'),
          ],
          refused.io,
        ),
      ).toBe(2);
      expect(refused.err()).toContain('line 4, column 4: EcritureDate "2024-10-15" is not a date AAAAMMJJ');
      expect(refused.out()).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('reproduces every message quoted in the seeds, with other values in its varying parts', async () => {
    const available = new Set((await loadScenarios()).map((s) => s.id));
    const documented = catalogue.filter((e) => e.messages.some((m) => m.documented) && available.has(e.scenarioId));
    expect(documented.length).toBeGreaterThan(10);
    for (const entry of documented) {
      const message = entry.messages.find((m) => m.documented)!;
      const params = Object.fromEntries(
        templateParams(message.en).map((name) => [
          name,
          name === 'years' ? '2019' : name === 'account' ? '4010000042' : `Other ${name} 42`,
        ]),
      );
      const c = capture();
      const code = await main(
        ['reproduce', renderMessage(entry.id, params, entry.messages.indexOf(message)).toLowerCase()],
        c.io,
      );
      expect(code, `${entry.id}: ${c.err()}${c.out().slice(-500)}`).toBe(0);
      expect(c.out()).toContain(entry.id);
    }
  }, 60_000);
});

describe('ledgersim run --against the servers of ledgersim start', () => {
  let running: StartedSimulators;
  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, seed: 3, now: '2026-03-16T09:00:00Z' });
  });
  afterAll(() => running.close());

  it('gives the same results as in-process, each scenario in its own tenant, and leaves the servers as they were', async () => {
    const urls = running.simulators.map((s) => s.url);
    // another user of the shared server: a fault rule of theirs on a path no scenario calls
    const theirs = { path: '/nobody-calls-this/**', kind: 'status', status: 503 };
    for (const url of urls)
      expect(
        (
          await fetch(`${url}/__admin/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(theirs),
          })
        ).status,
      ).toBe(201);
    const look = async (url: string) => {
      const get = async (path: string) => (await fetch(`${url}/__admin${path}`)).json();
      return {
        clock: await get('/clock'),
        tenants: await get('/tenants'),
        faults: await get('/faults'),
        state: await get('/state'),
      };
    };
    const before = await Promise.all(urls.map(look));
    const inProcess = capture();
    const against = capture();
    expect(await main(['run', 'sage-ge/*', 'hub/*', 'loop/*', 'quadra/*', '--json'], inProcess.io)).toBe(0);
    expect(
      await main(
        ['run', 'sage-ge/*', 'hub/*', 'loop/*', 'quadra/*', '--json', ...urls.flatMap((u) => ['--against', u])],
        against.io,
      ),
    ).toBe(0);
    const summary = (text: string) =>
      (JSON.parse(text) as { results: { id: string; status: string; mode: string }[] }).results.map((r) => [
        r.id,
        r.status,
      ]);
    expect(summary(against.out())).toEqual(summary(inProcess.out()));
    expect(
      (JSON.parse(against.out()) as { results: { mode: string }[] }).results.every((r) => r.mode === 'against'),
    ).toBe(true);
    // clock, tenants, fault rules and state (the demo firms) exactly as before
    const after = await Promise.all(urls.map(look));
    for (const [i, url] of urls.entries()) expect(after[i], url).toEqual(before[i]);
    expect((before[0]!.tenants as { tenants: string[] }).tenants).toEqual(
      expect.arrayContaining(['ENT-1', 'ENT-2', 'ENT-3']),
    );
    // and the scenarios' requests are out of the journal
    for (const url of urls) {
      const { requests } = (await (await fetch(`${url}/__admin/requests?limit=10000`)).json()) as {
        requests: { tenantId?: string }[];
      };
      expect(
        requests.filter((r) => r.tenantId?.startsWith('scn-')),
        url,
      ).toEqual([]);
    }
  }, 120_000);

  it("reproduce --against replays the customer's account in the server's tenant, and leaves the server's state as it was", async () => {
    const sage = running.simulators.find((s) => s.name === 'sage-ge')!;
    const state = async () => (await fetch(`${sage.url}/__admin/state`)).json();
    const before = await state();
    const c = capture();
    expect(await main(['reproduce', 'Account 4011000123 is locked', '--against', sage.url], c.io)).toBe(0);
    expect(c.out()).toContain(`P1: sync-failed: ${renderMessage('SGE-ACCOUNT-LOCKED', { account: '4011000123' })}`);
    expect(c.out()).not.toContain('could not be replayed');
    expect(await state()).toEqual(before);
  });

  it('refuses a partial --against with exit 2, naming the vendors without a URL, and runs nothing', async () => {
    const quadra = running.simulators.find((s) => s.name === 'quadra')!;
    const tenantsBefore = await (await fetch(`${quadra.url}/__admin/tenants`)).json();
    const c = capture();
    expect(await main(['run', 'sage-ge/journal-locked', 'loop/*', 'quadra/*', '--against', quadra.url], c.io)).toBe(2);
    expect(c.err()).toMatch(/^ledgersim: no --against URL for sage-ge, loop:/);
    expect(c.out()).toBe('');
    expect(await (await fetch(`${quadra.url}/__admin/tenants`)).json()).toEqual(tenantsBefore);
  });

  it('names the servers it runs against in the human output', async () => {
    const sage = running.simulators.find((s) => s.name === 'sage-ge')!;
    const c = capture();
    expect(await main(['run', 'sage-ge/journal-locked', '--against', sage.url], c.io)).toBe(0);
    expect(c.out().split('\n')[0]).toBe(`Running 1 scenario against ${sage.url} (sage-ge).`);
    expect(c.out().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });
});
