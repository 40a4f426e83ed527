import { describe, expect, it } from 'vitest';
import {
  GetComptesResponseSchema,
  GetDossiersResponseSchema,
  GetEcrituresResponseSchema,
  GetExercicesResponseSchema,
  GetJournauxResponseSchema,
} from '../../../contracts/quadra/wire.js';
import { HOUR, nextNight } from '../../../core/clock.js';
import { DOSSIER, SIC, asciiFile, purchaseLines, setup } from '../test-support.js';

/**
 * The vendor side of the hub's read-back (QDR-READBACK-POSTED, QDR-RETRY-NIGHTS,
 * QDR-FAILED-CHECK are the hub's behaviours; what the simulator owes them is GetEcritures telling
 * the truth at any time on the virtual clock).
 */
describe("GetEcritures for the hub's read-back", () => {
  it('QDR-READBACK-POSTED: 12 hours after sending, the entries of an opened dossier are there to compare', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines({ pieceNumber: 'QONTO-1' })));
    await h.advance(HOUR);
    await h.openDossier();
    await h.advance(11 * HOUR);
    const found = await h.entries();
    expect(found.map((e) => [e.NumeroPiece, e.MontantTenuDebit - e.MontantTenuCredit])).toEqual([
      ['QONTO-1', 100],
      ['QONTO-1', 20],
      ['QONTO-1', -120],
    ]);
    expect(found[0]!.DateImport).toBe('2026-03-16T10:05:00.000Z');
  });

  it('QDR-RETRY-NIGHTS / QDR-FAILED-CHECK: a dossier nobody opens shows nothing, night after night, while another one does', async () => {
    const h = setup({
      tweak: (state) =>
        void (state.tenants[SIC]!.dossiers.OTHER = {
          ...structuredClone(state.tenants[SIC]!.dossiers[DOSSIER]!),
          code: 'OTHER',
        }),
    });
    await h.upload(asciiFile(purchaseLines()));
    await h.upload(asciiFile(purchaseLines({ pieceNumber: 'LATER' })), 'LATER.TXT', 'OTHER');
    await h.openDossier('OTHER');
    for (let night = 1; night <= 3; night++) {
      h.sim.clock.set(nextNight(h.sim.clock.now()));
      await h.sim.settled();
      expect(await h.entries()).toEqual([]);
    }
    expect(await h.entries('OTHER')).toHaveLength(3);
    expect(h.blobPaths()).toEqual(['input/ECRITURES.TXT']);
  });
});

describe('the CPA answers', () => {
  it('match the wire contracts, and the admin clock publishes due imports', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines()));
    await h.openDossier();
    const clock = await h.sim.app.request('/__admin/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: '5m' }),
    });
    expect(clock.status).toBe(200);
    const token = await h.cpaToken();
    const strict = async (
      method: string,
      schema: { strict(): { parse(v: unknown): unknown } },
      query: Record<string, string> = { dossier: DOSSIER },
    ) => {
      const res = await h.cpa(method, method === 'GetDossiers' ? {} : query, token);
      expect(res.status).toBe(200);
      return schema.strict().parse(await res.json());
    };
    await strict('GetDossiers', GetDossiersResponseSchema);
    await strict('GetExercices', GetExercicesResponseSchema);
    await strict('GetComptes', GetComptesResponseSchema);
    await strict('GetJournaux', GetJournauxResponseSchema);
    const ecritures = (await strict('GetEcritures', GetEcrituresResponseSchema)) as { Ecritures: unknown[] };
    expect(ecritures.Ecritures).toHaveLength(3);
  });
});
