/** Auditor alerts (db/schema.ts auditorAlerts) and who acknowledged them. */
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { auditorAlertAcks, auditorAlerts } from '../schema';
import { insertedRow } from './rows';

export type AuditorAlertRow = typeof auditorAlerts.$inferSelect;
export type NewAuditorAlert = Omit<typeof auditorAlerts.$inferInsert, 'id' | 'createdAt'>;

export async function insertAuditorAlert(tx: Db, alert: NewAuditorAlert): Promise<AuditorAlertRow> {
  return insertedRow(tx.insert(auditorAlerts).values(alert).returning(), 'auditor alert');
}

/** Alerts raised since `since` that `auditorId` has not acknowledged, oldest first (at most `limit`). */
export async function listUnacknowledgedAlerts(
  db: Db,
  auditorId: number,
  since: Date,
  limit = 200,
): Promise<AuditorAlertRow[]> {
  const rows = await db
    .select({ alert: auditorAlerts })
    .from(auditorAlerts)
    .leftJoin(
      auditorAlertAcks,
      and(eq(auditorAlertAcks.alertId, auditorAlerts.id), eq(auditorAlertAcks.auditorId, auditorId)),
    )
    .where(and(isNull(auditorAlertAcks.alertId), gte(auditorAlerts.createdAt, since)))
    .orderBy(asc(auditorAlerts.id))
    .limit(limit);
  return rows.map((row) => row.alert);
}

/** Records the acknowledgements; returns the ids newly acknowledged (already acknowledged ones are skipped). */
export async function insertAcknowledgements(
  tx: Db,
  auditorId: number,
  alertIds: number[],
  at: Date,
): Promise<number[]> {
  if (alertIds.length === 0) return [];
  const rows = await tx
    .insert(auditorAlertAcks)
    .values(alertIds.map((alertId) => ({ alertId, auditorId, acknowledgedAt: at })))
    .onConflictDoNothing()
    .returning({ alertId: auditorAlertAcks.alertId });
  return rows.map((row) => row.alertId);
}
