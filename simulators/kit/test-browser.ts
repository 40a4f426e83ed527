import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The browser tests' one launcher: Debian's Chromium, never a downloaded one. Without it a browser
 * test file is skipped (`npm ci && npm test` passes on a machine with only Node), unless
 * LEDGERSIM_REQUIRE_BROWSER=1 (`.ci/run`), where a missing browser is a failure.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const BROWSER_REQUIRED = process.env.LEDGERSIM_REQUIRE_BROWSER === '1';
/** Whether a browser test file runs: Chromium is there, or it is required (and its absence fails). */
export const RUN_BROWSER_TESTS = HAS_CHROMIUM || BROWSER_REQUIRED;

/** Headless, with nothing reaching out on its own (updates, sync, QUIC), so a test sees only its own requests. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with the shared flags and a test's own (`--host-resolver-rules=...`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!HAS_CHROMIUM)
    throw new Error(
      `${CHROMIUM} does not exist: install Debian's chromium package (apt-get install -y chromium), as .ci/run does. This test never downloads a browser.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}
