import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:cluster — nginx in front of two instances of the release archive on one PostgreSQL (TEST_DATABASE_URL).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
