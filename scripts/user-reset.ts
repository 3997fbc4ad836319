/**
 * Resets a user's password from the command line and prints a one-time password (shown once):
 *   npm run user:reset -- --username U
 * The user must change it at the next sign-in; their sessions end and a sign-in lockout is lifted.
 * Exit codes: 0 reset · 1 refused or no such user · 2 database folder in use · 64 bad arguments.
 */
import { getUserByUsername } from '@/db/queries/users';
import { isAppError } from '@/lib/errors';
import { resetPassword } from '@/lib/services/admin/users';
import { parseUserResetArgs, USER_RESET_USAGE } from './lib/args';
import { cliActor, runCli } from './lib/cli';

runCli<{ username: string }>({
  usage: USER_RESET_USAGE,
  failure: '重置密码失败：',
  parse(argv) {
    const parsed = parseUserResetArgs(argv);
    return parsed.kind === 'help' ? 'help' : parsed.args;
  },
  async run({ username }, handle) {
    try {
      const user = await getUserByUsername(handle.db, username);
      if (!user) {
        console.error(`用户不存在：${username}（数据库：${handle.location}）`);
        return 1;
      }
      const { password } = await resetPassword(cliActor(), user.id, { db: handle.db });
      console.log(`已重置用户 ${user.username}（${user.displayName}）的密码。`);
      console.log(`一次性密码（只显示这一次，请安全地交给本人）：${password}`);
      console.log('该用户下次登录时须修改密码；其已登录的会话已全部失效，登录锁定（如有）已解除。');
      return 0;
    } catch (error) {
      if (!isAppError(error)) throw error;
      console.error(`未能重置密码：${error.message}`);
      return 1;
    }
  },
});
