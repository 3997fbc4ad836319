// npm run db:restore -- --in FILE — restores a backup into an EMPTY database (a new PGLITE_DIR folder, or a new
// PostgreSQL database in DATABASE_URL): migrates it, loads every table in one transaction, checks the counts. On
// PostgreSQL it runs as the owner (DATABASE_OWNER_URL when set): restoring sets the tables' sequences.
import fs from 'node:fs';
import path from 'node:path';
import { restoreDatabase } from '../db/backup';
import { envOwnerUrl, openDatabase } from '../db/client';

async function main() {
  const i = process.argv.indexOf('--in');
  const file = i >= 0 ? process.argv[i + 1] : undefined;
  if (!file) {
    console.error('用法：npm run db:restore -- --in 备份文件.jsonl.gz（目标数据库须为空）');
    process.exit(64);
  }
  if (!fs.existsSync(file)) {
    console.error(`找不到备份文件：${path.resolve(file)}`);
    process.exit(2);
  }
  const handle = await openDatabase({ url: envOwnerUrl() });
  try {
    const counts = await restoreDatabase(handle.db, fs.createReadStream(file));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `恢复完成（${handle.engine}：${handle.location}）：${total} 行；审计事件 ${counts.audit_events ?? 0} 条。请运行 npm run audit:verify 校验审计链。`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
