/**
 * Issues an audit checkpoint from the command line (the chain must verify first), kept outside the database:
 *   npm run audit:checkpoint -- --out 审计检查点.jsonl | --dir 检查点文件夹 | --syslog   (any combination)
 * One JSON line (count, head id, head hash, time), files 0600. The checkpoint is recorded in the audit log
 * (audit.checkpoint). Exit codes: 0 written · 1 refused (the chain does not verify) or a destination failed ·
 * 2 database folder in use · 64 bad arguments.
 */
import { isAppError } from '@/lib/errors';
import { createCheckpoint } from '@/lib/services/audit/audit-log';
import type { AuditCheckpoint } from '@/lib/validation/audit';
import { parseOptions, UsageError } from './lib/args';
import { appendCheckpointFile, sendCheckpointToSyslog, writeCheckpointToDir } from './lib/checkpoint-files';
import { cliActor, runCli } from './lib/cli';

const USAGE = [
  '用法：npm run audit:checkpoint -- [--out 文件] [--dir 文件夹] [--syslog]（至少指定一个）',
  '  先校验审计链，通过后把事件数、末尾事件编号与哈希、生成时间作为一行 JSON 写到本系统之外：',
  '  --out 追加到该文件（权限 0600，已有的检查点保留）；--dir 在该文件夹中新建一个文件（0600）；',
  '  --syslog 经 logger 命令写入系统日志（auth.notice，标签 zhuashou-audit）。',
  '  日后用 npm run audit:verify -- --checkpoint 文件或文件夹 比对（取其中最新的检查点）。',
].join('\n');

interface Destinations {
  out?: string;
  dir?: string;
  syslog: boolean;
}

/** Writes the checkpoint to each destination asked for; false when any of them failed (each failure is named). */
function keep(checkpoint: AuditCheckpoint, { out, dir, syslog }: Destinations): boolean {
  let ok = true;
  const destinations: [string, () => string][] = [];
  if (out) destinations.push([`文件 ${out}`, () => `已追加到 ${appendCheckpointFile(out, checkpoint)}`]);
  if (dir) destinations.push([`文件夹 ${dir}`, () => `已写入 ${writeCheckpointToDir(dir, checkpoint)}`]);
  if (syslog)
    destinations.push(['syslog', () => (sendCheckpointToSyslog(checkpoint), '已写入 syslog（标签 zhuashou-audit）')]);
  for (const [where, write] of destinations) {
    try {
      console.log(write());
    } catch (error) {
      ok = false;
      console.error(`未能写入${where}：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok;
}

runCli<Destinations>({
  usage: USAGE,
  failure: '生成检查点失败：',
  parse(argv) {
    const options = parseOptions(argv, { out: 'string', dir: 'string', syslog: 'boolean' });
    if (options.help) return 'help';
    const destinations: Destinations = {
      ...(typeof options.out === 'string' ? { out: options.out } : {}),
      ...(typeof options.dir === 'string' ? { dir: options.dir } : {}),
      syslog: options.syslog === true,
    };
    if (!destinations.out && !destinations.dir && !destinations.syslog) {
      throw new UsageError('请用 --out、--dir 或 --syslog 指定检查点保存到哪里');
    }
    return destinations;
  },
  async run(destinations, handle) {
    let checkpoint;
    try {
      checkpoint = await createCheckpoint(cliActor(), { db: handle.db });
    } catch (error) {
      if (!isAppError(error)) throw error;
      console.error(error.message);
      return 1;
    }
    console.log(
      `已生成检查点：共 ${checkpoint.count} 条事件，末尾事件 #${checkpoint.headId ?? '—'}，哈希 ${checkpoint.headHash}`,
    );
    const ok = keep(checkpoint, destinations);
    console.log(
      '请把检查点保存在本系统之外（如审计部门的存档）；日后用 npm run audit:verify -- --checkpoint 文件或文件夹 比对。',
    );
    return ok ? 0 : 1;
  },
});
