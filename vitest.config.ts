import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The browser tests drive the built web app: build it first when it is stale.
    globalSetup: ['test/global-setup.ts', 'test/browser/build-web.global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more forks only add PGlite start-up contention.
    maxWorkers: 2,
  },
});
