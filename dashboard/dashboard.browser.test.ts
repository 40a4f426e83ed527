import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, RUN_BROWSER_TESTS } from '../simulators/kit/test-browser.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../contracts/catalogue/index.js';
import type { EntryPushRequest } from '../contracts/sage-ge/wire.js';
import type { SageGeState } from '../simulators/sage-ge/state/schema.js';
import { startSimulators, type StartedSimulators } from '../simulators/start.js';

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), against `startSimulators` on free ports. Any console error or page error
 * fails the test that caused it.
 */

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const SLOW = { timeout: 60_000 };

const RUN = RUN_BROWSER_TESTS;
if (!RUN) {
  process.stderr.write(
    `dashboard.browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium; LEDGERSIM_REQUIRE_BROWSER=1 makes this a failure)\n`,
  );
}

let running: StartedSimulators | undefined;
let browser: Browser | undefined;
let page: Page;
let base: string;
const problems: string[] = [];

beforeAll(async () => {
  if (!RUN) return;
  running = await startSimulators({ portBase: 0, seed: 1, now: '2026-03-16T09:00:00Z' });
  if (!running.dashboard) throw new Error('startSimulators did not start the dashboard');
  base = running.dashboard.url;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}, 60_000);

afterEach(() => {
  if (!RUN) return;
  const seen = problems.splice(0);
  expect(seen, 'the browser reported errors').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

const sage = () => running!.simulators.find((s) => s.name === 'sage-ge')!;

/** Pushes entries into ENT-1's healthy file over HTTP, as a connector does: they wait in the Sage cloud. */
async function pushEntries(count: number): Promise<string[]> {
  const state = sage().simulator.store.data as SageGeState;
  const identifier = state.tenants['ENT-1']!.geIdentifier;
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const entry: EntryPushRequest = {
      kind: 'bank',
      journalCode: 'BQ',
      postingDate: '2026-03-10',
      documentDate: '2026-03-10',
      documentNumber: '',
      label: `Paiement carte ${i}`,
      comment: `Paiement carte #BRW0${i}#`,
      lines: [
        { accountNumber: '627000', debit: 42.5, credit: 0 },
        { accountNumber: '512000', debit: 0, credit: 42.5 },
      ],
      attachments: [],
    };
    const res = await fetch(`${sage().url}/api/v1/files/healthy/entries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${identifier}`, 'content-type': 'application/json' },
      body: JSON.stringify(entry),
    });
    const body = (await res.json()) as { id: string; status: string };
    expect(res.status, JSON.stringify(body)).toBe(202);
    expect(body.status).toBe('queued');
    ids.push(body.id);
  }
  return ids;
}

