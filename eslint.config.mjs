import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * One layer arrow's lint block: files matching `files` may not import what `group` names. `typesAllowed`: a type-only
 * import is fine (typescript-eslint's rule, which can tell); otherwise ESLint's own rule.
 */
function edge(files, group, message, { typesAllowed = false } = {}) {
  const rule = typesAllowed ? '@typescript-eslint/no-restricted-imports' : 'no-restricted-imports';
  const pattern = typesAllowed ? { group, allowTypeImports: true, message } : { group, message };
  return { files, rules: { [rule]: ['error', { patterns: [pattern] }] } };
}

/** The lint block keeping lib/domain (`files`) pure: no framework or database, and no import of ours `ours` matches. */
function domainPurity(files, ours, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'react', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'lib/domain stays pure: no framework, no database.',
            },
            { regex: ours, message: `lib/domain stays pure: ${why}.` },
          ],
        },
      ],
    },
  };
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    '.data/**',
    '.data-*/**',
    'next-env.d.ts',
    'db/migrations/**',
    'e2e/screenshots/**',
    'playwright-report/**',
    'test-results/**',
    'scripts/bench/out/**',
  ]),
  {
    // Type-aware rules: a promise nobody awaits (a write that may fail unseen) and type imports written as such.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  // Layer edges (../shared/docs/STYLE.md): dependencies point down only — app → services → (domain, db);
  // components → domain only; db never imports from services or app; domain imports nothing of ours but domain.
  // One block per layer (a file gets the last matching block's no-restricted-imports); each arrow is checked by
  // tests/unit/layer-rules.test.ts.
  // Pages and route handlers read through lib/services, never db/ (types of the schema only).
  edge(
    ['app/**/*.{ts,tsx}'],
    ['@/db/*', '@/db'],
    'app → lib/services only: pages and handlers never reach db/ (a type-only import is allowed).',
    { typesAllowed: true },
  ),
  // Components render what they are given: domain types and pure functions only.
  edge(
    ['components/**/*.{ts,tsx}'],
    ['@/db/*', '@/db', '@/lib/services/*', '@/lib/session/*', '@/lib/server-http/*', '@/app/*'],
    'components → lib/domain only: no db/, lib/services, lib/session, lib/server-http or app/ (a type-only import is allowed).',
    { typesAllowed: true },
  ),
  // The data layer never reaches up.
  edge(
    ['db/**/*.ts'],
    [
      '@/lib/services/*',
      '@/lib/auth/*',
      '@/lib/session/*',
      '@/lib/server-http/*',
      '@/lib/client-api/*',
      '@/app/*',
      '@/components/*',
    ],
    'db/ never imports from lib/services, lib/auth, lib/session, lib/server-http, lib/client-api, app/ or components/ (the permission table is lib/domain/permissions).',
  ),
  // Services sit under the pages: never the other way round.
  edge(
    ['lib/services/**/*.ts'],
    ['@/app/*', '@/components/*', '@/lib/session/*', '@/lib/client-api/*'],
    'lib/services never imports from app/, components/, lib/session (the request side sits above) or lib/client-api (the browser side).',
  ),
  // Credentials and permission checks sit under the services that use them: no services, no database, no request.
  edge(
    ['lib/auth/**/*.ts'],
    ['@/lib/services/*', '@/lib/session/*', '@/db/*', '@/db', '@/app/*', '@/components/*', '@/lib/client-api/*'],
    'lib/auth is credentials and permission checks: no services, session wiring, database, app, components or browser code.',
  ),
  // The request side (next-auth wiring, the page guard) may use services; nothing of the UI.
  edge(
    ['lib/session/**/*.ts', 'lib/server-http/**/*.ts'],
    ['@/app/*', '@/components/*', '@/lib/client-api/*'],
    'lib/session and lib/server-http run on the server: no app/, components/ or browser code.',
  ),
  // The browser's query options and fetch client: types of the server only.
  edge(
    ['lib/client-api/**/*.ts'],
    [
      '@/db/*',
      '@/db',
      '@/lib/services/*',
      '@/lib/session/*',
      '@/lib/server-http/*',
      '@/lib/auth/*',
      '@/app/*',
      '@/components/*',
    ],
    'lib/client-api runs in the browser: server modules as types only.',
    { typesAllowed: true },
  ),
  // lib/domain is pure: nothing of next, react, the database or drizzle, nothing of ours outside lib/domain.
  domainPurity(['lib/domain/**/*.ts'], '^(@/(?!lib/domain(/|$))|\\.\\./)', 'it imports nothing of ours but lib/domain'),
  // The benchmark shares the test harness through scripts/lib, never tests/.
  edge(
    ['scripts/bench/**/*.ts'],
    ['@/tests/*', '**/tests/*'],
    'scripts/bench ↛ tests/: shared harness code lives in scripts/lib.',
  ),
  // Tests and e2e share the harness through scripts/lib, never the benchmark's code.
  edge(
    ['tests/**/*.ts', 'e2e/**/*.ts'],
    ['@/scripts/bench/*', '**/scripts/bench/*'],
    'tests ↛ scripts/bench: shared harness code lives in scripts/lib.',
  ),
  // A domain test is as pure as the module it tests: its only test helpers are tests/helpers/pure (data built in
  // memory, shared with the import, export and database tests), which are held to the same rule (last: it
  // overrides the tests/ block above for those helpers).
  domainPurity(
    ['lib/domain/**/*.test.ts', 'tests/helpers/pure/**/*.ts'],
    '^(@/(?!lib/domain(/|$)|tests/helpers/pure/)|\\.\\./)',
    'its tests import nothing of ours but lib/domain and tests/helpers/pure',
  ),
]);
