import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: each file runs its own database, so keep files to two at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
