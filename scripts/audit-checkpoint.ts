/**
 * Issues an audit checkpoint from the command line (the chain must verify first), kept outside the database:
 *   npm run audit:checkpoint -- --out 审计检查点.jsonl | --dir 检查点文件夹 | --syslog   (any combination)
 * One JSON line (count, head id, head hash, time), files 0600. The checkpoint is recorded in the audit log
 * (audit.checkpoint). Exit codes: 0 written · 1 refused (the chain does not verify) or a destination failed ·
 * 2 database folder in use · 64 bad arguments.
 */
import os from 'node:os';
import { envOpenOptions, openDatabase } from '@/db/client';
import { DatabaseLockedError } from '@/db/dir-lock';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { isAppError } from '@/lib/errors';
import { createCheckpoint } from '@/lib/services/audit/audit-log';
import { parseOptions, UsageError } from './lib/args';
import { appendCheckpointFile, sendCheckpointToSyslog, writeCheckpointToDir } from './lib/checkpoint-files';

const USAGE = [
  '用法：npm run audit:checkpoint -- [--out 文件] [--dir 文件夹] [--syslog]（至少指定一个）',
  '  先校验审计链，通过后把事件数、末尾事件编号与哈希、生成时间作为一行 JSON 写到本系统之外：',
  '  --out 追加到该文件（权限 0600，已有的检查点保留）；--dir 在该文件夹中新建一个文件（0600）；',
  '  --syslog 经 logger 命令写入系统日志（auth.notice，标签 zhuashou-audit）。',
  '  日后用 npm run audit:verify -- --checkpoint 文件或文件夹 比对（取其中最新的检查点）。',
].join('\n');

async function main(): Promise<number> {
  let out: string | undefined;
  let dir: string | undefined;
  let syslog = false;
  try {
    const options = parseOptions(process.argv.slice(2), { out: 'string', dir: 'string', syslog: 'boolean' });
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    out = typeof options.out === 'string' ? options.out : undefined;
    dir = typeof options.dir === 'string' ? options.dir : undefined;
    syslog = options.syslog === true;
    if (!out && !dir && !syslog) throw new UsageError('请用 --out、--dir 或 --syslog 指定检查点保存到哪里');
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
  let checkpoint;
  try {
    const actor = { ...SYSTEM_ACTOR, clientAddress: `cli:${os.hostname()}` };
    checkpoint = await createCheckpoint(actor, { db: handle.db });
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await handle.close();
  }
  console.log(`已生成检查点：共 ${checkpoint.count} 条事件，末尾事件 #${checkpoint.headId ?? '—'}，哈希 ${checkpoint.headHash}`);
  let failed = false;
  const destinations: [string, () => string][] = [];
  if (out) destinations.push([`文件 ${out}`, () => `已追加到 ${appendCheckpointFile(out, checkpoint)}`]);
  if (dir) destinations.push([`文件夹 ${dir}`, () => `已写入 ${writeCheckpointToDir(dir, checkpoint)}`]);
  if (syslog) destinations.push(['syslog', () => (sendCheckpointToSyslog(checkpoint), '已写入 syslog（标签 zhuashou-audit）')]);
  for (const [where, write] of destinations) {
    try {
      console.log(write());
    } catch (error) {
      failed = true;
      console.error(`未能写入${where}：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log('请把检查点保存在本系统之外（如审计部门的存档）；日后用 npm run audit:verify -- --checkpoint 文件或文件夹 比对。');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('生成检查点失败：', error);
    process.exit(1);
  },
);
