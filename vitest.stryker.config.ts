import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The test set Stryker runs (npm run mutate). Stryker activates a mutant inside the test process, so
 * tests that drive a child process (the bundled binary, `ledgersim start`) or a browser can never see
 * it: they would only slow every mutant down, and the bundle test needs a dist/ the sandbox lacks.
 * The generated-table tests compare tables built from the source text, which Stryker instruments.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'node_modules/**', 'dist/**', 'cli/start.test.ts', 'bin/load-bundle.test.ts',
        'scripts/coverage-tables.test.ts', 'simulators/provenance.test.ts'],
    },
  }),
);
