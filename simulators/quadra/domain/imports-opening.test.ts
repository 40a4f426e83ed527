import { describe, expect, it } from 'vitest';
import { DOSSIER, asciiFile, purchaseLines, setup } from '../test-support.js';

const MINUTE = 60_000;

/**
 * Opening a dossier, as mutation testing (issue 18) found it untested: the moment of the last
 * opening (the dashboard shows it), the upload order when a file is replaced or two arrive in the
 * same instant, import ids that run on from one opening to the next, the report's content type.
 */
describe('Quadra dossier opening', () => {
  it('records when the dossier was last opened', async () => {
    const h = setup();
    expect(h.dossier().lastOpenedAt).toBeNull();
    await h.openDossier();
    expect(h.dossier().lastOpenedAt).toBe(h.sim.clock.now().toISOString());
  });

  it('takes a replaced file at its new upload time, and files uploaded in the same instant by name', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    await h.advance(MINUTE);
    await h.upload(asciiFile(purchaseLines()), 'B.TXT');
    await h.advance(MINUTE);
    // A.TXT replaced: it was uploaded last, so it is taken last.
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    await h.upload(asciiFile(purchaseLines()), 'D.TXT');
    await h.upload(asciiFile(purchaseLines()), 'C.TXT');
    const opening = await h.openDossier();
    expect(opening.imported.map((i) => [i.file, i.importId])).toEqual([
      ['B.TXT', 'IMP-000001'],
      ['A.TXT', 'IMP-000002'],
      ['C.TXT', 'IMP-000003'],
      ['D.TXT', 'IMP-000004'],
    ]);
  });

  it('numbers the imports on from one opening to the next, keeping the earlier ones', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines()), 'A.TXT');
    const first = await h.openDossier();
    await h.upload(asciiFile(purchaseLines()), 'B.TXT');
    const second = await h.openDossier();
    const ids = [...first.imported, ...second.imported].map((i) => i.importId);
    expect(new Set(ids).size).toBe(2);
    expect(Object.keys(h.dossier().imports).sort()).toEqual([...ids].sort());
    await h.advance(5 * MINUTE);
    expect(await h.entries()).toHaveLength(6);
  });

  it('serves a rejection report as JSON', async () => {
    const h = setup();
    await h.upload(asciiFile(purchaseLines({ date: '2025-12-31' })));
    expect((await h.openDossier()).rejected).toHaveLength(1);
    const s = await h.sas();
    const res = await h.request(h.blobUrl(s, 'archive/rejected/ECRITURES.TXT.report.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()) as { dossier: string }).toMatchObject({ dossier: DOSSIER, imported: 0 });
  });
});
