import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**'],
    // Every test builds its own simulator: files are independent and run in parallel.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
