import { defineConfig } from 'vitest/config';

// Real-browser tests: one browser at a time (CI has 2 cores), generous timeouts for browser start-up.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['verbose'],
  },
});
