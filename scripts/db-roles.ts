/**
 * Creates or updates the application's PostgreSQL login and its grants (see db/roles.ts), as the owner:
 *   APP_DB_PASSWORD=… DATABASE_URL=postgres://owner@… npm run db:roles -- --app-user zhuashou_app
 * Migrates first. Idempotent. Exit codes: 0 done · 1 refused by the database · 64 bad arguments or password.
 */
import { openDatabase } from '@/db/client';
import { ensureAppLogin, LoginSetupError } from '@/db/roles';
import { loginPasswordProblem } from '@/lib/domain/db-login';
import { DB_ROLES_USAGE, parseDbRolesArgs, UsageError } from './lib/args';
import { EXIT_USAGE, runCli } from './lib/cli';

runCli<{ appUser: string; password: string }>({
  usage: DB_ROLES_USAGE,
  failure: 'db:roles 失败：',
  parse(argv) {
    const parsed = parseDbRolesArgs(argv);
    if (parsed.kind === 'help') return 'help';
    const password = process.env.APP_DB_PASSWORD ?? '';
    if (!password) throw new UsageError('缺少环境变量 APP_DB_PASSWORD（应用登录的密码）');
    const problem = loginPasswordProblem(password);
    if (problem) throw new UsageError(problem);
    if (!process.env.DATABASE_URL)
      throw new UsageError('db:roles 只用于 PostgreSQL：请把 DATABASE_URL 设为表的所有者的连接地址');
    return { appUser: parsed.args.appUser, password };
  },
  open: () => openDatabase({ url: process.env.DATABASE_URL, maxConnections: 2 }),
  async run({ appUser, password }, handle) {
    try {
      const { created } = await ensureAppLogin(handle.db, { name: appUser, password });
      console.log(
        `${created ? '已建立' : '已更新'}应用数据库登录 ${appUser}（${handle.location}）：各表可读写，audit_events 只能读取和追加。`,
      );
      console.log(
        `请以 DATABASE_URL=postgres://${appUser}:…@主机/库 运行应用，并把 DATABASE_OWNER_URL 设为所有者的连接地址（仅用于迁移）。`,
      );
      return 0;
    } catch (error) {
      if (error instanceof LoginSetupError) {
        console.error(error.message);
        return EXIT_USAGE;
      }
      console.error(`数据库拒绝了操作：${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
});
