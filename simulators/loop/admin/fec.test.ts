import { describe, expect, it } from 'vitest';
import { parseFec, referenceData } from '../../../contracts/fec/parse.js';
import { buildEcritures } from '../seed/builders.js';
import { buildState, setup, START } from '../test-support.js';

describe('GET /__admin/files/:domain/:folder/fec', () => {
  it("gives the FEC of the folder's entry lines with its journal, account and third-party names, readable back", async () => {
    const state = buildState();
    const folder = state.tenants.CABA!.folders.F4!;
    const rows = buildEcritures('F4', 2, '2026-02-03', START);
    // The second line of the first entry on a supplier's auxiliary account.
    rows[1] = { ...rows[1]!, compteNumero: '401000', compteAuxiliaire: 'FBUROTIC' };
    folder.ecritures = Object.fromEntries(rows.map((r) => [r.objectId, r]));
    const { sim } = setup({ state });
    for (const separator of ['', '?separator=pipe']) {
      const res = await sim.app.request(`/__admin/files/CABA/F4/fec${separator}`);
      expect(res.status).toBe(200);
      const fec = parseFec(await res.text());
      expect(fec.map((l) => [l.ecritureNum, l.journalCode, l.compteNum, l.compAuxNum, l.debit, l.credit])).toEqual(
        rows.map((r) => [
          String(r.numeroEcriture),
          r.journalCode,
          r.compteNumero,
          r.compteAuxiliaire ?? '',
          Math.round(r.debit * 100),
          Math.round(r.credit * 100),
        ]),
      );
      const ref = referenceData(fec);
      expect(ref.subsidiaryAccounts).toEqual([
        { code: 'FBUROTIC', label: folder.tiers.FBUROTIC!.raisonSociale, collectiveAccount: '401000' },
      ]);
      expect(ref.journals).toEqual([{ code: 'OD', label: folder.journaux.OD!.libelle }]);
      expect(ref.accounts.find((a) => a.number === rows[0]!.compteNumero)?.label).toBe(
        folder.comptes[rows[0]!.compteNumero]!.libelle,
      );
    }
  });

  it("answers 404 for a folder the firm does not have, another firm's included", async () => {
    const { sim } = setup();
    for (const path of [
      '/__admin/files/CABA/NOPE/fec',
      '/__admin/files/CABA/BONLY/fec',
      '/__admin/files/constructor/F1/fec',
    ]) {
      const res = await sim.app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not-found');
    }
  });
});
