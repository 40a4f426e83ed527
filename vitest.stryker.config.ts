import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test set Stryker runs (npm run mutate). Stryker activates a mutant inside the test process, so
 * tests that drive a child process (the bundled binary, `ledgersim start`) or a browser can never see
 * it: they would only slow every mutant down, and the bundle test needs a dist/ the sandbox lacks.
 * The generated-table tests compare tables built from the source text, which Stryker instruments.
 *
 * MUTATE_TESTS (comma-separated globs) narrows the tests to the folder's own on a loaded machine,
 * e.g. MUTATE_TESTS='simulators/sage-ge/**\/*.test.ts' (the scenarios then do not count).
 */
const only = process.env.MUTATE_TESTS?.split(',').filter(Boolean);

// Not mergeConfig: it would append `include` to the base one instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: only ?? base.test?.include,
    // Stryker switches mutants at run time (mutant schemata), so test files need no fresh module
    // graph each: sharing one cut the CPU per mutant by about a quarter (quadra/domain/tokens.ts,
    // same verdicts on its 72 mutants either way). MUTATE_ISOLATE=1 restores vitest's isolation.
    isolate: process.env.MUTATE_ISOLATE === '1',
    exclude: [
      ...configDefaults.exclude,
      'dist/**',
      '.stryker-tmp/**',
      'cli/start.test.ts',
      'bin/load-bundle.test.ts',
      'scripts/coverage-tables.test.ts',
      'simulators/provenance.test.ts',
    ],
  },
});
