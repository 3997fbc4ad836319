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
  // Layer edges (../shared/docs/STYLE.md): dependencies point down only — app → services → (domain, db);
  // components → domain only; db never imports from services or app; domain imports nothing of ours but domain.
  // One block per layer (a file gets the last matching block's no-restricted-imports); each arrow is checked by
  // tests/unit/layer-rules.test.ts.
  {
    // Pages and route handlers read through lib/services, never db/ (types of the schema only).
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '@/db'], allowTypeImports: true, message: 'app → lib/services only: pages and handlers never reach db/ (a type-only import is allowed).' }] }],
    },
  },
  {
    // Components render what they are given: domain types and pure functions only.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '@/db', '@/lib/services/*', '@/app/*'], allowTypeImports: true, message: 'components → lib/domain only: no db/, lib/services or app/ (a type-only import is allowed).' }] }],
    },
  },
  {
    // The data layer never reaches up.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/lib/services/*', '@/app/*', '@/components/*'], message: 'db/ never imports from lib/services, app/ or components/.' }] }],
    },
  },
  {
    // Services sit under the pages: never the other way round.
    files: ['lib/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*'], message: 'lib/services never imports from app/ or components/.' }] }],
    },
  },
  {
    // lib/domain is pure: nothing of next, react, the database or drizzle, nothing of ours outside lib/domain.
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'react', 'drizzle-orm', 'drizzle-orm/*'], message: 'lib/domain stays pure: no framework, no database.' },
            { regex: '^(@/(?!lib/domain(/|$))|\\.\\./)', message: 'lib/domain stays pure: it imports nothing of ours but lib/domain.' },
          ],
        },
      ],
    },
  },
  {
    // The benchmark shares the test harness through scripts/lib, never tests/.
    files: ['scripts/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/tests/*', '**/tests/*'], message: 'scripts/bench ↛ tests/: shared harness code lives in scripts/lib.' }] }],
    },
  },
  {
    // Tests and e2e share the harness through scripts/lib, never the benchmark's code.
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/scripts/bench/*', '**/scripts/bench/*'], message: 'tests ↛ scripts/bench: shared harness code lives in scripts/lib.' }] }],
    },
  },
]);
