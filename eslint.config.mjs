import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', '.data-*/**', 'next-env.d.ts', 'db/migrations/**', 'e2e/screenshots/**', 'playwright-report/**', 'test-results/**', 'scripts/bench/out/**']),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Dependencies point down: pages and route handlers never reach the database directly.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '!@/db/schema'], message: 'Pages and handlers read through lib/services, never db/.' }] }],
    },
  },
  {
    // lib/domain is pure: nothing of next, react, the database or drizzle.
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['next', 'next/*', 'react', 'drizzle-orm', 'drizzle-orm/*', '@/db/*', '@/lib/services/*', '@/app/*'], message: 'lib/domain stays pure.' }] }],
    },
  },
]);
