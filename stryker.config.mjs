// @ts-check
/**
 * Mutation testing (issue 18): proves the scenarios and unit tests guard the rules, not only run them.
 * Too slow for CI on two cores: run one folder at a time, with that folder's incremental file, e.g.
 *   npm run mutate -- --mutate 'simulators/sage-ge/rules/**\/*.ts,!**\/*.test.ts' \
 *     --incrementalFile reports/stryker-incremental/sage-ge-rules.json
 * (README, "Mutation testing"). The default set below is the whole target (every simulator's rules and
 * domain, the hub connectors), less the hub's entry builders: test data, not hub behaviour.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.stryker.config.ts',
    // Only the test files that import the mutated code (transitively) run for each mutant.
    related: true,
  },
  mutate: [
    'simulators/*/rules/**/*.ts',
    'simulators/*/domain/**/*.ts',
    'connectors/hub/**/*.ts',
    '!**/*.test.ts',
    '!connectors/hub/entry-builders.ts',
  ],
  // Types are checked by `tsc --noEmit`; a mutant that would not compile simply fails its tests.
  checkers: [],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 30_000,
  // The first run of the related tests takes minutes on a shared two-core machine.
  dryRunTimeoutMinutes: 30,
  incremental: true,
  // One file per folder when run folder by folder (the README's commands); this one for a whole run.
  incrementalFile: 'reports/stryker-incremental/all.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'dashboard/screenshots', '.data', 'reports', 'bench/results.json'],
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
