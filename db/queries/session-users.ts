/**
 * The user row that every request's session check reads (lib/session/session.ts sessionUserOf: enabled, the
 * session version, the role and scope).
 *
 * On PGlite the rows are kept in this process between changes to the users table. On this machine a primary-key read
 * through PGlite costs 1–2 ms, half of a cached dashboard answer. The database is this process's alone (its folder
 * is locked: db/dir-lock.ts), and any statement that changes `users` notifies `zhuashou_users_changed` when its
 * transaction commits (migration 0014, a trigger: whatever the path, the app's services, a command run in this
 * process, a restore, hand-written SQL). Each notification counts in `kept.changes`. A row read before a change is
 * never served after it, even one whose read was in flight when the change committed. A rolled-back change sends
 * nothing and changes nothing. Until this process listens on the channel, every read asks the database.
 * PostgreSQL is shared with other instances and the commands: it is always asked.
 */
import type { PGlite } from '@electric-sql/pglite';
import { processWide } from '@/lib/process-wide';
import type { Db } from '../client';
import { pgliteOf } from '../copy';
import { getUserById, type UserRow } from './users';

export const USERS_CHANGED_CHANNEL = 'zhuashou_users_changed';
/** Rows kept per database: a city has hundreds of accounts; each row is about a kilobyte. */
export const MAX_KEPT_USERS = 5000;

interface HandleUsers {
  /** Resolves true once this process listens on the channel (false if it could not: then nothing is kept). */
  listening: Promise<boolean>;
  /** `kept.changes` when `rows` was last known to be current. */
  changes: number;
  rows: Map<number, Readonly<UserRow> | null>;
}

interface KeptUsers {
  changes: number;
  handles: WeakMap<Db, HandleUsers>;
}

/*
 * On globalThis, as the database itself is (../client.ts getDbHandle): each of the server's bundles carries its own
 * copy of this module, and a change seen through one must reach the reads of every other.
 */
const kept = processWide<KeptUsers>('zhuashou.db.sessionUsers', () => ({ changes: 0, handles: new WeakMap() }));

/** Any user may have changed (the trigger's notification; also for a caller that knows of a change itself). */
export function usersChanged(): void {
  kept.changes += 1;
}

function handleUsers(db: Db, pglite: PGlite): HandleUsers {
  let state = kept.handles.get(db);
  if (!state) {
    const listening = pglite.listen(USERS_CHANGED_CHANNEL, usersChanged).then(
      () => true,
      () => false,
    );
    state = { listening, changes: kept.changes, rows: new Map() };
    kept.handles.set(db, state);
  }
  return state;
}

/** The user with this id as stored now (null when there is none): what a session is checked against. */
export async function getSessionUserRow(db: Db, id: number): Promise<Readonly<UserRow> | null> {
  const pglite = pgliteOf(db);
  if (!pglite) return getUserById(db, id);
  const state = handleUsers(db, pglite);
  if (!(await state.listening)) return getUserById(db, id);
  if (state.changes !== kept.changes) {
    state.rows.clear();
    state.changes = kept.changes;
  }
  const held = state.rows.get(id);
  if (held !== undefined) return held;
  const before = kept.changes; // a change committed while the read waits for PGlite makes this row one not to keep
  const row = await getUserById(db, id);
  if (before === kept.changes && state.changes === before) {
    state.rows.set(id, row && Object.freeze(row));
    if (state.rows.size > MAX_KEPT_USERS) {
      const oldest = state.rows.keys().next().value;
      if (oldest !== undefined) state.rows.delete(oldest);
    }
  }
  return row;
}
