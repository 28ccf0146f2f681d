import { defineConfig } from 'vitest/config';

// Browser journeys (test/e2e): Debian's Chromium driven by playwright-core against a real
// `hallway serve` on its own embedded database, so `npm test` runs them once, after both suites.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/build-web-app.ts'],
    pool: 'forks',
    // One journey at a time: each starts a server and a browser, and the machine is shared.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
