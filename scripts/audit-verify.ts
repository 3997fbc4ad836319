/**
 * Verifies the audit log's hash chain from the command line, optionally against a kept checkpoint:
 *   npm run audit:verify [-- --checkpoint 检查点文件或文件夹] [--json]
 * Given a folder (or a file of several JSON lines), the newest checkpoint in it is used.
 * Exit codes: 0 the chain (and the checkpoint) verify · 1 they do not (the first mismatch is named) ·
 * 2 database folder in use · 64 bad arguments or an unreadable checkpoint file.
 */
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { isAppError } from '@/lib/errors';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { parseOptions } from './lib/args';
import { readNewestCheckpoint, type KeptCheckpoint } from './lib/checkpoint-files';
import { EXIT_USAGE, runCli } from './lib/cli';

const USAGE = [
  '用法：npm run audit:verify [-- --checkpoint 检查点文件或文件夹] [--json]',
  '  逐条重新计算审计日志的哈希链；指定检查点时，再与该检查点（审计员保存的审计链末尾哈希与事件数）比对；',
  '  指定文件夹（或含多行检查点的文件）时，取其中最新的检查点。',
  '  --json 以 JSON 输出校验结果。校验通过退出码为 0，未通过为 1。',
].join('\n');

runCli<{ json: boolean; kept?: KeptCheckpoint }>({
  usage: USAGE,
  failure: '审计日志校验失败：',
  parse(argv) {
    const options = parseOptions(argv, { checkpoint: 'string', json: 'boolean' });
    if (options.help) return 'help';
    const json = options.json === true;
    return typeof options.checkpoint === 'string' ? { json, kept: readNewestCheckpoint(options.checkpoint) } : { json };
  },
  async run({ json, kept }, handle) {
    try {
      const started = Date.now();
      const report = await verifyAuditChain(SYSTEM_ACTOR, kept ? { checkpoint: kept.checkpoint } : {}, {
        db: handle.db,
      });
      if (json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(report.ok ? '校验通过。' : '校验未通过！');
        if (kept)
          console.log(
            `检查点：${kept.source}（${kept.checkpoint.createdAt} 生成，共 ${kept.checkpoint.count} 条，末尾事件 #${kept.checkpoint.headId ?? '—'}）`,
          );
        console.log(report.message);
        console.log(
          `数据库：${handle.location}；共 ${report.count} 条事件，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`,
        );
      }
      return report.ok ? 0 : 1;
    } catch (error) {
      if (!isAppError(error)) throw error;
      console.error(`无法校验：${error.message}`);
      return EXIT_USAGE;
    }
  },
});
