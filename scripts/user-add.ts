/**
 * Creates a user from the command line (the first administrator, or any user without the web UI):
 *   USER_PASSWORD=… npm run user:add -- --username U --role R [--department CODE] [--name 显示名] [--no-force-change]
 * Without USER_PASSWORD the password is read from standard input (one line; hidden when typed at a terminal).
 * Exit codes: 0 created · 1 refused (the message says why) · 2 database folder in use · 64 bad arguments.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { ROLE_LABELS } from '@/lib/domain/types';
import { isAppError } from '@/lib/errors';
import { createUser } from '@/lib/services/admin/users';
import { firstLine, parseUserAddArgs, USER_ADD_USAGE, UsageError, type UserAddArgs } from './lib/args';
import { cliActor, runCli } from './lib/cli';

/** How each input field is given on this command line, for error messages. */
const FIELD_SOURCES: Record<string, string> = {
  username: '--username',
  displayName: '--name',
  role: '--role',
  departmentCode: '--department',
  password: '密码',
};

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(question);
    const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
    rl.on('SIGINT', () => {
      rl.close();
      process.stdout.write('\n');
      process.exit(130);
    });
    rl.once('line', (line) => {
      rl.close();
      process.stdout.write('\n');
      resolve(line);
    });
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await promptHidden('请输入新用户的密码（输入时不显示）：');
    const second = await promptHidden('请再输入一次：');
    if (first !== second) throw new UsageError('两次输入的密码不一致');
    return first;
  }
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return firstLine(text);
}

runCli<UserAddArgs & { password: string }>({
  usage: USER_ADD_USAGE,
  failure: '创建用户失败：',
  async parse(argv) {
    const parsed = parseUserAddArgs(argv);
    if (parsed.kind === 'help') return 'help';
    const password = await readPassword();
    if (!password) {
      throw new UsageError('未提供密码：请设置环境变量 USER_PASSWORD，或从标准输入传入一行密码');
    }
    return { ...parsed.args, password };
  },
  async run(args, handle) {
    try {
      const user = await createUser(cliActor(), args, { db: handle.db });
      const department = args.departmentCode ? `，单位 ${args.departmentCode.toLowerCase()}` : '';
      console.log(
        `已创建用户「${args.displayName}」：用户名 ${user.username}，角色 ${ROLE_LABELS[args.role]}${department}，编号 ${user.id}。`,
      );
      console.log(args.mustChangePassword ? '该用户首次登录时须修改密码。' : '该用户首次登录时无须修改密码。');
      console.log(`数据库：${handle.location}`);
      return 0;
    } catch (error) {
      if (!isAppError(error)) throw error;
      console.error(`未能创建用户：${error.message}`);
      for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
        for (const message of messages) console.error(`  ${FIELD_SOURCES[field] ?? field}：${message}`);
      }
      return 1;
    }
  },
});
