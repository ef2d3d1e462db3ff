// `npm test`: every test gets a generous limit, so a slow but correct test passes on a busy 2-core machine.
// Speed is measured in `npm run bench`, never asserted here (the browser suite has its own config).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
