/**
 * The overview is served from a rendering shared by every reader of one scope (lib/server-http/overview-cache.ts).
 * It must stay each reader's own page: their name in the header, a fresh nonce on every script, a reader of
 * another department never served this department's rendering, an ended session never served at all, and a
 * client never able to ask for the shared render itself.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { E2E_ACCOUNTS, SAME_ORIGIN, storageStateOf, type E2eRole } from './support/accounts';
import { BASE_URL, createReadyUser, withAdminApi, type NewUser } from './support/auth-helpers';

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

const contexts: APIRequestContext[] = [];

async function contextOf(state: E2eRole | StorageState): Promise<APIRequestContext> {
  const context = await request.newContext({
    baseURL: BASE_URL,
    storageState: typeof state === 'string' ? storageStateOf(state) : state,
    extraHTTPHeaders: SAME_ORIGIN,
  });
  contexts.push(context);
  return context;
}

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
});

/** GET / as this context: what the server answered and whether the shared rendering served it. */
async function overview(context: APIRequestContext, headers: Record<string, string> = {}) {
  const response = await context.get('/', { maxRedirects: 0, headers });
  const csp = response.headers()['content-security-policy'] ?? '';
  return {
    status: response.status(),
    location: response.headers()['location'] ?? null,
    render: response.headers()['x-zhuashou-render'] ?? null,
    nonce: /'nonce-([^']+)'/.exec(csp)?.[1] ?? null,
    body: response.status() === 200 ? await response.text() : '',
  };
}

/** The name the header shows (HeaderBar's props travel in the flight data; the HTML has it as text too). */
const showsName = (body: string, name: string) => body.includes(`>${name}<`);

async function readyUser(user: NewUser) {
  return withAdminApi((admin) => createReadyUser(admin, user));
}

test('two readers of one scope share one rendering, each under their own name', async () => {
  const first = await contextOf('leader');
  const second = await contextOf(
    (
      await readyUser({
        username: 'e2e-cache-leader',
        displayName: '第二位领导',
        role: 'leader',
      })
    ).storageState,
  );
  const ownName = E2E_ACCOUNTS.leader.displayName;

  await overview(first);
  const a = await overview(first);
  const b = await overview(second);
  expect([a.render, b.render]).toEqual(['hit', 'hit']);
  expect(a.status).toBe(200);
  expect(b.status).toBe(200);

  expect(showsName(a.body, ownName)).toBe(true);
  expect(a.body).not.toContain('第二位领导');
  expect(showsName(b.body, '第二位领导')).toBe(true);
  expect(b.body).not.toContain(ownName);
  // The same page otherwise: the seven areas, the ranking.
  for (const page of [a.body, b.body]) {
    expect(page).toContain('七个主抓手');
    expect(page).not.toMatch(/zsname[0-9a-f]{16}/);
  }
});

test('every response carries a fresh nonce, on each of its scripts, and its own data time', async () => {
  const leader = await contextOf('leader');
  await overview(leader);
  const a = await overview(leader);
  const b = await overview(leader);
  expect([a.render, b.render]).toEqual(['hit', 'hit']);
  expect(a.nonce).toBeTruthy();
  expect(a.nonce).not.toBe(b.nonce);
  for (const page of [a, b]) {
    const nonces = new Set([...page.body.matchAll(/ nonce="([^"]+)"/g)].map((match) => match[1]));
    expect([...nonces]).toEqual([page.nonce]);
    const stamps = [...page.body.matchAll(/dataUpdatedAt\\":(\d+)/g)].map((match) => Number(match[1]));
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(Math.abs(stamp - Date.now())).toBeLessThan(60_000);
  }
});

test('a reader of another department is never served this department’s rendering', async () => {
  // Created first: creating an account is a write, and a write starts new renderings for every scope.
  const tjjUser = await readyUser({
    username: 'e2e-cache-official-tjj',
    displayName: '统计局填报员',
    role: 'official',
    departmentCode: 'tjj',
  });
  const fgw = await contextOf('official');
  await overview(fgw);
  expect((await overview(fgw)).render).toBe('hit');

  // No other spec signs in a 统计局 official: the first overview of that scope must be rendered for it.
  const tjj = await contextOf(tjjUser.storageState);
  const first = await overview(tjj);
  expect(first.status).toBe(200);
  expect(first.render).toBe('miss');
  expect(showsName(first.body, '统计局填报员')).toBe(true);
  expect(first.body).not.toContain(E2E_ACCOUNTS.official.displayName);
  expect((await overview(tjj)).render).toBe('hit');
  // …and the first department's rendering is still its own.
  const again = await overview(fgw);
  expect(again.render).toBe('hit');
  expect(showsName(again.body, E2E_ACCOUNTS.official.displayName)).toBe(true);
  expect(again.body).not.toContain('统计局填报员');
});

test('a session ended elsewhere is sent to sign in, not served the stored page', async () => {
  const user = await readyUser({ username: 'e2e-cache-leaving', displayName: '离开的领导', role: 'leader' });
  const reader = await contextOf(user.storageState);
  await overview(reader);
  expect((await overview(reader)).render).toBe('hit');

  const signOut = await reader.post('/api/account/sign-out');
  expect(signOut.status(), await signOut.text()).toBe(200);
  // The old cookie, as a second browser still holding it would send it.
  const stale = await contextOf(user.storageState);
  const after = await overview(stale);
  expect(after.render).toBeNull();
  expect(after.status).toBe(307);
  expect(after.location).toContain('/login');
});

test('a client cannot ask for the shared render: its header is dropped, the page is its own', async () => {
  const leader = await contextOf('leader');
  const forged = await overview(leader, { 'x-zhuashou-shared-render': 'guessed-token' });
  expect(forged.status).toBe(200);
  expect(showsName(forged.body, E2E_ACCOUNTS.leader.displayName)).toBe(true);
  expect(forged.body).not.toMatch(/zsname[0-9a-f]{16}/);
});
