// Browser tests of the published site (npm run test:browser): Debian's chromium through playwright-core.
// Kept apart from `npm test`, whose default run never picks up *.browser.ts files.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    // Each test opens many pages in chromium and runs axe on them: 3 minutes was not enough for the crawl of every
    // page or the tour of every page type on a busy machine (load average 18 on 2 cores).
    testTimeout: 900_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
