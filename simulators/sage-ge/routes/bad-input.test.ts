import { describe, expect, it } from 'vitest';
import { FILE, entryBody, expectSageError, setup, type Harness } from '../test-support.js';

/**
 * Whatever a client sends, the answer is Sage's error body (an array of `$severity`, `$dataCode`,
 * `$message`), never a 500, and a refused request changes nothing.
 */
async function expectRefused(
  h: Harness,
  send: () => Promise<Response>,
  status: number,
  dataCode: string,
  message?: string | RegExp,
) {
  const before = h.stateSnapshot();
  const res = await send();
  expect(res.status).not.toBe(500);
  const result = await expectSageError(res, status, dataCode, message);
  expect(h.stateSnapshot()).toBe(before);
  return result;
}

const pushRaw =
  (h: Harness, raw: string, headers: Record<string, string> = {}) =>
  () =>
    h.request(h.api(FILE, 'entries'), { method: 'POST', raw, headers });
const pushJson =
  (h: Harness, json: unknown, headers: Record<string, string> = {}) =>
  () =>
    h.request(h.api(FILE, 'entries'), { method: 'POST', json, headers });

describe('Sage GE bad input', () => {
  it('refuses malformed JSON', async () => {
    const h = setup();
    await expectRefused(
      h,
      pushRaw(h, '{"kind": "purchase",'),
      400,
      'MalformedJson',
      'Malformed JSON in the request body',
    );
    await expectRefused(
      h,
      () => h.request(h.api(FILE, 'third-parties'), { method: 'PUT', raw: '{{' }),
      400,
      'MalformedJson',
    );
  });

  it('refuses a body that is not an object', async () => {
    const h = setup();
    for (const raw of ['[]', 'null', '42', '"entry"'])
      await expectRefused(h, pushRaw(h, raw), 400, 'ValidationError', /^body: /);
  });

  it('refuses a body that is not JSON', async () => {
    const h = setup();
    await expectRefused(h, pushRaw(h, 'kind=purchase', { 'content-type': 'text/plain' }), 415, 'UnsupportedMediaType');
  });

  it('refuses wrong types, naming the field', async () => {
    const h = setup();
    const { body } = await expectRefused(
      h,
      pushJson(h, { ...entryBody(), postingDate: 20260310 }),
      400,
      'ValidationError',
      /^body\.postingDate: /,
    );
    expect(body[0]!.$source).toBe('body.postingDate');
    await expectRefused(h, pushJson(h, { ...entryBody(), kind: 'invoice' }), 400, 'ValidationError', /^body\.kind: /);
    await expectRefused(h, pushJson(h, { ...entryBody(), lines: 'none' }), 400, 'ValidationError', /^body\.lines: /);
    const line = { ...entryBody().lines[0]!, debit: '100' };
    await expectRefused(
      h,
      pushJson(h, { ...entryBody(), lines: [line, entryBody().lines[1]] }),
      400,
      'ValidationError',
      /debit/,
    );
    await expectRefused(
      h,
      pushJson(
        h,
        entryBody({
          lines: [
            { accountNumber: '6064AB', debit: 1, credit: 0 },
            { accountNumber: '401000', subsidiaryAccount: 'F1', debit: 0, credit: 1 },
          ],
        }),
      ),
      400,
      'ValidationError',
      /accountNumber: digits only/,
    );
  });

  it('refuses unknown fields, in the entry, its lines and the third parties', async () => {
    const h = setup();
    await expectRefused(h, pushJson(h, { ...entryBody(), currency: 'EUR' }), 400, 'ValidationError', /currency/);
    const lines = entryBody().lines.map((l, i) => (i === 0 ? { ...l, vatCode: 'TVA20' } : l));
    await expectRefused(h, pushJson(h, { ...entryBody(), lines }), 400, 'ValidationError', /vatCode/);
    await expectRefused(
      h,
      () =>
        h.request(h.api(FILE, 'third-parties'), {
          method: 'PUT',
          json: {
            thirdParties: [
              { type: 'supplier', name: 'X', subsidiaryAccount: 'FX', collectiveAccount: '401000', iban: 'FR76' },
            ],
          },
        }),
      400,
      'ValidationError',
      /iban/,
    );
  });

  it('refuses an entry that does not balance', async () => {
    const h = setup();
    const body = entryBody({
      lines: [
        { accountNumber: '606400', debit: 100, credit: 0 },
        { accountNumber: '401000', subsidiaryAccount: 'F1', debit: 0, credit: 99.99 },
      ],
    });
    await expectRefused(
      h,
      pushJson(h, body),
      400,
      'ValidationError',
      'body.lines: the entry does not balance: total debit must equal total credit',
    );
  });

  it('refuses a line with both a debit and a credit, and amounts with more than two decimals', async () => {
    const h = setup();
    await expectRefused(
      h,
      pushJson(
        h,
        entryBody({
          lines: [
            { accountNumber: '606400', debit: 10, credit: 10 },
            { accountNumber: '512000', debit: 0, credit: 0 },
          ],
        }),
      ),
      400,
      'ValidationError',
      /either a debit or a credit/,
    );
    await expectRefused(
      h,
      pushJson(
        h,
        entryBody({
          lines: [
            { accountNumber: '606400', debit: 10.001, credit: 0 },
            { accountNumber: '512000', debit: 0, credit: 10.001 },
          ],
        }),
      ),
      400,
      'ValidationError',
      /two decimals/,
    );
  });

  it('refuses impossible dates', async () => {
    const h = setup();
    for (const postingDate of ['2026-02-30', '2026-13-01', '2025-02-29', '16/03/2026']) {
      await expectRefused(
        h,
        pushJson(h, entryBody({ postingDate })),
        400,
        'ValidationError',
        'body.postingDate: Invalid ISO date',
      );
    }
    expect((await h.push(entryBody({ postingDate: '2024-02-29', documentDate: '2024-02-29' }))).status).toBe(202);
  });

  it('refuses a bad query or Idempotency-Key', async () => {
    const h = setup();
    await expectRefused(h, () => h.request(h.api(FILE, 'entries?limit=abc')), 400, 'ValidationError', /query\.limit/);
    await expectRefused(
      h,
      () => h.request(h.api(FILE, 'entries?trackingCode=%23AB12C%23')),
      400,
      'ValidationError',
      /query\.trackingCode/,
    );
    await expectRefused(
      h,
      () => h.request(h.api(FILE, 'entries?status=lost')),
      400,
      'ValidationError',
      /query\.status/,
    );
    await expectRefused(
      h,
      pushJson(h, entryBody(), { 'idempotency-key': 'x'.repeat(101) }),
      400,
      'ValidationError',
      /idempotency-key/,
    );
  });

  it('refuses names the store cannot key by (Idempotency-Key, subsidiary account codes) as bad input, not with a 500', async () => {
    const h = setup();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      await expectRefused(
        h,
        pushJson(h, entryBody(), { 'idempotency-key': key }),
        400,
        'ValidationError',
        /idempotency-key: this name is reserved/,
      );
      const body = entryBody();
      body.lines[2] = { ...body.lines[2]!, subsidiaryAccount: key };
      await expectRefused(h, pushJson(h, body), 400, 'ValidationError', /subsidiaryAccount: this name is reserved/);
      await expectRefused(
        h,
        () =>
          h.request(h.api(FILE, 'third-parties'), {
            method: 'PUT',
            json: {
              thirdParties: [{ type: 'supplier', name: 'X', subsidiaryAccount: key, collectiveAccount: '401000' }],
            },
          }),
        400,
        'ValidationError',
        /subsidiaryAccount: this name is reserved/,
      );
    }
  });

  it('refuses missing or wrong credentials before reading the body', async () => {
    const h = setup();
    await expectRefused(
      h,
      () => h.request(h.api(FILE, 'entries'), { method: 'POST', raw: '{oops', as: null }),
      401,
      'Unauthorized',
      /Missing GE identifier/,
    );
    await expectRefused(
      h,
      () =>
        h.request(h.api(FILE, 'entries'), {
          method: 'POST',
          json: entryBody(),
          headers: { authorization: 'Bearer GE-ENT-Z-0000000000000000' },
        }),
      401,
      'Unauthorized',
      'Unknown GE identifier',
    );
  });

  it("answers an unknown route with a 404 in Sage's shape", async () => {
    const h = setup();
    await expectRefused(h, () => h.request('/api/v1/invoices'), 404, 'NotFound', 'No route for GET /api/v1/invoices');
    await expectRefused(h, () => h.request(h.api(FILE, 'entries'), { method: 'DELETE' }), 404, 'NotFound');
    await expectRefused(h, () => h.request('/nope', { as: null }), 404, 'NotFound');
    // Under the vendor prefix, credentials come first.
    await expectRefused(h, () => h.request('/api/v1/invoices', { as: null }), 401, 'Unauthorized');
  });

  it('answers a file id that does not exist with 404', async () => {
    const h = setup();
    await expectRefused(
      h,
      () => h.request(h.api('nope', 'entries'), { method: 'POST', json: entryBody() }),
      404,
      'FileNotFound',
      'No file nope in this entity',
    );
    await expectRefused(h, () => h.request('/api/v1/files/__proto__/journals'), 404, 'FileNotFound');
    await expectRefused(h, () => h.request('/api/v1/files/main/entries/constructor'), 404, 'EntryNotFound');
  });

  it('refuses a body over the limit with 413', async () => {
    const h = setup();
    const huge = JSON.stringify({ ...entryBody(), comment: 'x'.repeat(6 * 1024 * 1024) });
    await expectRefused(
      h,
      pushRaw(h, huge),
      413,
      'PayloadTooLarge',
      `The request body is larger than ${5 * 1024 * 1024} bytes`,
    );
  });

  it('refuses a body over a configured limit with 413', async () => {
    const h = setup({ maxBodyBytes: 2048 });
    await expectRefused(h, pushJson(h, entryBody({ comment: 'y'.repeat(3000) })), 413, 'PayloadTooLarge');
    expect((await h.push(entryBody())).status).toBe(202);
  });
});
