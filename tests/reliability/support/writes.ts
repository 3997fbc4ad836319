/**
 * Draft saves over HTTP that remember what the server acknowledged, and the check that every acknowledged save is
 * in the database (as a version in the audit log). Shared by the reliability and cluster suites.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { call } from '@/scripts/lib/test-app';

export interface AcknowledgedWrite {
  code: string;
  version: number;
  value: string;
}

/** One writer's view: the version it last saw per figure (for optimistic concurrency). */
export class DraftWriter {
  private readonly versions = new Map<string, number | null>();
  /** The error message of the last answer (undefined after a 2xx, or when the server did not answer). */
  lastMessage: string | undefined;
  constructor(
    private readonly cookie: string,
    private readonly acknowledged: AcknowledgedWrite[],
  ) {}

  /** PUT /api/actuals { action: 'draft' }: a 200 is acknowledged, a 409 updates the version; the status is returned (0: no answer). */
  async save(baseUrl: string, code: string, period: string, value: string, timeoutMs = 15_000): Promise<number> {
    const res = await call(
      `${baseUrl}/api/actuals`,
      this.cookie,
      'PUT',
      { indicatorCode: code, period, value, version: this.versions.get(code) ?? null, action: 'draft' },
      timeoutMs,
    );
    this.lastMessage = res.body.error?.message;
    if (res.status === 200) {
      const version = (res.body.actual as { version: number }).version;
      this.versions.set(code, version);
      this.acknowledged.push({ code, version, value });
    } else if (res.status === 409) {
      this.versions.set(code, (res.body.error?.details?.current as { version?: number } | undefined)?.version ?? null);
    }
    return res.status;
  }
}

/** The acknowledged saves the audit log does not hold (each save is an `actual.save_draft` event with its version). */
export async function missingWrites(db: Db, acknowledged: AcknowledgedWrite[]): Promise<AcknowledgedWrite[]> {
  const logged = await queryRows<{ code: string; version: number; value: string }>(
    db,
    sql`select i.code, (e.after->>'version')::int as version, e.after->>'value' as value
        from audit_events e join indicators i on i.id = e.indicator_id where e.action = 'actual.save_draft'`,
  );
  const seen = new Set(logged.map((l) => `${l.code}:${l.version}:${Number(l.value)}`));
  return acknowledged.filter((a) => !seen.has(`${a.code}:${a.version}:${Number(a.value)}`));
}
