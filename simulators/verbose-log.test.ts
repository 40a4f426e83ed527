import { describe, expect, it } from 'vitest';
import type { SageGeState } from './sage-ge/state/schema.js';
import { formatRequestLine, startSimulators, type RequestLogLine } from './start.js';

/** `ledgersim start --verbose` / `--log json`, and what the journal records and lets you filter. */
describe('the request log and the journal', () => {
  it('gives one line per request with its status, duration, tenant and the catalogue id of a rejection, and no secret', async () => {
    const lines: RequestLogLine[] = [];
    const running = await startSimulators({
      portBase: 0,
      seed: 1,
      dashboard: false,
      only: ['sage-ge'],
      now: '2026-03-16T09:00:00Z',
      onRequest: (line) => lines.push(line),
    });
    try {
      const sage = running.simulators[0]!;
      const state = sage.simulator.store.data as SageGeState;
      const secret = state.tenants['ENT-3']!.geIdentifier;
      const res = await fetch(`${sage.url}/api/v1/files`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        simulator: 'sage-ge',
        method: 'GET',
        path: '/api/v1/files',
        status: res.status,
        tenantId: 'ENT-3',
        catalogueId: 'SGE-API-RIGHTS-MISSING',
      });
      expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
      const text = formatRequestLine(lines[0]!);
      expect(text).toContain(`GET    /api/v1/files ${res.status}`);
      expect(text).toContain('SGE-API-RIGHTS-MISSING');
      expect(JSON.stringify(lines) + text).not.toContain(secret);

      // The journal keeps the headers with the secret redacted, takes a glob, and can be cleared.
      const journal = (await (
        await fetch(`${sage.url}/__admin/requests?path=${encodeURIComponent('/api/*/files')}`)
      ).json()) as { requests: { requestHeaders: Record<string, string>; catalogueId?: string }[] };
      expect(journal.requests).toHaveLength(1);
      expect(journal.requests[0]!.requestHeaders.authorization).toBe('[redacted]');
      expect(journal.requests[0]!.catalogueId).toBe('SGE-API-RIGHTS-MISSING');
      expect(JSON.stringify(journal)).not.toContain(secret);
      const other = (await (
        await fetch(`${sage.url}/__admin/requests?path=${encodeURIComponent('/api/*')}`)
      ).json()) as { requests: unknown[] };
      expect(other.requests).toHaveLength(0); // `*` is one segment, as in the fault rules
      const cleared = await fetch(`${sage.url}/__admin/requests`, { method: 'DELETE' });
      expect(await cleared.json()).toEqual({ cleared: 1 });
      // Only the clearing request itself is left (admin writes are journaled).
      expect(sage.simulator.journal.list().map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /__admin/requests']);
    } finally {
      await running.close();
    }
  });
});
