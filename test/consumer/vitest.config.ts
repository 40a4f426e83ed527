import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // What the README tells a user to write.
    globalSetup: ['ledgersim/vitest'],
  },
});
