import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type StartedSimulators } from '../start.js';
import { launchChromium, RUN_BROWSER_TESTS } from './test-browser.js';

/**
 * `/docs` in Debian's Chromium with every request off loopback refused (the network "off"): the
 * reference renders the simulator's operations from its own origin alone, with no CSP violation.
 */

describe.runIf(RUN_BROWSER_TESTS)('/docs with the network off, in Chromium', () => {
  let running: StartedSimulators;
  let browser: Browser;

  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, only: ['sage-ge'], seed: 1, warn: () => {} });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('renders the operations of /openapi.json from the simulator alone', async () => {
    const sim = running.simulators[0]!;
    const context = await browser.newContext();
    const offLoopback: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offLoopback.push(url.href);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${sim.url}/`); // `/` leads to /docs
    expect(new URL(page.url()).pathname).toBe('/docs');
    const doc = (await (await fetch(`${sim.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const firstPath = Object.keys(doc.paths)[0]!;
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(Object.keys(doc.paths).length);
    expect(await page.locator('.opblock-summary-path', { hasText: firstPath }).count()).toBeGreaterThan(0);
    expect(offLoopback).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
