import { defineConfig } from 'vitest/config';

// The web app's own unit tests (pure client code: problem+json to field messages, conditions,
// words for times). No database, so `npm test` runs them once, not per database.
export default defineConfig({
  test: {
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
