// npm run db:migrate — applies the migrations to PostgreSQL as the owner (DATABASE_OWNER_URL, else DATABASE_URL), or to
// the embedded database in PGLITE_DIR.
import { envOwnerUrl, openDatabase } from '../db/client';

async function main() {
  const handle = await openDatabase({ url: envOwnerUrl() });
  console.log(`数据库迁移完成（${handle.engine}：${handle.location}）`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
