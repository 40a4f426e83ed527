import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from './recording.js';
import { parseUpstream, startRecorder, UpstreamError } from './record.js';
import { replayRecording } from './replay.js';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the recording proxy', () => {
  it('answers 502 when the upstream cannot be reached, records why, and the replay skips that exchange', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-record-'));
    try {
      const out = join(dir, 'r.jsonl');
      const recorder = await startRecorder({ upstream: `http://127.0.0.1:${await closedPort()}`, port: 0, out });
      const res = await fetch(`${recorder.url}/anything?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
        body: '{"a":1}',
      });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { error: string }).error).toBe('UpstreamUnreachable');
      await recorder.close();
      const recording = readRecording(out);
      expect(recording.exchanges).toHaveLength(1);
      expect(recording.exchanges[0]).toMatchObject({
        seq: 1,
        request: { method: 'POST', path: '/anything', query: [['x', '1']], body: { kind: 'json', value: { a: 1 } } },
      });
      expect(recording.exchanges[0]!.response).toBeUndefined();
      expect(recording.exchanges[0]!.error).toMatch(/^upstream unreachable/);
      const result = await replayRecording(recording, { send: async () => new Response('{}') });
      expect(result).toMatchObject({ replayed: 0, differences: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an upstream that is not an http(s) base URL or that carries credentials', () => {
    for (const bad of ['ftp://x.test', 'not a url', 'https://user:pw@x.test', 'https://x.test/?sig=1'])
      expect(() => parseUpstream(bad), bad).toThrow(UpstreamError);
    expect(parseUpstream('https://x.test/base/').href).toBe('https://x.test/base/');
  });
});
