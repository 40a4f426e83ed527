import { setupServer } from 'msw/node';
import { describe, expect, inject, it } from 'vitest';
import { createVirtualClock, VENDORS, type CredentialsOf, type VendorId } from 'ledgersim';
import { createLedgersimHandlers } from 'ledgersim/msw';
import type {} from 'ledgersim/vitest';

const clock = createVirtualClock({ start: '2026-03-16T09:00:00Z' });
const connectorOf = (vendor: VendorId, credentials: unknown, baseUrl: string) =>
  VENDORS.connectorFor({ vendor, credentials }, { baseUrl, fetch, clock, maxRetries: 0 });

// Written as a user would, from the README: the installed tarball, no path into the repo.
describe('ledgersim from another project', () => {
  it("ledgersim/vitest gives the servers' URLs and typed credentials that sign in", async () => {
    const { urls, credentials } = inject('ledgersim');
    // Typed per vendor: a field of another vendor's credentials would not compile.
    const sage: CredentialsOf<'sage-ge'> = credentials['sage-ge'][0]!.credentials;
    const ok = await fetch(`${urls['sage-ge']}/api/v1/files`, {
      headers: { authorization: `Bearer ${sage.geIdentifier}` },
    });
    expect(ok.status).toBe(200);
    const refused = await fetch(`${urls['sage-ge']}/api/v1/files`, {
      headers: { authorization: `Bearer ${sage.geIdentifier}x` },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    for (const id of VENDORS.ids) {
      const tenant = credentials[id][0]!;
      const listed = await connectorOf(id, tenant.credentials, urls[id]!).listFiles();
      expect(listed.ok, id).toBe(true);
      if (listed.ok)
        expect(
          listed.value.map((f) => f.id),
          id,
        ).toEqual(expect.arrayContaining(tenant.files));
    }
  });

  it('ledgersim/msw serves the simulators in-process with the same typed credentials', async () => {
    const { handlers, baseUrls, credentials } = createLedgersimHandlers({ seed: 1 });
    const server = setupServer(...handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const loop: CredentialsOf<'loop'> = credentials.loop[0]!.credentials;
      const listed = await connectorOf('loop', loop, baseUrls.loop).listFiles();
      expect(listed.ok).toBe(true);
      const wrong = await connectorOf('loop', { ...loop, apiSecret: `${loop.apiSecret}x` }, baseUrls.loop).listFiles();
      expect(wrong.ok).toBe(false);
    } finally {
      server.close();
    }
  });
});
