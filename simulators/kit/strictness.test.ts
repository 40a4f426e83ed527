import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createSageGeSimulator } from '../sage-ge/index.js';

/**
 * Sage GE's entry push: bodies generated from the served document (json-schema-faker, seeded),
 * with the rule the document names in `x-rules` (the entry balances) applied, pass the server's
 * validation; the same bodies with a line carrying both a debit and a credit (what the
 * document's `oneOf` forbids) are refused with the server's validation error. What the state
 * decides (an account missing from the chart, a closed year) is a catalogue rejection, not a
 * refusal of the body's shape: only `ValidationError` counts as the document being too loose.
 */
const ORIGIN = 'http://127.0.0.1';
const ENTRIES = '/api/v1/files/{fileId}/entries';
const cents = (n: number) => Math.round(n * 100);

type Line = { debit: number; credit: number };

/**
 * The rule of `x-rules`, applied to a generated body: each even line is mirrored by the next (its
 * amount on the other side), an odd last line goes. Every line keeps a debit or a credit, and the
 * whole balances, whatever the generated amounts.
 */
function balance(body: { lines: Line[] }): boolean {
  if (body.lines.length % 2 === 1) body.lines.pop();
  if (body.lines.length < 2) return false;
  for (let i = 0; i + 1 < body.lines.length; i += 2) {
    const amount = body.lines[i]!.debit || body.lines[i]!.credit;
    body.lines[i + 1]!.debit = body.lines[i]!.credit === 0 ? 0 : amount;
    body.lines[i + 1]!.credit = body.lines[i]!.credit === 0 ? amount : 0;
  }
  return true;
}

describe('the documents are as strict as the server: Sage GE entries', () => {
  it('generated bodies pass validation; a line with both a debit and a credit is refused, as the document says', async () => {
    const { generate } = await import('json-schema-faker');
    const sim = createSageGeSimulator();
    const entity = Object.values(sim.store.data.tenants)[0]!;
    const served = (await (await sim.app.request(`${ORIGIN}/openapi.json`)).json()) as never;
    const doc = (await SwaggerParser.dereference(served)) as unknown as {
      paths: Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: any } } } }>>;
    };
    const schema = doc.paths[ENTRIES]!.post!.requestBody.content['application/json'].schema;
    expect(schema['x-rules']).toEqual([expect.stringMatching(/^balanced:/)]);
    expect(schema.properties.lines.items.oneOf).toHaveLength(2);
    const push = (body: unknown) =>
      sim.app.request(`${ORIGIN}/api/v1/files/healthy/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${entity.geIdentifier}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    let checked = 0;
    for (let seed = 1; seed <= 40 && checked < 20; seed += 1) {
      const body = (await generate(schema, { seed })) as { lines: Line[] };
      // json-schema-faker draws a multiple of 0.01 by float multiplication (156295169843.36002):
      // snapped to the cent, which is what `multipleOf: 0.01` asks.
      for (const line of body.lines) {
        line.debit = cents(line.debit) / 100;
        line.credit = cents(line.credit) / 100;
      }
      if (!balance(body)) continue;
      for (const line of body.lines)
        expect((line.debit === 0) !== (line.credit === 0), JSON.stringify(line)).toBe(true);
      const res = await push(body);
      const answer = await res.text();
      expect(answer, `seed ${seed}: ${JSON.stringify(body).slice(0, 400)}`).not.toContain('"ValidationError"');
      expect(res.status, answer).toBeLessThan(500);

      const both = structuredClone(body);
      both.lines[0]!.debit = 1;
      both.lines[0]!.credit = 1;
      const refused = await push(both);
      expect(refused.status).toBe(400);
      const error = (await refused.json()) as { $dataCode: string; $message: string }[];
      expect(error[0]!.$dataCode).toBe('ValidationError');
      expect(error.map((e) => e.$message).join(' ')).toContain('a line has either a debit or a credit');
      checked += 1;
    }
    expect(checked).toBe(20);
  });
});
