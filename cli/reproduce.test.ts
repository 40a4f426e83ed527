import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../contracts/catalogue/index.js';
import { main } from './main.js';
import { capture } from './test-support.js';

/** An outside trial's messages (M2, M7, M8, M11), as `ledgersim reproduce` answers them. */
describe('ledgersim reproduce, an outside trial', () => {
  it('M7: "on ne voit que le début" restricts, it does not deny: the 35-character labels of Loop, exit 0', async () => {
    const c = capture();
    const text = 'Bonjour, les libellés de nos écritures sont coupés dans Loop, on ne voit que le début du texte.';
    expect(await main(['reproduce', text], c.io), c.err()).toBe(0);
    expect(c.out()).toContain('LOOP-DESCRIPTION-35');
    expect(c.out()).toContain('Reproduced');
  }, 30_000);

  it("M8: the customer's denial of the journal lock is said, and the fiscal year not opened in GE is what runs", async () => {
    const c = capture();
    const text =
      'le journal HA n\'est pas verrouillé, pourtant Sage refuse nos achats ? Le message est "Le journal des achats, ventes, OD, etc. est verrouillé ou en lecture seule"';
    expect(await main(['reproduce', text], c.io), c.err()).toBe(0);
    const out = c.out();
    expect(out).toContain('SGE-JOURNAL-LOCKED');
    expect(out).toContain(getEntry('SGE-JOURNAL-LOCKED').cause);
    expect(out).toContain(`the customer denies, in their own words ("n'est pas verrouillé")`);
    expect(out).toContain(`another documented case of SGE-JOURNAL-LOCKED`);
    expect(out).toContain('Reproduced by sage-ge/fy-not-opened');
    expect(out).toContain('Reproduced, and the remedy clears it.');
  }, 30_000);

  it('M8 --json carries the dispute', async () => {
    const c = capture();
    const text =
      "Bonjour, le journal VT n'est pas verrouillé mais nos ventes sont refusées avec « Le journal d'achats, de ventes, d'OD, etc. est verrouillé ou en lecture seule »";
    expect(await main(['reproduce', text, '--json'], c.io), c.err()).toBe(0);
    const answer = JSON.parse(c.out()) as { match: { disputedBy?: string }; result: { id: string } };
    expect(answer.match.disputedBy).toBe("n'est pas verrouillé");
    expect(answer.result.id).toBe('sage-ge/fy-not-opened');
  }, 30_000);

  it("M2: two years in the message: replayed in the latest, the other said precisely, and the vendor's message quotes it", async () => {
    const c = capture();
    const text = 'The fiscal year (2021, 2022) is not part of the last 2 open fiscal years';
    expect(await main(['reproduce', text], c.io), c.err()).toBe(0);
    const out = c.out();
    expect(out).toContain("replayed with the customer's values: years 2024 → 2022");
    expect(out).toMatch(/not replayed: years = 2021 \(the scenario sage-ge\/fy-not-last-two shows one year of its own/);
    expect(out).not.toContain('could not be replayed');
    expect(out).toContain(`P1: sync-failed: ${renderMessage('SGE-FY-NOT-LAST-TWO', { years: '2022' })}`);
  }, 30_000);

  it('M11: two entries described, not sure, exit 2, both listed first', async () => {
    const c = capture();
    const text = 'Dans Quadra, nos comptes fournisseurs (4010000012) sont tronqués à 8 caractères et sans libellé';
    expect(await main(['reproduce', text], c.io)).toBe(2);
    expect(c.err()).toContain('the text describes two entries, QDR-ACCOUNT-8-CHARS and QDR-NO-LABELS');
    expect(c.err()).toMatch(/The candidates:\n {2}QDR-ACCOUNT-8-CHARS [^\n]*\n[^\n]*\n {2}QDR-NO-LABELS/);
    expect(c.out()).toBe('');
  });
});
