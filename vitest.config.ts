import { defineConfig } from 'vitest/config';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain "N passed, N failed" line that CI logs are read for. A file whose
 * hooks or collection failed fails the run without failing a test (vitest then skips its tests),
 * so those errors are counted too: the line says "failed" whenever the exit code is not 0.
 */
const summaryLine: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: string) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let fileErrors = 0;
    for (const module of testModules) {
      if (module.state() === 'failed' || module.errors().length > 0) {
        const failedTests = [...module.children.allTests()].some((test) => test.result().state === 'failed');
        if (!failedTests) fileErrors += 1;
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    const errors = fileErrors + unhandledErrors.length;
    const parts = [`${passed} passed`, `${failed} failed`];
    if (skipped) parts.push(`${skipped} skipped`);
    if (errors)
      parts.push(
        `${errors} ${errors === 1 ? 'error' : 'errors'} outside tests (a file's hooks or collection, or unhandled)`,
      );
    const verdict = reason === 'passed' && failed === 0 && errors === 0 ? '' : ': the run FAILED';
    process.stdout.write(`\n${parts.join(', ')}${verdict}\n`);
  },
};

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    // test/consumer is another project, run from its installed tarball by `npm run test:consumer`.
    exclude: ['node_modules/**', 'dist/**', '.stryker-tmp/**', 'test/consumer/**'],
    // Every test builds its own simulator: files are independent and run in parallel.
    pool: 'threads',
    testTimeout: 20_000,
    reporters: ['default', summaryLine],
    setupFiles: ['./vitest.setup.ts'],
  },
});
