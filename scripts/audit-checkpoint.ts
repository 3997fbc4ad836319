/**
 * Issues an audit checkpoint from the command line (the chain must verify first), to keep outside the system:
 *   npx tsx scripts/audit-checkpoint.ts --out 审计检查点.json
 * The checkpoint is recorded in the audit log (audit.checkpoint). Exit codes: 0 written · 1 refused (the chain
 * does not verify) · 2 database folder in use · 64 bad arguments.
 */
import fs from 'node:fs';
import os from 'node:os';
import { envOpenOptions, openDatabase } from '@/db/client';
import { DatabaseLockedError } from '@/db/dir-lock';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { isAppError } from '@/lib/errors';
import { createCheckpoint } from '@/lib/services/audit';
import { parseOptions, UsageError } from './lib/args';

const USAGE = '用法：npx tsx scripts/audit-checkpoint.ts --out 检查点文件.json\n  先校验审计链，通过后把事件数与末尾哈希写入该文件（已存在的文件不会被覆盖）。';

async function main(): Promise<number> {
  let out: string;
  try {
    const options = parseOptions(process.argv.slice(2), { out: 'string' });
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    if (typeof options.out !== 'string') throw new UsageError('缺少参数 --out');
    out = options.out;
    if (fs.existsSync(out)) throw new UsageError(`文件已存在，不会覆盖：${out}`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 64;
    }
    throw error;
  }
  let handle;
  try {
    handle = await openDatabase(envOpenOptions());
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  try {
    const actor = { ...SYSTEM_ACTOR, clientAddress: `cli:${os.hostname()}` };
    const checkpoint = await createCheckpoint(actor, {}, handle.db);
    fs.writeFileSync(out, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
    console.log(`已生成检查点：共 ${checkpoint.count} 条事件，末尾事件 #${checkpoint.headId ?? '—'}，哈希 ${checkpoint.headHash}`);
    console.log(`已写入 ${out}。请将其保存在本系统之外（如审计部门的存档），日后用 npm run audit:verify -- --checkpoint ${out} 比对。`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('生成检查点失败：', error);
    process.exit(1);
  },
);
