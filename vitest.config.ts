import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Browser tests share two cores with the rest of the suite: generous limits keep a slow moment from failing CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: run test files in two forks; each file gets its own database.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default'],
  },
});
