/**
 * Start-up: open (and migrate) the database, load the report, and on the embedded default the sample
 * year and one demo account per role (passwords printed once, changed at first sign-in). Also removes a
 * stored signing secret and encrypts plain TOTP secrets (./credentials-at-rest). Idempotent; runs once per process.
 */
import { serverEnv } from '@/lib/env';
import { count } from 'drizzle-orm';
import { getDbHandle, type DbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { seedReport } from '@/db/seed/report';
import { seedPlans } from '@/db/seed/plans';
import { SAMPLE_YEAR, seedSampleYear } from '@/db/seed/sample';
import { SAMPLE_SCHEME } from '@/db/seed/sample-scheme';
import { seedUnits } from '@/db/seed/units';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { generatePassword } from '@/lib/auth/password';
import { ROLE_LABELS, type Role } from '@/lib/domain/types';
import { secureStoredCredentials } from '../account/credentials-at-rest';
import { createUser } from '../admin/users';
import { isAppError } from '@/lib/errors';
import { seedSampleScores } from '@/lib/services/scoring/scoring';

const DEMO_DEPARTMENT = 'fgw';
const DEMO_ACCOUNTS: { username: string; role: Role; displayName: string }[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员（演示）' },
  { username: 'anquan', role: 'security', displayName: '安全管理员（演示）' },
  { username: 'tianbao', role: 'official', displayName: '发改委填报员（演示）' },
  { username: 'shenhe', role: 'reviewer', displayName: '发改委审核员（演示）' },
  { username: 'lingdao', role: 'leader', displayName: '市领导（演示）' },
  { username: 'shenji', role: 'auditor', displayName: '审计员（演示）' },
];

export interface BootstrapOptions {
  /** Load the sample year (default: only on the embedded engine, or SEED_SAMPLE=1). */
  sample?: boolean;
  /** Create the demo accounts on an empty embedded database (default true on the embedded engine). */
  demoAccounts?: boolean;
  log?: (line: string) => void;
  now?: Date;
}

export async function bootstrap(options: BootstrapOptions = {}, handle?: DbHandle): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const h = handle ?? (await getDbHandle());
  const embedded = h.engine === 'pglite';
  const stored = await secureStoredCredentials(h.db);
  if (stored.deletedSettings)
    log('[zhuashou] removed the signing secret an earlier version kept in the database (settings auth.secret)');
  if (stored.resealedTotpSecrets)
    log(`[zhuashou] encrypted ${stored.resealedTotpSecrets} TOTP secret(s) stored in plain text`);
  if (stored.unreadableTotpSecrets) {
    log(
      `[zhuashou] WARNING: ${stored.unreadableTotpSecrets} TOTP secret(s) do not decrypt with DATA_KEY or AUTH_SECRET (was a key changed?)`,
    );
  }
  const report = await seedReport(h.db);
  if (report.applied) log(`[zhuashou] 已载入政府工作报告：${report.indicators} 项指标，${report.figures} 个数据`);
  await seedPlans(h.db);
  const seededUnits = await seedUnits(h.db);
  if (seededUnits.applied) log(`[zhuashou] 已载入县区：${seededUnits.units} 个`);
  const wantSample = options.sample ?? (embedded || serverEnv().seedSample);
  if (wantSample) {
    const sample = await seedSampleYear(h.db, options.now ?? new Date());
    if (sample.applied)
      log(
        `[zhuashou] 已载入 2026 年示例数据（示例数据，非真实统计）：${sample.targets} 个目标，${sample.figures} 个月度数据`,
      );
    try {
      if (await seedSampleScores(h.db, SAMPLE_YEAR, SAMPLE_SCHEME, options.now ?? new Date()))
        log(`[zhuashou] 已发布 ${SAMPLE_YEAR} 年示例考核得分（示例数据）`);
    } catch (error) {
      // The catalogue changed under the sample scheme (an indicator retired): start anyway, without sample scores.
      if (!isAppError(error)) throw error;
      log(`[zhuashou] 未发布示例考核得分：${error.message}`);
    }
  }
  const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(users);
  if (n > 0) return;
  if (embedded && (options.demoAccounts ?? serverEnv().demoAccounts)) {
    const lines: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const password = generatePassword();
      await createUser(
        SYSTEM_ACTOR,
        {
          ...account,
          departmentCode: account.role === 'official' || account.role === 'reviewer' ? DEMO_DEPARTMENT : undefined,
          password,
          // Printed in the log: a password anyone with the log has, so it only opens the change form.
          mustChangePassword: true,
        },
        { db: h.db },
      );
      lines.push(
        `  ${ROLE_LABELS[account.role].padEnd(6, '　')} 用户名 ${account.username.padEnd(10)} 密码 ${password}`,
      );
    }
    log(
      [
        '',
        '[zhuashou] 已创建演示账号（仅显示这一次，请妥善记录；首次登录须修改密码；可用 npm run user:reset -- --username 用户名 重置）：',
        ...lines,
        '  注意：嵌入式演示环境默认未启用双因素认证（MFA_REQUIRED_ROLES 可开启）。',
        '',
      ].join('\n'),
    );
  } else {
    log(
      [
        '',
        '[zhuashou] 数据库中还没有任何用户。请先创建系统管理员和安全管理员（安全管理员负责账号）：',
        '  USER_PASSWORD=… npm run user:add -- --username admin --role admin --name 系统管理员',
        '  USER_PASSWORD=… npm run user:add -- --username anquan --role security --name 安全管理员',
        '',
      ].join('\n'),
    );
  }
}
