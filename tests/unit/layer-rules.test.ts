/**
 * The layer edges of ../shared/docs/STYLE.md, as eslint.config.mjs enforces them: for each arrow, a snippet placed
 * in the layer with a deliberately wrong import is refused by the restricted-imports rule, and an allowed import
 * next to it is not.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

beforeAll(() => {
  // The probes are snippets at paths no file holds, which the type-aware rules cannot place in the project:
  // those rules are off here (the layer rules need no types).
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
});

/** The restricted-import messages of `specifier` imported by a file at `filePath`. */
async function refusals(filePath: string, specifier: string, typeOnly = false): Promise<string[]> {
  const code = typeOnly
    ? `import type { Probe } from '${specifier}';\nexport type Used = Probe;\n`
    : `import { probe } from '${specifier}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports$/.test(m.ruleId ?? '')).map((m) => m.message);
}

const ARROWS: { layer: string; filePath: string; wrong: string[]; allowed: string[] }[] = [
  {
    layer: 'app ↛ db',
    filePath: 'app/(app)/layer-probe/page.tsx',
    wrong: ['@/db/client', '@/db/queries/figures', '@/db/schema'],
    allowed: ['@/lib/services/dashboards/dashboard', '@/lib/domain/types'],
  },
  {
    layer: 'components → domain only',
    filePath: 'components/layer-probe.tsx',
    wrong: ['@/lib/services/dashboards/dashboard', '@/db/client', '@/app/(app)/layout'],
    allowed: ['@/lib/domain/types'],
  },
  {
    layer: 'lib/domain imports nothing of ours but domain',
    filePath: 'lib/domain/layer-probe.ts',
    wrong: [
      '@/lib/services/dashboards/dashboard',
      '@/db/schema',
      '@/lib/auth/password',
      '@/lib/errors',
      '../errors',
      'drizzle-orm',
      'next/server',
      'react',
    ],
    allowed: ['@/lib/domain/types', './types'],
  },
  {
    layer: 'lib/domain tests import only lib/domain and tests/helpers/pure',
    filePath: 'lib/domain/layer-probe.test.ts',
    wrong: ['@/lib/services/dashboards/dashboard', '@/db/schema', '@/tests/helpers/test-db', '../errors', 'react'],
    allowed: ['@/lib/domain/types', './types', '@/tests/helpers/pure/zip-bytes'],
  },
  {
    layer: 'tests/helpers/pure is as pure as lib/domain',
    filePath: 'tests/helpers/pure/layer-probe.ts',
    wrong: [
      '@/db/schema',
      '@/lib/services/dashboards/dashboard',
      '@/tests/helpers/test-db',
      'drizzle-orm',
      'next/server',
    ],
    allowed: ['@/lib/domain/types', '@/tests/helpers/pure/zip-bytes'],
  },
  {
    layer: 'db ↛ services, auth, session, http, browser, app, components',
    filePath: 'db/queries/layer-probe.ts',
    wrong: [
      '@/lib/services/dashboards/read-model',
      '@/lib/auth/require-permission',
      '@/lib/session/session',
      '@/lib/server-http/handler',
      '@/lib/client-api/queries',
      '@/app/(app)/layout',
      '@/components/layout/nav',
    ],
    allowed: ['@/lib/domain/types', '@/lib/domain/permissions'],
  },
  {
    layer: 'lib/services ↛ app, components, session, browser',
    filePath: 'lib/services/reporting/layer-probe.ts',
    wrong: ['@/app/(app)/layout', '@/components/layout/nav', '@/lib/session/session', '@/lib/client-api/queries'],
    allowed: ['@/db/client', '@/lib/domain/types', '@/lib/auth/require-permission'],
  },
  {
    layer: 'lib/auth ↛ services, session, db',
    filePath: 'lib/auth/layer-probe.ts',
    wrong: [
      '@/lib/services/account/sign-in',
      '@/lib/session/options',
      '@/db/client',
      '@/app/(app)/layout',
      '@/components/layout/nav',
      '@/lib/client-api/client',
    ],
    allowed: ['@/lib/domain/permissions', '@/lib/errors'],
  },
  {
    layer: 'lib/session, lib/server-http ↛ app, components, browser',
    filePath: 'lib/session/layer-probe.ts',
    wrong: ['@/app/(app)/layout', '@/components/layout/nav', '@/lib/client-api/queries'],
    allowed: ['@/lib/services/account/sign-in', '@/lib/auth/secret'],
  },
  {
    layer: 'lib/client-api (browser) ↛ server modules except types',
    filePath: 'lib/client-api/layer-probe.ts',
    wrong: [
      '@/lib/services/dashboards/dashboard',
      '@/db/client',
      '@/lib/session/session',
      '@/lib/server-http/handler',
      '@/lib/auth/password',
    ],
    allowed: ['@/lib/domain/types'],
  },
  {
    layer: 'scripts/bench ↛ tests',
    filePath: 'scripts/bench/layer-probe.ts',
    wrong: ['@/tests/helpers/test-db', '../../tests/helpers/test-db'],
    allowed: ['@/scripts/lib/test-app'],
  },
  {
    layer: 'tests ↛ scripts/bench',
    filePath: 'tests/integration/layer-probe.test.ts',
    wrong: ['@/scripts/bench/generate', '../../scripts/bench/generate'],
    allowed: ['@/scripts/lib/test-server'],
  },
  {
    layer: 'e2e ↛ scripts/bench',
    filePath: 'e2e/layer-probe.spec.ts',
    wrong: ['../scripts/bench/generate'],
    allowed: ['../scripts/lib/test-server'],
  },
];

describe('lint enforces every layer arrow', () => {
  for (const arrow of ARROWS) {
    it(`${arrow.layer}: a wrong import is refused, an allowed one is not`, async () => {
      for (const specifier of arrow.wrong) expect(await refusals(arrow.filePath, specifier), specifier).not.toEqual([]);
      for (const specifier of arrow.allowed) expect(await refusals(arrow.filePath, specifier), specifier).toEqual([]);
    }, 60_000);
  }

  it("the browser side may import a service's types, not its code", async () => {
    expect(await refusals('lib/client-api/layer-probe.ts', '@/lib/services/dashboards/dashboard', true)).toEqual([]);
    expect(await refusals('lib/client-api/layer-probe.ts', '@/lib/services/dashboards/dashboard')).not.toEqual([]);
  }, 60_000);

  it('a page may import a database type (type-only), not a value', async () => {
    expect(await refusals('app/(app)/layer-probe/page.tsx', '@/db/client', true)).toEqual([]);
    expect(await refusals('app/(app)/layer-probe/page.tsx', '@/db/client')).not.toEqual([]);
  }, 60_000);
});
