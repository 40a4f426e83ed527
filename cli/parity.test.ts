import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../parity/recording.js';
import { serveApp } from '../simulators/kit/serve.js';
import { createLoopSimulator } from '../simulators/loop/index.js';
import { main } from './main.js';
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
      const running = recordCommand(
        ['--upstream', upstream.url, '--port', '0', '--out', file, '--redact-header', 'x-domain'],
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        stopped,
      );
      await expect.poll(() => out.join('\n')).toMatch(/ledgersim record: http:\/\/127\.0\.0\.1:\d+ →/);
      const url = /(http:\/\/127\.0\.0\.1:\d+) →/.exec(out.join('\n'))![1]!;
      const res = await fetch(`${url}/loop-api-publiques/compte?codeDossier=X`, {
        headers: { 'Ocp-Apim-Subscription-Key': 'sub-0123', 'x-apikey': 'KEY:SECRET', 'x-domain': 'my-domain' },
      });
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

describe('ledgersim parity', () => {
  it('does not call a recording with nothing answered a pass (exit 1), and names a damaged line (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledgersim-parity-cli-'));
    try {
      const header = JSON.stringify({
        type: 'recording',
        version: 1,
        upstream: 'https://x.test',
        recordedAt: '2026-03-16T09:00:00.000Z',
        redaction: { headers: [], paths: [], keys: [] },
      });
      await writeFile(join(dir, 'empty.jsonl'), `${header}\n`);
      const out: string[] = [];
      expect(
        await main(['parity', join(dir, 'empty.jsonl'), '--vendor', 'loop'], {
          out: (l) => out.push(l),
          err: (l) => out.push(l),
        }),
      ).toBe(1);
      expect(out.join('\n')).toContain('Nothing was compared');
      await writeFile(join(dir, 'bad.jsonl'), `${header}\n{"type":"exchange","seq":0}\n`);
      const err: string[] = [];
      expect(
        await main(['parity', join(dir, 'bad.jsonl'), '--vendor', 'loop'], { out: () => {}, err: (l) => err.push(l) }),
      ).toBe(2);
      expect(err.join('\n')).toMatch(/bad\.jsonl:2: seq: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
