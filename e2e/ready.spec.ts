import { expect, test } from '@playwright/test';

// On PostgreSQL the e2e server runs the app as a db:roles login (scripts/lib/test-server.ts), as production should.
test('ready answers 200 without a session, migrations current, naming only the kind of database login', async ({
  request,
}) => {
  const res = await request.get('/api/ready');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    ready: true,
    database: 'ok',
    migrations: 'current',
    login: process.env.TEST_DATABASE_URL ? 'restricted' : 'owner',
  });
});
