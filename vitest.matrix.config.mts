import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The access matrix (every API route × every kind of actor, with and without the proxy, from a foreign Origin) runs
// against the production build (`npm run build` first) as part of `npm test`; the reliability suite keeps the load,
// restart and kill tests.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/reliability/access-matrix.test.ts'],
    environment: 'node',
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
