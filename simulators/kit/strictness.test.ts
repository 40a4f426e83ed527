import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { RESERVED_KEY_MESSAGE } from '../../contracts/common/primitives.js';
import { LOOP_MESSAGES } from '../../contracts/loop/messages.js';
import { LoopErrorBodySchema } from '../../contracts/loop/wire.js';
import { QuadraErrorBodySchema, TokenResponseSchema } from '../../contracts/quadra/wire.js';
import type { QuadraState } from '../quadra/state/schema.js';
import { setup } from '../loop/test-support.js';
import { createQuadraSimulator } from '../quadra/index.js';
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
const IMPORT = '/loop-api-publiques/importJson';
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

type QuadraFirm = QuadraState['tenants'][string];

type Doc = { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: any }> } }>> };

async function servedBody(
  app: { request: (url: string) => Response | Promise<Response> },
  path: string,
  type: string,
  method = 'post',
) {
  const served = (await (await app.request(`${ORIGIN}/openapi.json`)).json()) as never;
  const doc = (await SwaggerParser.dereference(served)) as unknown as Doc;
  return doc.paths[path]![method]!.requestBody.content[type]!.schema;
}

/** The request body limit the document states (its `size` rule), in bytes. */
async function statedLimit(app: { request: (url: string) => Response | Promise<Response> }, path: string) {
  const doc = (await (await app.request(`${ORIGIN}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody: { 'x-rules': string[] } }>>;
  };
  const rule = doc.paths[path]!.post!.requestBody['x-rules'].find((r) => r.startsWith('size:'))!;
  return Number(/at most (\d+) bytes/.exec(rule)![1]);
}

type Ligne = Line & { compteAuxiliaire?: string };
type Ecriture = { datePiece: string; lignes: Ligne[] };
type ImportBody = {
  codeIbs: string;
  data: {
    contexte?: { from: string; to: string };
    options?: { multiPeriode?: boolean };
    ecritures?: Ecriture[];
    tiers?: { code: string }[];
  };
};

/**
 * The document's `x-rules` of the import, applied to a generated body as the document states them
 * (the calendar date of a bound is what is written before its `T`); false when the body cannot be
 * made to follow them (neither entries nor third parties).
 */
function followImportRules(body: ImportBody): boolean {
  const data = body.data;
  const ecritures = data.ecritures ?? [];
  for (const e of ecritures) {
    for (const line of e.lignes) {
      line.debit = cents(line.debit) / 100;
      line.credit = cents(line.credit) / 100;
    }
    if (!balance({ lines: e.lignes })) return false;
  }
  const day = (bound: string) => bound.slice(0, 10);
  if (data.contexte && day(data.contexte.from) > day(data.contexte.to))
    data.contexte = { from: data.contexte.to, to: data.contexte.from };
  if (ecritures.length === 0) return (data.tiers?.length ?? 0) > 0;
  if (!data.contexte) data.options = { ...data.options, multiPeriode: true };
  else if (!data.options?.multiPeriode)
    for (const e of ecritures)
      if (e.datePiece < day(data.contexte.from) || e.datePiece > day(data.contexte.to))
        e.datePiece = day(data.contexte.from);
  return true;
}

/** One way to break a body that follows the document, and the message Loop then answers. */
type Mutation = { name: string; applies: (b: ImportBody) => boolean; apply: (b: ImportBody) => void; message: string };
const withEntries = (b: ImportBody) => (b.data.ecritures?.length ?? 0) > 0;
const MUTATIONS: Mutation[] = [
  {
    name: 'a contexte bound that is not ISO',
    applies: () => true,
    apply: (b) => {
      b.data.contexte = { from: '04/06/2020', to: '2020-06-30' };
      b.data.options = { multiPeriode: true };
    },
    message: LOOP_MESSAGES.contexteDate,
  },
  {
    name: 'a contexte ending before it starts',
    applies: () => true,
    apply: (b) => {
      b.data.contexte = { from: '2020-06-04T00:00:00.000Z', to: '2020-06-03' };
      b.data.options = { multiPeriode: true };
    },
    message: LOOP_MESSAGES.contexteOrder,
  },
  {
    name: 'a reserved auxiliary code',
    applies: (b) => withEntries(b) || (b.data.tiers?.length ?? 0) > 0,
    apply: (b) => {
      if (withEntries(b)) b.data.ecritures![0]!.lignes[0]!.compteAuxiliaire = '__proto__';
      else b.data.tiers![0]!.code = 'constructor';
    },
    message: RESERVED_KEY_MESSAGE,
  },
  {
    name: 'a line with both a debit and a credit',
    applies: withEntries,
    apply: (b) => {
      const line = b.data.ecritures![0]!.lignes[0]!;
      line.debit = 1;
      line.credit = 1;
    },
    message: LOOP_MESSAGES.lineAmount,
  },
  {
    name: 'entries with no contexte and no multiPeriode',
    applies: withEntries,
    apply: (b) => {
      delete b.data.contexte;
      b.data.options = { multiPeriode: false };
    },
    message: LOOP_MESSAGES.contexteMissing,
  },
  {
    name: 'an entry dated outside the contexte',
    applies: withEntries,
    apply: (b) => {
      b.data.contexte = { from: '2020-06-04', to: '2020-06-30T23:59:59+02:00' };
      b.data.options = { multiPeriode: false };
      for (const e of b.data.ecritures!) e.datePiece = '2020-06-10';
      b.data.ecritures![0]!.datePiece = '2020-07-01';
    },
    message: LOOP_MESSAGES.outsideContexte('2020-07-01', '2020-06-04', '2020-06-30T23:59:59+02:00'),
  },
  {
    name: 'an unbalanced entry',
    applies: withEntries,
    apply: (b) => {
      const line = b.data.ecritures![0]!.lignes[0]!;
      if (line.debit > 0) line.debit = cents(line.debit + 1) / 100;
      else line.credit = cents(line.credit + 1) / 100;
    },
    message: LOOP_MESSAGES.unbalanced,
  },
  {
    name: 'neither entries nor third parties',
    applies: () => true,
    apply: (b) => {
      b.data.ecritures = [];
      delete b.data.tiers;
    },
    message: LOOP_MESSAGES.ecrituresMissing,
  },
];

describe('the documents are as strict as the server: Loop importJson', () => {
  it("generated bodies that follow the x-rules pass validation; each broken by one rule is refused with that rule's message", async () => {
    const { generate } = await import('json-schema-faker');
    const loop = setup();
    const schema = await servedBody(loop.sim.app, IMPORT, 'application/json');
    const rules = [...schema.properties.data['x-rules'], ...schema.properties.data.properties.contexte['x-rules']];
    expect(rules.map((r: string) => r.split(':')[0]).sort()).toEqual([
      'contexte-required',
      'ecritures-or-tiers',
      'ordered',
      'within-contexte',
    ]);
    const limit = await statedLimit(loop.sim.app, IMPORT);
    const send = (body: unknown) => loop.request(IMPORT, { method: 'POST', as: 'CABA', json: body });
    const used = new Set<string>();
    let checked = 0;
    let oversized = 0;
    for (let seed = 1; seed <= 80 && checked < 24; seed += 1) {
      // Below its default depth json-schema-faker gives up on a line and writes
      // `{ compteNumero: '', debit: 0, credit: 0 }` (the lines are six levels down): deeper, so
      // every value is one it generated. Short arrays keep a body of 1,000 entries out of a test.
      const body = (await generate(schema, { seed, maxItems: 6, maxDepth: 12 })) as ImportBody;
      if (!followImportRules(body)) continue;
      if (Buffer.byteLength(JSON.stringify(body)) > limit) {
        oversized += 1;
        continue;
      }
      // The folder the key sees: what the state decides (an unknown folder) is not the document's business.
      body.codeIbs = 'F1';
      const res = await send(body);
      const answer = await res.text();
      expect(res.status, `seed ${seed}: ${answer.slice(0, 400)} for ${JSON.stringify(body).slice(0, 600)}`).toBe(200);

      const applicable = MUTATIONS.filter((m) => m.applies(body));
      const mutation = applicable[checked % applicable.length]!;
      const broken = structuredClone(body);
      mutation.apply(broken);
      const before = loop.stateSnapshot();
      const refused = await send(broken);
      const text = await refused.text();
      expect(refused.status, `${mutation.name}: ${text}`).toBe(400);
      const error = LoopErrorBodySchema.parse(JSON.parse(text));
      expect(error.code).toBe('ValidationError');
      expect([error.message, ...(error.errors ?? []).map((e) => e.message)], mutation.name).toContain(mutation.message);
      expect(loop.stateSnapshot()).toBe(before);
      used.add(mutation.name);
      checked += 1;
    }
    expect(checked).toBe(24);
    expect(oversized, 'the size rule is not what skips most bodies').toBeLessThan(checked);
    expect([...used].sort()).toEqual(MUTATIONS.map((m) => m.name).sort());
  });
});

describe('the documents are as strict as the server: Quadra token forms', () => {
  // The generated credentials are swapped for the demo firm's (which key is whose is the state's
  // business, not the document's), so that every generated form must be answered with a token.
  const forms = [
    {
      path: '/QuadraODOpenApi/token',
      client: (firm: QuadraFirm) => ({ client_id: firm.sicCode, client_secret: firm.cpa.key }),
      extra: { scope: 'compta' },
      code: 'invalid_scope',
    },
    // The CFE form is the simulator's own and strict: any field it does not name is a validation error.
    {
      path: '/CFE/token',
      client: (firm: QuadraFirm) => ({ client_id: firm.cfe.key, client_secret: firm.cfe.secret }),
      extra: { scope: 'compta' },
      code: 'ValidationError',
    },
  ];
  it.each(forms)(
    '$path: generated forms are answered with a token; a scope is refused with $code',
    async ({ path, client, extra, code }) => {
      const { generate } = await import('json-schema-faker');
      const sim = createQuadraSimulator();
      const firm = Object.values(sim.store.data.tenants).find((f) => f.portalAccess)!;
      const schema = await servedBody(sim.app, path, 'application/x-www-form-urlencoded');
      if (path.startsWith('/QuadraODOpenApi')) expect(schema.properties.scope.not).toEqual({});
      const post = (form: Record<string, string>) =>
        sim.app.request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        });
      for (let seed = 1; seed <= 20; seed += 1) {
        const form = { ...((await generate(schema, { seed })) as Record<string, string>), ...client(firm) };
        expect(Object.keys(form)).not.toContain('scope');
        const res = await post(form);
        const text = await res.text();
        expect(res.status, `seed ${seed}: ${JSON.stringify(form)} → ${text}`).toBe(200);
        TokenResponseSchema.parse(JSON.parse(text));

        const before = JSON.stringify(sim.store.data);
        const refused = await post({ ...form, ...extra });
        const error = QuadraErrorBodySchema.parse(await refused.json());
        expect(refused.status).toBe(400);
        expect(error.error).toBe(code);
        expect(error.error_description).toMatch(/scope/);
        expect(JSON.stringify(sim.store.data)).toBe(before);
      }
    },
  );
});

describe('the documents are as strict as the server: Sage GE third parties', () => {
  it('generated upserts pass validation; a reserved subsidiary account code is refused, as the document says', async () => {
    const { generate } = await import('json-schema-faker');
    const sim = createSageGeSimulator();
    const entity = Object.values(sim.store.data.tenants)[0]!;
    const schema = await servedBody(sim.app, '/api/v1/files/{fileId}/third-parties', 'application/json', 'put');
    expect(schema.properties.thirdParties.items.properties.subsidiaryAccount.not.enum).toContain('__proto__');
    const put = (body: unknown) =>
      sim.app.request(`${ORIGIN}/api/v1/files/healthy/third-parties`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${entity.geIdentifier}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (let seed = 1; seed <= 20; seed += 1) {
      const body = (await generate(schema, { seed, maxItems: 6 })) as { thirdParties: { subsidiaryAccount: string }[] };
      const res = await put(body);
      const answer = await res.text();
      expect(res.status, `seed ${seed}: ${answer.slice(0, 400)} for ${JSON.stringify(body).slice(0, 400)}`).toBe(200);

      const reserved = structuredClone(body);
      reserved.thirdParties[0]!.subsidiaryAccount = '__proto__';
      const before = JSON.stringify(sim.store.data);
      const refused = await put(reserved);
      expect(refused.status).toBe(400);
      const error = (await refused.json()) as { $dataCode: string; $message: string }[];
      expect(error[0]!.$dataCode).toBe('ValidationError');
      expect(error.map((e) => e.$message).join(' ')).toContain(RESERVED_KEY_MESSAGE);
      expect(JSON.stringify(sim.store.data)).toBe(before);
    }
  });
});
