/** Creating a user from the admin page: the server generates the one-time password, never the administrator. */
import { beforeAll, expect, it } from 'vitest';
import { getUserById } from '@/db/queries/users';
import { departments } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { checkPassword } from '@/lib/validation/password';
import { createUserWithOneTimePassword, listUsers, toUserListItem } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';

const OFFICIAL: Actor = { id: 999, username: 'someone', role: 'official', departmentId: 1, clientAddress: 'test' };

forEachEngine('createUserWithOneTimePassword', (ctx) => {
  beforeAll(async () => {
    await ctx.db.insert(departments).values({ code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' });
  });

  it('returns a one-time password that meets the rules, is stored hashed and must be changed', async () => {
    const created = await createUserWithOneTimePassword(
      SYSTEM_ACTOR,
      {
        username: 'zhang.san',
        displayName: '张三',
        role: 'official',
        departmentCode: 'FGW',
        password: 'chosen-by-admin-1A',
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    expect(checkPassword(created.password, 'zhang.san')).toEqual([]);
    const row = await getUserById(ctx.db, created.id);
    expect(row?.mustChangePassword).toBe(true);
    expect(await verifyPassword(row?.passwordHash ?? '', created.password)).toBe(true);
    expect(await verifyPassword(row?.passwordHash ?? '', 'chosen-by-admin-1A')).toBe(false);
  });

  it('reports every field error at once, and refuses a role without user.manage before anything else', async () => {
    const invalid: unknown = await createUserWithOneTimePassword(
      SYSTEM_ACTOR,
      { username: 'x', role: 'official' },
      { db: ctx.db },
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(AppError);
    expect(Object.keys((invalid as AppError).fieldErrors ?? {}).sort()).toEqual([
      'departmentCode',
      'displayName',
      'username',
    ]);
    const refused: unknown = await createUserWithOneTimePassword(OFFICIAL, { username: 'li.si' }, { db: ctx.db }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'forbidden', status: 403 });
    const nonObject: unknown = await createUserWithOneTimePassword(SYSTEM_ACTOR, 'li.si', { db: ctx.db }).catch(
      (e: unknown) => e,
    );
    expect(nonObject).toMatchObject({ code: 'invalid_input' });
  });

  it('lists users for the API with dates as ISO strings and no secrets', async () => {
    const [item] = (await listUsers(SYSTEM_ACTOR, { db: ctx.db })).map(toUserListItem);
    expect(item?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(item).not.toHaveProperty('passwordHash');
    expect(item).not.toHaveProperty('totpSecret');
    expect(JSON.parse(JSON.stringify(item))).toEqual(item);
  });
});