describe.runIf(RUN)('the dashboard in Chromium', () => {
  it('opens on the overview of the three simulators, with what causes rejections in sight', SLOW, async () => {
    await page.goto(base);
    expect(await page.title()).toContain('Overview');
    for (const s of running!.simulators)
      await expect(page.locator(`section[data-simulator="${s.name}"] h2`).first().textContent()).resolves.toContain(
        s.title,
      );
    const sageSection = page.locator('section[data-simulator="sage-ge"]');
    await expect(sageSection.textContent()).resolves.toContain('journal AC locked');
    await expect(sageSection.textContent()).resolves.toContain('SGE-FY-OPEN-RULES');
    await expect(sageSection.textContent()).resolves.toContain('no API rights');
    await expect(page.locator('section[data-simulator="quadra"]').textContent()).resolves.toMatch(
      /CFE key in Quadra differs|no CFE key/,
    );
    await expect(page.locator('section[data-simulator="loop"]').textContent()).resolves.toContain('associated folders');
  });

  it('runs a scenario from the page and draws its timeline', SLOW, async () => {
    await page.goto(`${base}/scenarios`);
    await page.locator('tr[data-scenario="sage-ge/journal-locked"] button').click();
    await page.waitForURL(/\/scenarios\/runs\/\d+/);
    const result = page.getByTestId('result');
    await expect(result.textContent()).resolves.toContain('passed');
    const steps = page.locator('[data-testid="timeline"] > li');
    expect(await steps.count()).toBeGreaterThan(3);
    const text = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(text).toContain('link-file');
    expect(text).toContain('POST /api/v1/files/');
    expect(text).toContain(renderMessage('SGE-JOURNAL-LOCKED'));
  });

  it(
    'reproduces a pasted Sage GE message: the catalogue entry, the cause, the remedy and the timeline',
    SLOW,
    async () => {
      const entry = getEntry('SGE-COLLECTIVE-ACCOUNT');
      await page.goto(`${base}/scenarios`);
      await page.locator('#message').fill(renderMessage('SGE-COLLECTIVE-ACCOUNT', { account: '411000' }));
      await page.getByRole('button', { name: 'Reproduce' }).click();
      await page.waitForURL(/\/reproduce\?message=/);
      await expect(page.getByTestId('catalogue-entry').textContent()).resolves.toContain('SGE-COLLECTIVE-ACCOUNT');
      await expect(page.getByTestId('catalogue-entry').textContent()).resolves.toContain('account = 411000');
      await expect(page.getByTestId('cause').textContent()).resolves.toBe(entry.cause);
      const remedy = (await page.getByTestId('remedy').textContent()) ?? '';
      for (const step of entry.remedy) expect(remedy).toContain(step);
      await expect(page.getByTestId('reproduction').textContent()).resolves.toContain(
        'reproduced, and the remedy clears it',
      );
      expect(await page.locator('[data-testid="reproduction"] [data-testid="timeline"]').count()).toBe(2);
    },
  );

  it('opens the accounting of a file with entries queued in the Sage cloud, and they change state', SLOW, async () => {
    const ids = await pushEntries(2);
    await page.goto(`${base}/s/sage-ge/ENT-1/healthy`);
    for (const id of ids)
      await expect(page.locator(`tr[data-entry="${id}"]`).getAttribute('data-status')).resolves.toBe('queued');
    await expect(page.getByTestId('entry-counts').textContent()).resolves.toContain('2 queued in the cloud');

    await page.locator('form[data-action="open-accounting"] button').click();
    await page.waitForURL(/flash=/);
    await expect(page.getByTestId('flash').textContent()).resolves.toContain('Open accounting: done');
    for (const id of ids) {
      const row = page.locator(`tr[data-entry="${id}"]`);
      await expect(row.getAttribute('data-status')).resolves.toBe('injected');
      await expect(row.textContent()).resolves.toMatch(/injected.*BQ0000\d\d/);
    }
    await expect(page.getByTestId('entry-counts').textContent()).resolves.toContain('2 injected');
  });

  it('refuses an action with bad input in words, and changes nothing', SLOW, async () => {
    await page.goto(`${base}/s/sage-ge/ENT-1/healthy`);
    const before = JSON.stringify(
      (sage().simulator.store.data as SageGeState).tenants['ENT-1']!.files.healthy!.importCursorLocks,
    );
    const form = page.locator('form[data-action="set-import-cursor-lock"]');
    await form.locator('input[name="periods"]').fill('2026-13');
    await form.locator('select[name="locked"]').selectOption('true');
    await form.locator('button').click();
    await page.waitForURL(/flash=/);
    const flash = page.getByRole('alert');
    await expect(flash.textContent()).resolves.toContain(
      'Set import cursor lock was refused: Invalid body: periods.0: YYYY-MM',
    );
    expect(
      JSON.stringify((sage().simulator.store.data as SageGeState).tenants['ENT-1']!.files.healthy!.importCursorLocks),
    ).toBe(before);
  });

  it('moves the virtual clock and shows the request journal', SLOW, async () => {
    await page.goto(`${base}/requests?path=/entries`);
    const journal = (await page.getByTestId('journal').textContent()) ?? '';
    expect(journal).toContain('POST /api/v1/files/healthy/entries');
    const now = running!.clock.now().getTime();
    await page.getByRole('button', { name: '12 hours' }).click();
    await page.waitForURL(/flash=/);
    expect(running!.clock.now().getTime() - now).toBe(12 * 3_600_000);
    await expect(page.getByTestId('now').textContent()).resolves.toBe(
      `${running!.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
    expect(page.url()).toContain('path=%2Fentries');

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.goto(`${base}/s/sage-ge/ENT-1/healthy`);
    await page.screenshot({ path: join(SCREENSHOTS, 'sage-ge-file.png'), fullPage: true });
    await page.goto(base);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
  });
});
