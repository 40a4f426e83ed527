// @ts-check
/**
 * Mutation testing (issue 18): proves the scenarios and unit tests guard the rules, not only run them.
 * Too slow for CI on two cores: run one folder at a time, e.g.
 *   npm run mutate -- --mutate 'simulators/sage-ge/rules/**\/*.ts,!**\/*.test.ts'
 * The default set below is the whole target (every simulator's rules and domain, the hub connectors).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.stryker.config.ts',
    // Only the test files that import the mutated code (transitively) run for each mutant.
    related: true,
  },
  mutate: ['simulators/*/rules/**/*.ts', 'simulators/*/domain/**/*.ts', 'connectors/hub/**/*.ts', '!**/*.test.ts'],
  // Types are checked by `tsc --noEmit`; a mutant that would not compile simply fails its tests.
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 30_000,
  // The first run of the related tests takes minutes on a shared two-core machine.
  dryRunTimeoutMinutes: 30,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'dashboard/screenshots', '.data', 'reports', 'bench/results.json'],
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
