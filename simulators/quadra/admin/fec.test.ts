import { describe, expect, it } from 'vitest';
import { entryLine } from '../../../contracts/quadra/ascii.js';
import { parseFec, referenceData } from '../../../contracts/fec/parse.js';
import { DOSSIER, OTHER_DOSSIER, SIC, setup } from '../test-support.js';

describe('GET /__admin/files/:sicCode/:dossier/fec', () => {
  it("gives the FEC of the lines the dossier's imports published, an auxiliary account under its collective, readable back", async () => {
    const common = { journal: 'AC', date: '2026-03-10', label: 'Facture Dupont', pieceNumber: 'FA-0007' };
    const lines = [
      entryLine({ account: '60640000', direction: 'D', amountCents: 10_050, ...common }),
      entryLine({ account: '0DUPONT', direction: 'C', amountCents: 10_050, ...common }),
    ];
    const h = setup({
      tweak: (state) => {
        const dossier = state.tenants[SIC]!.dossiers[DOSSIER]!;
        dossier.accounts['0DUPONT'] = {
          number: '0DUPONT',
          type: 'F',
          label: 'DUPONT SARL',
          collective: '40100000',
          autoCreated: false,
        };
        lines.forEach((record, i) => {
          dossier.entries[String(i + 1)] = {
            id: i + 1,
            importId: 'IMP1',
            lineNumber: (i + 1) * 10,
            record,
            visibleAt: '2026-03-16T09:05:00.000Z',
          };
        });
      },
    });
    for (const separator of ['', '?separator=pipe']) {
      const res = await h.sim.app.request(`/__admin/files/${SIC}/${DOSSIER}/fec${separator}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const fec = parseFec(await res.text());
      expect(
        fec.map((l) => [l.journalCode, l.compteNum, l.compAuxNum, l.debit, l.credit, l.ecritureDate, l.pieceRef]),
      ).toEqual([
        ['AC', '60640000', '', 10_050, 0, '2026-03-10', 'FA-0007'],
        ['AC', '40100000', '0DUPONT', 0, 10_050, '2026-03-10', 'FA-0007'],
      ]);
      const dossier = h.dossier();
      const ref = referenceData(fec);
      expect(ref.accounts.find((a) => a.number === '60640000')?.label).toBe(dossier.accounts['60640000']!.label);
      expect(ref.subsidiaryAccounts).toEqual([
        { code: '0DUPONT', label: 'DUPONT SARL', collectiveAccount: '40100000' },
      ]);
      expect(ref.journals).toEqual([{ code: 'AC', label: dossier.journals.AC!.label }]);
    }
  });

  it("answers 404 for a dossier the firm does not have, another firm's included", async () => {
    const h = setup();
    for (const path of [
      `/__admin/files/${SIC}/NOPE/fec`,
      `/__admin/files/${SIC}/${OTHER_DOSSIER}/fec`,
      '/__admin/files/__proto__/x/fec',
    ]) {
      const res = await h.sim.app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not-found');
    }
  });
});
