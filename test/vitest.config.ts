import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One graphql module for everyone: vitest would otherwise load its ESM build for the API
  // while yoga and Pothos use the CommonJS one, and errors of one class would look foreign
  // to the other (yoga would mask them as unexpected).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: each file runs its own database, so keep files to two at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
