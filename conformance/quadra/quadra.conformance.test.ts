import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { START, DOSSIER, SIC, setup } from '../../simulators/quadra/test-support.js';
import { quadraDemoState } from '../../simulators/quadra/seed/demo.js';
import { QUADRA_CASES, type ExpectedLayout } from './cases.js';

/**
 * Runs every file of the corpus through CFE into the demo's healthy dossier (its chart and its
 * journals), opens the dossier, waits the import delay, and compares what Quadra shows field by
 * field with the case. `npm test` runs it with the rest.
 */

const MINUTE = 60_000;
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'files', file)));

/** The demo's healthy dossier (SAIN of firm 100001), under the harness's SIC code and CFE key. */
function demoDossierHarness() {
  const demo = quadraDemoState(1, new Date(START)).tenants['100001']!.dossiers.SAIN!;
  return setup({
    tweak: (state) => {
      const mine = state.tenants[SIC]!.dossiers[DOSSIER]!;
      state.tenants[SIC]!.dossiers[DOSSIER] = {
        ...structuredClone(demo),
        code: DOSSIER,
        cfeKeyInSettings: mine.cfeKeyInSettings,
      };
    },
  });
}

function layoutOf(bytes: Uint8Array): ExpectedLayout {
  const text = Buffer.from(bytes).toString('latin1').replace(/\x1a$/, '');
  const crlf = text.includes('\r\n');
  const lines = text.split(crlf ? '\r\n' : '\n');
  const finalNewline = lines.at(-1) === '';
  if (finalNewline) lines.pop();
  return {
    lineEnding: crlf ? 'CRLF' : finalNewline ? 'LF' : 'LF, no final newline',
    lengths: lines.map((l) => l.length),
  };
}

describe("Quadra conformance corpus: files in the public exporters' layouts", () => {
  for (const c of QUADRA_CASES) {
    describe(`${c.file} (${c.exporter})`, () => {
      it('is written in the layout the case states', () => {
        expect(layoutOf(bytesOf(c.file))).toEqual(c.layout);
      });

      it(
        c.outcome === 'imported'
          ? 'imports with every field as the exporter meant it'
          : 'is refused whole, with each problem at its line and column',
        async () => {
          const h = demoDossierHarness();
          const accountsBefore = JSON.stringify(h.dossier().accounts);
          await h.upload(bytesOf(c.file), c.file);
          const opening = await h.openDossier();
          await h.advance(5 * MINUTE);
          if (c.outcome === 'rejected') {
            expect(opening.imported).toEqual([]);
            const report = await h.report(c.file);
            expect(report.problems).toEqual(
              c.problems.map((p) => ({
                line: p.line,
                column: p.column,
                code: p.code,
                message: expect.stringMatching(p.message),
              })),
            );
            expect(await h.entries()).toEqual([]);
            expect(JSON.stringify(h.dossier().accounts)).toBe(accountsBefore);
            return;
          }
          expect(opening.rejected).toEqual([]);
          expect(opening.imported).toMatchObject([{ file: c.file, lines: c.lines.length }]);
          const entries = await h.entries();
          expect(
            entries.map((e) => ({
              journal: e.CodeJournal,
              date: e.DateEcriture,
              account: e.NumeroCompte,
              label: e.Libelle,
              debit: e.MontantTenuDebit,
              credit: e.MontantTenuCredit,
              piece: e.NumeroPiece,
              dueDate: e.DateEcheance,
              currency: e.CodeDevise,
              attachment: e.RefImage,
            })),
          ).toEqual(c.lines);
          expect(entries.map((e) => [e.Folio, e.LigneFolio])).toEqual(c.lines.map((_, i) => ['000', (i + 1) * 10]));
          for (const account of c.accounts)
            expect(h.dossier().accounts[account.number], account.number).toEqual(account);
          for (const number of c.absentAccounts)
            expect(Object.hasOwn(h.dossier().accounts, number), number).toBe(false);
          expect(Object.values(h.dossier().imports).map((i) => i.ignored)).toEqual([c.ignored]);
        },
      );
    });
  }

  it('every file in files/ is a case, and the README gives the source of each', () => {
    expect(readdirSync(join(import.meta.dirname, 'files')).sort()).toEqual(QUADRA_CASES.map((c) => c.file).sort());
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    for (const c of QUADRA_CASES) expect(readme, c.file).toContain(`\`${c.file}\``);
  });
});
