// npm run db:seed [-- --sample] — loads the report (and with --sample, or on the embedded engine, the 2026 sample year).
import { envOpenOptions, openDatabase } from '../db/client';
import { bootstrap } from '../lib/services/platform/bootstrap';

async function main() {
  const handle = await openDatabase(envOpenOptions());
  const sample = process.argv.includes('--sample') ? true : process.argv.includes('--no-sample') ? false : undefined;
  await bootstrap({ sample }, handle);
  console.log(`数据载入完成（${handle.engine}：${handle.location}）。重复执行不会改变已有数据。`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
