import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The reliability suite drives the production build (`npm run build` first) under load, restarts and kills.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    // The access matrix runs in `npm test` (vitest.matrix.config.mts).
    exclude: ['tests/reliability/access-matrix.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
