/**
 * Deny by default: every route handler under app/api must resolve the actor through withActor (whose
 * services check the permission) — or withAccountActor for the user's own /api/account/* routes — unless
 * it is on the public list below with its reason. A new route without a check fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const API_DIR = path.join(process.cwd(), 'app', 'api');

/** Routes open without a session, each with the reason it may be. */
const PUBLIC_ROUTES: Record<string, string> = {
  'api/health': 'load balancers and monitors probe it without a session; it reveals only whether the database answers',
  'api/ready':
    'orchestrators probe it without a session; it reveals only readiness, migrations current or not, and restricted/owner login',
  'api/auth/[...nextauth]': 'next-auth itself: sign-in, the session endpoint and sign-out must be reachable signed out',
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** 'api/admin/users/[id]' for app/api/admin/users/[id]/route.ts */
function routeKey(file: string): string {
  return path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep).join('/');
}

/**
 * The problems of one handler file: every exported HTTP method must be `export const M = withActor(…)`
 * (or withAccountActor under api/account). Functions and re-exports cannot prove a check, so they fail.
 */
function handlerProblems(key: string, source: string): string[] {
  const problems: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const exported = new Set<string>();
  for (const match of code.matchAll(/export\s+(?:async\s+)?(?:const|let|var|function)\s+([A-Z]+)\b/g)) {
    if (match[1] && METHODS.includes(match[1])) exported.add(match[1]);
  }
  for (const match of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && METHODS.includes(name)) problems.push(`${key}: ${name} is re-exported; define it with withActor(…)`);
    }
  }
  const wrappers = key.startsWith('api/account/') ? 'withActor|withAccountActor' : 'withActor';
  for (const method of exported) {
    const wrapped = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*(?:${wrappers})\\s*(?:<[^>]*>)?\\s*\\(`);
    if (!wrapped.test(code))
      problems.push(`${key}: ${method} does not go through ${wrappers.split('|').join(' or ')}(…)`);
  }
  if (exported.size === 0 && problems.length === 0) problems.push(`${key}: exports no handler the test can check`);
  return problems;
}

describe('every route handler checks the session and permission (deny by default)', () => {
  const files = routeFiles(API_DIR);

  it('finds the route handlers (the walk itself works)', () => {
    const keys = files.map(routeKey);
    expect(keys).toEqual(
      expect.arrayContaining(['api/health', 'api/overview', 'api/admin/users', 'api/admin/users/[id]']),
    );
  });

  it('has no handler without withActor outside the public list', () => {
    const problems = files
      .filter((file) => !(routeKey(file) in PUBLIC_ROUTES))
      .flatMap((file) => handlerProblems(routeKey(file), fs.readFileSync(file, 'utf8')));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('lists only public routes that exist, each with a reason', () => {
    const keys = new Set(files.map(routeKey));
    for (const [key, reason] of Object.entries(PUBLIC_ROUTES)) {
      expect(keys.has(key), `${key} is on the public list but has no route.ts`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('the check fails a handler without withActor, a re-export, and withAccountActor outside api/account', () => {
    expect(handlerProblems('api/x', 'export async function GET() { return Response.json(1); }')).toHaveLength(1);
    expect(handlerProblems('api/x', 'const h = () => 1;\nexport { h as GET, h as POST };')).toHaveLength(2);
    expect(handlerProblems('api/x', 'export const GET = withAccountActor(async () => 1);')).toHaveLength(1);
    expect(
      handlerProblems('api/x', '// export const GET = withActor(\nexport const GET = async () => 1;'),
    ).toHaveLength(1);
    expect(handlerProblems('api/x', 'export const dynamic = "force-dynamic";')).toHaveLength(1);
    expect(handlerProblems('api/x', 'export const GET = withActor<{ id: string }>(async () => 1);')).toEqual([]);
    expect(handlerProblems('api/account/x', 'export const POST = withAccountActor(async () => 1);')).toEqual([]);
  });
});
