/**
 * Readiness (GET /api/ready) and the start-up check of the database login. An owner-level login (owns audit_events,
 * superuser, or bypasses row security) could switch the audit log's triggers off: on a production PostgreSQL it is
 * reported loudly, and /api/ready says which kind of login the app runs on (nothing more: no engine, no names).
 */
import { serverEnv } from '@/lib/env';
import { getDbHandle, getMigrationState, type DbHandle } from '@/db/client';
import { getLoginLevel, type LoginLevel } from '@/db/roles';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unavailable';
  migrations: 'current' | 'pending' | 'unknown';
  login: LoginLevel | 'unknown';
}

const NOT_READY: Readiness = { ready: false, database: 'unavailable', migrations: 'unknown', login: 'unknown' };

/** Ready when the database answers and every migration is applied; with a deadline, so a hung connection answers 503. */
export async function checkReadiness(options: { timeoutMs?: number; handle?: DbHandle } = {}): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), options.timeoutMs ?? 3000);
  });
  try {
    const handle = options.handle ?? (await Promise.race([getDbHandle(), deadline]));
    const [migrations, login] = await Promise.race([
      Promise.all([getMigrationState(handle.db), getLoginLevel(handle.db)]),
      deadline,
    ]);
    return { ready: migrations === 'current', database: 'ok', migrations, login };
  } catch {
    return NOT_READY;
  } finally {
    clearTimeout(timer);
  }
}

export const OWNER_LOGIN_WARNING =
  '[zhuashou] WARN database login is owner-level (owns audit_events, superuser or BYPASSRLS): whoever controls the app ' +
  'could disable the audit triggers and rewrite the audit log. Create a restricted login with `npm run db:roles -- --app-user NAME` ' +
  '(as the owner), then run the app with DATABASE_URL of that login and DATABASE_OWNER_URL of the owner.';

/** At start: on a production PostgreSQL, warns when the app's login is owner-level. Returns what it found. */
export async function reportDatabaseLogin(
  options: { handle?: DbHandle; production?: boolean; warn?: (line: string) => void } = {},
): Promise<LoginLevel | null> {
  const handle = options.handle ?? (await getDbHandle());
  if (handle.engine !== 'postgres') return null;
  const level = await getLoginLevel(handle.db);
  const production = options.production ?? serverEnv().production;
  if (level === 'owner' && production) (options.warn ?? console.warn)(OWNER_LOGIN_WARNING);
  return level;
}
