import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody } from './recording.js';
import { createRedactor } from './redact.js';

describe('the redaction of a recording', () => {
  it('replaces credential headers, keeping an Authorization scheme, and the same secret by the same placeholder', () => {
    const r = createRedactor();
    const out = r.headers({
      Authorization: 'Bearer tok-123456',
      'Ocp-Apim-Subscription-Key': 'sub-key-abcdef',
      'x-apikey': 'key-1:secret-2',
      cookie: 'session=s3cr3t',
      'content-type': 'application/json',
    });
    expect(out.authorization).toMatch(/^Bearer ~redacted-\d+~$/);
    expect(out['ocp-apim-subscription-key']).toMatch(/^~redacted-\d+~$/);
    expect(out['x-apikey']).toMatch(/^~redacted-\d+~$/);
    expect(out.cookie).toMatch(/^~redacted-\d+~$/);
    expect(out['content-type']).toBe('application/json');
    expect(JSON.stringify(out)).not.toMatch(/tok-123456|sub-key-abcdef|secret-2|s3cr3t/);
    // The token sent again later, or given in a JSON answer, is the same placeholder.
    const again = r.headers({ authorization: 'Bearer tok-123456' });
    expect(again.authorization).toBe(out.authorization);
    const issued = r.body({ kind: 'json', value: { access_token: 'tok-123456', expires_in: 3600 } });
    expect(issued).toEqual({
      kind: 'json',
      value: { access_token: out.authorization!.slice('Bearer '.length), expires_in: 3600 },
    });
  });

  it('replaces secrets in JSON bodies by property name at any depth, by JSON path, and in form bodies', () => {
    const r = createRedactor({ paths: ['credentials.pin', 'items[].code'] });
    const body = r.body({
      kind: 'json',
      value: {
        user: 'alice',
        Password: 'hunter2',
        credentials: { pin: 1234, client_secret: 'cs-xyz' },
        items: [{ code: 'c-1', label: 'keep' }, { code: 'c-2' }],
      },
    });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/hunter2|1234|cs-xyz|c-1|c-2/);
    expect(text).toContain('alice');
    expect(text).toContain('keep');
    const form = r.body({
      kind: 'form',
      value: [
        ['grant_type', 'client_credentials'],
        ['client_id', 'CFE-KEY'],
        ['client_secret', 'cfe-secret-9'],
      ],
    });
    expect(form).toEqual({
      kind: 'form',
      value: [
        ['grant_type', 'client_credentials'],
        ['client_id', 'CFE-KEY'],
        ['client_secret', expect.stringMatching(/^~redacted-\d+~$/)],
      ],
    });
  });

  it('replaces SAS signatures in query strings and in URLs inside answers, keeping the other SAS fields', () => {
    const r = createRedactor();
    expect(
      r.query([
        ['sv', '2021-08-06'],
        ['sig', 'AbC%2Bdef='],
        ['se', '2026-03-17'],
      ]),
    ).toEqual([
      ['sv', '2021-08-06'],
      ['sig', expect.stringMatching(/^~redacted-\d+~$/)],
      ['se', '2026-03-17'],
    ]);
    const answer = r.body({
      kind: 'json',
      value: { uploadUrl: 'https://acct.blob.core.windows.net/c/f.txt?sv=2021&sig=SIGNATURE123&se=2026' },
    }) as { value: { uploadUrl: string } };
    expect(answer.value.uploadUrl).toMatch(
      /^https:\/\/acct\.blob\.core\.windows\.net\/c\/f\.txt\?sv=2021&sig=~redacted-\d+~&se=2026$/,
    );
    const location = r.headers({ location: 'https://x.test/a?sig=OTHER-SIG' });
    expect(location.location).not.toContain('OTHER-SIG');
  });

  it('keeps the shape of a secret object, replacing each of its values', () => {
    const r = createRedactor();
    const body = r.body({ kind: 'json', value: { token: { value: 'tok-9', expires_in: 3600, scopes: ['a'] } } }) as {
      value: { token: Record<string, unknown> };
    };
    expect(body.value.token).toEqual({
      value: expect.stringMatching(/^~redacted-\d+~$/),
      expires_in: expect.stringMatching(/^~redacted-\d+~$/),
      scopes: [expect.stringMatching(/^~redacted-\d+~$/)],
    });
  });

  it('takes more header names and keys, any case', () => {
    const r = createRedactor({ headers: ['X-Domain-Secret'], keys: ['motDePasse'] });
    expect(r.headers({ 'x-domain-secret': 'dom' })['x-domain-secret']).toMatch(/^~redacted-\d+~$/);
    expect(JSON.stringify(r.body({ kind: 'json', value: { MOTDEPASSE: 'mdp-1' } }))).not.toContain('mdp-1');
  });
});

describe('bodies in a recording', () => {
  it('keeps a windows-1252 file byte for byte and JSON as JSON', () => {
    const bytes = new Uint8Array([0x4d, 0x30, 0xe9, 0x0d, 0x0a]); // "M0é\r\n" in windows-1252
    const body = decodeBody(bytes, 'text/plain; charset=windows-1252');
    expect(body?.kind).toBe('base64');
    expect([...encodeBody(body)!]).toEqual([...bytes]);
    expect(decodeBody(new TextEncoder().encode('{"a":1}'), 'application/json')).toEqual({
      kind: 'json',
      value: { a: 1 },
    });
    expect(decodeBody(new Uint8Array(), 'application/json')).toBeNull();
  });
});
