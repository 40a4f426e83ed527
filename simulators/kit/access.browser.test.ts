import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type StartedSimulators } from '../start.js';
import { launchChromium, RUN_BROWSER_TESTS } from './test-browser.js';

/**
 * The attacks of issue 14 as a browser makes them: Debian's Chromium (never a downloaded one)
 * visits a page of another site, `evil.example` (resolved to 127.0.0.1 by the browser's own
 * host rules, which is also what DNS rebinding does), and that page tries to drive the
 * simulators and the dashboard on loopback. Skipped, as the dashboard's browser test is, where
 * Chromium is missing.
 */

/** The attacker's site: the browser resolves it to loopback, as a rebinding DNS would. */
const EVIL_HOST = '--host-resolver-rules=MAP evil.example 127.0.0.1';

describe.runIf(RUN_BROWSER_TESTS)('a page of another site, in Chromium', () => {
  let running: StartedSimulators;
  let browser: Browser;
  let attacker: Server;
  let attackerPort = 0;
  let page = '';

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, warn: () => {} });
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerPort = (attacker.address() as { port: number }).port;
    browser = await launchChromium([EVIL_HOST]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await running?.close();
  });

  const sim = () => running.simulators[0]!;
  const tenantCount = () => Object.keys(sim().simulator.store.data.tenants).length;

  it('cannot reset the simulator with a form, nor arm a fault with a no-preflight fetch, nor move the clock through the dashboard', async () => {
    const target = sim().url;
    const dashboard = running.dashboard!.url;
    const tenants = tenantCount();
    const clock = running.clock.now().toISOString();
    page = `<!doctype html><body>
      <form id="reset" method="post" action="${target}/__admin/reset"></form>
      <form id="clock" method="post" action="${dashboard}/clock" target="clockFrame"><input name="advance" value="1w"><input name="_back" value="/"></form>
      <iframe name="clockFrame"></iframe>
      <script>
        (async () => {
          await fetch('${target}/__admin/faults', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ path: '/**', kind: 'drop' }) }).catch(() => {});
          await fetch('${target}/__admin/seed', { method: 'POST', mode: 'no-cors' }).catch(() => {});
          document.getElementById('clock').submit();
          setTimeout(() => document.getElementById('reset').submit(), 300);
        })();
      </script></body>`;
    const tab = await browser.newPage();
    try {
      const answers: number[] = [];
      tab.on('response', (res) => {
        if (!res.url().startsWith(`http://evil.example`)) answers.push(res.status());
      });
      await tab.goto(`http://evil.example:${attackerPort}/`);
      await tab.waitForURL(`${target}/__admin/reset`, { timeout: 15_000 });
      // Every request the page made to the servers was refused.
      expect(answers.length).toBeGreaterThanOrEqual(4);
      expect(answers.every((status) => status === 403 || status === 415)).toBe(true);
    } finally {
      await tab.close();
    }
    expect(tenantCount()).toBe(tenants);
    expect(sim().simulator.faults.size).toBe(0);
    expect(running.clock.now().toISOString()).toBe(clock);
  }, 60_000);

  it("reads nothing once the attacker's name points at loopback (DNS rebinding)", async () => {
    const port = new URL(sim().url).port;
    const identifier = Object.values(sim().simulator.store.data.tenants as Record<string, { geIdentifier: string }>)[0]!
      .geIdentifier;
    const tab = await browser.newPage();
    try {
      for (const url of [
        `http://evil.example:${port}/__admin/state`,
        `http://evil.example:${new URL(running.dashboard!.url).port}/`,
      ]) {
        const res = await tab.goto(url);
        expect({ url, status: res?.status() }).toEqual({ url, status: 403 });
        expect(await tab.content()).not.toContain(identifier);
      }
      // The same pages under the server's own name still work.
      expect((await tab.goto(`${running.dashboard!.url}/`))?.status()).toBe(200);
    } finally {
      await tab.close();
    }
  }, 60_000);
});
