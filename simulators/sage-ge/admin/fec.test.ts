import { describe, expect, it } from 'vitest';
import { parseFec, referenceData } from '../../../contracts/fec/parse.js';
import { createVirtualClock } from '../../../core/clock.js';
import { createSageGeSimulator } from '../index.js';
import { buildEntity, buildFile } from '../seed/builders.js';
import type { EntryState, SageGeState } from '../state/schema.js';

const START = '2026-03-16T09:00:00.000Z';

function entry(id: string, seq: number, status: EntryState['status'], account: string): EntryState {
  return {
    id,
    seq,
    status,
    queuedAt: START,
    ...(status === 'injected' ? { processedAt: '2026-03-17T08:00:00.000Z' } : {}),
    trackingCode: '#ABCDE#',
    documentNumber: `DOC-${id}`,
    request: {
      kind: 'purchase',
      journalCode: 'AC',
      postingDate: '2026-03-10',
      documentDate: '2026-03-09',
      documentNumber: `DOC-${id}`,
      label: 'Fournitures Bureau Vallée',
      comment: '#ABCDE#',
      lines: [
        { accountNumber: account, debit: 100.5, credit: 0 },
        { accountNumber: '401000', subsidiaryAccount: 'FBUREAU', debit: 0, credit: 100.5 },
      ],
      attachments: [],
    },
  };
}

describe('GET /__admin/files/:tenant/:file/fec', () => {
  it("gives the FEC of the entries injected into the file's books, with its labels, readable back", async () => {
    const now = new Date(START);
    const file = buildFile('F1', now, { name: 'Dossier test' });
    file.subsidiaryAccounts.FBUREAU = { code: 'FBUREAU', label: 'BUREAU VALLEE', collectiveAccount: '401000' };
    file.entries = { E1: entry('E1', 1, 'injected', '606400'), E2: entry('E2', 2, 'queued', '606300') };
    const state: SageGeState = { tenants: { ENT: buildEntity('ENT', now, { name: 'Cabinet', files: [file] }) } };
    const sim = createSageGeSimulator({ clock: createVirtualClock({ start: START }), initialState: state });
    try {
      for (const separator of ['', '?separator=pipe']) {
        const res = await sim.app.request(`/__admin/files/ENT/F1/fec${separator}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        const lines = parseFec(await res.text());
        // The queued entry is in the Sage cloud, not in the books.
        expect(lines.map((l) => [l.ecritureNum, l.compteNum, l.compAuxNum, l.debit, l.credit, l.ecritureDate])).toEqual(
          [
            ['DOC-E1', '606400', '', 10_050, 0, '2026-03-10'],
            ['DOC-E1', '401000', 'FBUREAU', 0, 10_050, '2026-03-10'],
          ],
        );
        const ref = referenceData(lines);
        expect(ref.accounts.find((a) => a.number === '606400')?.label).toBe(file.accounts['606400']!.label);
        expect(ref.subsidiaryAccounts).toEqual([
          { code: 'FBUREAU', label: 'BUREAU VALLEE', collectiveAccount: '401000' },
        ]);
        expect(ref.journals[0]!.label).toBe(file.journals.AC!.label);
      }
      const missing = await sim.app.request('/__admin/files/ENT/NOPE/fec');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'not-found', message: 'No file NOPE in tenant ENT' });
    } finally {
      await sim.close();
    }
  });
});
