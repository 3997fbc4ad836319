/** The per-address, per-reason, per-minute counters of refused requests (see db/schema.ts refusalWindows). */
import { queryRows, sql, type Db } from '../client';

export interface RefusalCount {
  /** Refusals of this address and reason in the current window, this one included. */
  count: number;
  /** The window before it and how many refusals it held (null when there was none). */
  previousWindowStart: Date | null;
  previousCount: number | null;
}

/**
 * Counts one refusal in the window starting at `windowStart`. A new window moves the old one's count into
 * `previous_*`; a late refusal stamped with an older window (another instance's clock) counts in the current one.
 * Concurrent refusals serialise on the row, so exactly one of them sees count 1.
 */
export async function countRefusal(tx: Db, address: string, reason: string, windowStart: Date): Promise<RefusalCount> {
  const [row] = await queryRows<{
    count: number;
    previous_window_start: string | Date | null;
    previous_count: number | null;
  }>(
    tx,
    sql`insert into refusal_windows (address, reason, window_start, count)
        values (${address}, ${reason}, ${windowStart.toISOString()}, 1)
        on conflict (address, reason) do update set
          count = case when excluded.window_start <= refusal_windows.window_start then refusal_windows.count + 1 else 1 end,
          previous_count = case when excluded.window_start <= refusal_windows.window_start then refusal_windows.previous_count else refusal_windows.count end,
          previous_window_start = case when excluded.window_start <= refusal_windows.window_start then refusal_windows.previous_window_start else refusal_windows.window_start end,
          window_start = greatest(excluded.window_start, refusal_windows.window_start)
        returning count, previous_window_start, previous_count`,
  );
  if (!row) throw new Error('refusal count returned no row');
  const previous = row.previous_window_start;
  return {
    count: Number(row.count),
    previousWindowStart: previous === null ? null : new Date(previous),
    previousCount: row.previous_count === null ? null : Number(row.previous_count),
  };
}
