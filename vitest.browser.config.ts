// Browser tests of the published site (npm run test:browser): Debian's chromium through playwright-core.
// Kept apart from `npm test`, whose default run never picks up *.browser.ts files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
