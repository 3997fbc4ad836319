import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The cluster suite: nginx in front of two instances of the production build (`npm run build` first) on one
// PostgreSQL (TEST_DATABASE_URL), under kills and restarts.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
