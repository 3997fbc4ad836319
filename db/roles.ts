/**
 * The two PostgreSQL logins: the owner (owns the tables, runs the migrations) and the application's login (DML
 * only; only SELECT and INSERT on audit_events — migration 0004's zhuashou_grant_app_login). Used by
 * `npm run db:roles`, the test harnesses, and the start-up check that reports an owner-level login.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { loginNameProblem, loginPasswordProblem } from '@/lib/domain/db-login';
import { queryRows, sql, type Db } from './client';

export class LoginSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginSetupError';
  }
}

/** A SCRAM-SHA-256 verifier (what PostgreSQL stores), so that the password itself never reaches the server or its logs. */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Creates the application login, or sets its password when it exists, then (re)grants exactly its privileges.
 * Run as the owner of the tables (with CREATEROLE) or a superuser, on a migrated database. Idempotent.
 */
export async function ensureAppLogin(db: Db, input: { name: string; password: string }): Promise<{ created: boolean }> {
  const problem = loginNameProblem(input.name) ?? loginPasswordProblem(input.password);
  if (problem) throw new LoginSetupError(problem);
  const [me] = await queryRows<{ me: string; owner: string | null }>(
    db,
    sql`select current_user as me, (select tableowner from pg_catalog.pg_tables where schemaname = 'public' and tablename = 'audit_events') as owner`,
  );
  if (!me?.owner)
    throw new LoginSetupError('数据库中没有 audit_events 表：请先以所有者身份执行迁移（npm run db:migrate）');
  if (input.name === me.me || input.name === me.owner) {
    throw new LoginSetupError(`登录名「${input.name}」是表的所有者或当前登录本身；应用登录必须是另一个登录名`);
  }
  const existing = await queryRows<{ n: number }>(
    db,
    sql`select 1 as n from pg_catalog.pg_roles where rolname = ${input.name}`,
  );
  const created = existing.length === 0;
  const verb = created ? 'create role %I login password %L' : 'alter role %I login password %L';
  await db.transaction(async (tx) => {
    const [statement] = await queryRows<{ text: string }>(
      tx,
      sql`select format(${verb}, ${input.name}::text, ${scramVerifier(input.password)}::text) as text`,
    );
    if (!statement) throw new LoginSetupError('无法生成建立登录的语句');
    await tx.execute(sql.raw(statement.text));
    await tx.execute(sql`select zhuashou_grant_app_login(${input.name}::name)`);
  });
  return { created };
}

export type LoginLevel = 'restricted' | 'owner';

/**
 * 'owner' when the current login owns audit_events (or may become its owner), is a superuser or bypasses row
 * security: such a login can switch the audit log's triggers off and rewrite it.
 */
export async function getLoginLevel(db: Db): Promise<LoginLevel> {
  const [row] = await queryRows<{ owner_level: boolean }>(
    db,
    sql`select coalesce(r.rolsuper or r.rolbypassrls
          or exists (select 1 from pg_catalog.pg_tables t where t.schemaname = 'public' and t.tablename = 'audit_events'
                     and pg_catalog.pg_has_role(current_user, t.tableowner, 'MEMBER')), true) as owner_level
        from pg_catalog.pg_roles r where r.rolname = current_user`,
  );
  return row?.owner_level === false ? 'restricted' : 'owner';
}
