import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// npm run test:release — the offline release archive, unpacked where no node_modules and no registry exist.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/release/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
