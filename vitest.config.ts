import { defineConfig } from 'vitest/config';

// Integration and browser tests start embedded services on free ports; run files
// in separate forks so a slow browser test cannot starve another file's timers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
