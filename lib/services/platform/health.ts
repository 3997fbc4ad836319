/**
 * Liveness of the database, with a deadline so a hung connection answers 503 rather than hanging. Public, so it
 * says only whether the app is alive: not the engine, version or anything else a scanner could use.
 */
import { getDbHandle, queryRows, sql } from '@/db/client';

export async function checkHealth(timeoutMs = 3000): Promise<{ ok: boolean; message: string }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const handle = await Promise.race([getDbHandle(), deadline]);
    await Promise.race([queryRows(handle.db, sql`select 1 as ok`), deadline]);
    return { ok: true, message: '运行正常' };
  } catch {
    return { ok: false, message: '数据库暂时不可用' };
  } finally {
    clearTimeout(timer);
  }
}
