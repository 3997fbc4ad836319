/**
 * Audit checkpoints kept outside the database: written as one JSON line each (to a file, appended; to a new file in a
 * folder; or to syslog), readable only by their owner (0600); and read back from a file or a whole folder, of which
 * audit:verify takes the newest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pickNewestCheckpoint } from '@/lib/domain/audit-verify';
import { checkpointSchema, type AuditCheckpoint } from '@/lib/validation/audit';
import { UsageError } from './args';

export interface KeptCheckpoint {
  checkpoint: AuditCheckpoint;
  /** The file it was read from. */
  source: string;
}

export function checkpointLine(checkpoint: AuditCheckpoint): string {
  return `${JSON.stringify(checkpoint)}\n`;
}

/** Appends the line to `file` (created 0600; an existing file keeps its earlier checkpoints). */
export function appendCheckpointFile(file: string, checkpoint: AuditCheckpoint): string {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o600);
  try {
    fs.writeSync(fd, checkpointLine(checkpoint));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Writes a new file in `dir` (created 0700 when missing), named by time and head so that names sort by age. */
export function writeCheckpointToDir(dir: string, checkpoint: AuditCheckpoint): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = checkpoint.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(dir, `audit-checkpoint-${stamp}-${checkpoint.headId ?? 0}.json`);
  fs.writeFileSync(file, checkpointLine(checkpoint), { flag: 'wx', mode: 0o600 });
  return file;
}

/** Sends the line to syslog through logger(1) (facility auth, tag zhuashou-audit); throws when that fails. */
export function sendCheckpointToSyslog(checkpoint: AuditCheckpoint): void {
  const result = spawnSync('logger', ['-t', 'zhuashou-audit', '-p', 'auth.notice', '--', JSON.stringify(checkpoint)], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : (result.stderr || `exit ${result.status}`).trim();
    throw new Error(`无法写入 syslog（logger 命令）：${why}`);
  }
}

/** Every checkpoint in a file (one JSON per line, or one pretty-printed JSON as older versions wrote). */
function checkpointsInFile(file: string): AuditCheckpoint[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`无法读取检查点文件：${file}`);
  }
  const parse = (chunk: string): AuditCheckpoint => {
    let json: unknown;
    try {
      json = JSON.parse(chunk);
    } catch {
      throw new UsageError(`检查点文件不是有效的 JSON：${file}`);
    }
    const parsed = checkpointSchema.safeParse(json);
    if (!parsed.success)
      throw new UsageError(`检查点文件无效：${file}：${parsed.error.issues.map((i) => i.message).join('；')}`);
    return parsed.data;
  };
  const trimmed = text.trim();
  if (!trimmed) throw new UsageError(`检查点文件是空的：${file}`);
  if (!trimmed.includes('\n') || trimmed.startsWith('{\n')) return [parse(trimmed)];
  return trimmed
    .split('\n')
    .filter((line) => line.trim())
    .map(parse);
}

/** The newest checkpoint kept in a file or in a folder's *.json / *.jsonl files. */
export function readNewestCheckpoint(target: string): KeptCheckpoint {
  let files: string[];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new UsageError(`无法读取检查点文件：${target}`);
  }
  if (stat.isDirectory()) {
    files = fs
      .readdirSync(target)
      .filter((name) => /\.jsonl?$/i.test(name))
      .map((name) => path.join(target, name));
    if (files.length === 0) throw new UsageError(`检查点文件夹中没有检查点（*.json）：${target}`);
  } else {
    files = [target];
  }
  const kept = files.flatMap((source) => checkpointsInFile(source).map((checkpoint) => ({ ...checkpoint, source })));
  const newest = pickNewestCheckpoint(kept);
  if (!newest) throw new UsageError(`没有可用的检查点：${target}`);
  const { source, ...checkpoint } = newest;
  return { checkpoint, source };
}
