import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { apiIntrospection } from '../admin/apiIntrospection.ts';

const require = createRequire(import.meta.url);
/** Test files that time what users wait for (see the 'alone' project below). */
const alone = '**/*.alone.test.ts';

export default defineConfig({
  // The console's modules under test import the API's schema as the console's build does.
  plugins: [apiIntrospection()],
  // One graphql module for everyone: vitest would otherwise load its ESM build for the API
  // while yoga and Pothos use the CommonJS one, and errors of one class would look foreign
  // to the other (yoga would mask them as unexpected).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A poll in a browser test waits for the console's round trip to the API (a save, an
    // upload, then the record read again). On a CI machine running two test files, each with
    // its own database, API and Chromium, that is seconds, not vitest's default one.
    expect: { poll: { timeout: 20_000 } },
    // Two cores: each file runs its own database, so keep files to two at a time.
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      { extends: true, test: { name: 'suite', include: ['**/*.test.ts'], exclude: ['node_modules/**', alone], sequence: { groupOrder: 0 } } },
      // What a test measures in milliseconds of wall clock it measures on a machine nobody else
      // is using: after the suite, one file at a time. Under a second file's browser, API and
      // database the same page took twice as long, and the assertion measured the neighbour.
      { extends: true, test: { name: 'alone', include: [alone], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
