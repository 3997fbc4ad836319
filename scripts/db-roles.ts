/**
 * Creates or updates the application's PostgreSQL login and its grants (see db/roles.ts), as the owner:
 *   APP_DB_PASSWORD=… DATABASE_URL=postgres://owner@… npm run db:roles -- --app-user zhuashou_app
 * Migrates first. Idempotent. Exit codes: 0 done · 1 refused by the database · 64 bad arguments or password.
 */
import { openDatabase } from '@/db/client';
import { ensureAppLogin, LoginSetupError } from '@/db/roles';
import { loginPasswordProblem } from '@/lib/domain/db-login';
import { DB_ROLES_USAGE, parseDbRolesArgs, UsageError } from './lib/args';

async function main(): Promise<number> {
  let appUser: string;
  let password: string;
  try {
    const parsed = parseDbRolesArgs(process.argv.slice(2));
    if (parsed.kind === 'help') {
      console.log(DB_ROLES_USAGE);
      return 0;
    }
    appUser = parsed.args.appUser;
    password = process.env.APP_DB_PASSWORD ?? '';
    if (!password) throw new UsageError('缺少环境变量 APP_DB_PASSWORD（应用登录的密码）');
    const problem = loginPasswordProblem(password);
    if (problem) throw new UsageError(problem);
    if (!process.env.DATABASE_URL) throw new UsageError('db:roles 只用于 PostgreSQL：请把 DATABASE_URL 设为表的所有者的连接地址');
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${DB_ROLES_USAGE}`);
      return 64;
    }
    throw error;
  }
  const handle = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 2 });
  try {
    const { created } = await ensureAppLogin(handle.db, { name: appUser, password });
    console.log(`${created ? '已建立' : '已更新'}应用数据库登录 ${appUser}（${handle.location}）：各表可读写，audit_events 只能读取和追加。`);
    console.log(`请以 DATABASE_URL=postgres://${appUser}:…@主机/库 运行应用，并把 DATABASE_OWNER_URL 设为所有者的连接地址（仅用于迁移）。`);
    return 0;
  } catch (error) {
    if (error instanceof LoginSetupError) {
      console.error(error.message);
      return 64;
    }
    console.error(`数据库拒绝了操作：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('db:roles 失败：', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
