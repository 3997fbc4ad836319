// npm run db:backup [-- --out FILE] — a logical backup of the whole database (embedded or DATABASE_URL) to a
// gzip JSON-lines file, mode 0600, never over an existing file. On the embedded engine the app must be
// stopped (one process holds the folder).
import fs from 'node:fs';
import path from 'node:path';
import { backupToFile } from '../db/backup';
import { envOpenOptions, openDatabase } from '../db/client';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const out = path.resolve(argValue('--out') ?? path.join('backups', `zhuashou-${stamp}.jsonl.gz`));
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  const handle = await openDatabase(envOpenOptions());
  try {
    // Owner-only (0600): a backup holds password hashes and encrypted second-factor secrets.
    const counts = await backupToFile(handle.db, out);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`备份完成：${out}（${total} 行；审计事件 ${counts.audit_events ?? 0} 条）`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
