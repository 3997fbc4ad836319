import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'app/**/*.test.ts'],
    exclude: ['node_modules', 'e2e', 'tests/reliability/**', 'tests/release/**', 'tests/cluster/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests each open their own database; two workers match the two cores.
    maxWorkers: 2,
  },
});
