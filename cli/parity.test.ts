import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../parity/recording.js';
import { serveApp } from '../simulators/kit/serve.js';
import { createLoopSimulator } from '../simulators/loop/index.js';
import { recordCommand } from './parity.js';

describe('ledgersim record', () => {
  it('prints where to point the connector, records until stopped, and says how many exchanges it wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-record-'));
    const loop = createLoopSimulator();
    const upstream = await serveApp(loop.app.fetch, { port: 0 });
    const out: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const file = join(dir, 'loop.jsonl');
    try {
      const running = recordCommand(['--upstream', upstream.url, '--port', '0', '--out', file, '--redact-header', 'x-domain'], { out: (l) => out.push(l), err: (l) => out.push(l) }, stopped);
      await expect.poll(() => out.join('\n')).toMatch(/ledgersim record: http:\/\/127\.0\.0\.1:\d+ →/);
      const url = /(http:\/\/127\.0\.0\.1:\d+) →/.exec(out.join('\n'))![1]!;
      const res = await fetch(`${url}/loop-api-publiques/compte?codeDossier=X`, { headers: { 'Ocp-Apim-Subscription-Key': 'sub-0123', 'x-apikey': 'KEY:SECRET', 'x-domain': 'my-domain' } });
      expect(res.status).toBe(401);
      stop();
      expect(await running).toBe(0);
      expect(out.join('\n')).toContain(`1 exchange(s) written to ${file}`);
      const { header, exchanges } = readRecording(file);
      expect(header.redaction.headers).toEqual(['x-domain']);
      expect(exchanges[0]!.request.query).toEqual([['codeDossier', 'X']]);
      expect(JSON.stringify(exchanges)).not.toMatch(/sub-0123|KEY:SECRET|my-domain/);
    } finally {
      await upstream.close();
      await loop.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
