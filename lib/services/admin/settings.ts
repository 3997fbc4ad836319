/** Reporting settings: tolerances of the traffic lights and the entry deadline day; their page's view and save. */
import { desc, inArray, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { getUserDisplayName, listPeriodLocks } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { listSettings, SETTING_KEYS, type SettingKey } from '@/db/queries/settings';
import { settings } from '@/db/schema';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { reportingSettingsSchema, yearField } from '@/lib/validation/targets';
import { DEFAULT_DUE_DAY } from '@/lib/domain/period';
import { DEFAULT_TOLERANCES, type Tolerances } from '@/lib/domain/status';
import { authorize, resolveOptions, type ServiceOptions } from '@/lib/services/options';

/** Any fixed number: serialises settings saves across connections and instances. */
const SETTINGS_LOCK_KEY = 7_720_010;

export interface ReportingSettings {
  tolerances: Tolerances;
  dueDay: number;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

export async function getReportingSettings(db?: Db): Promise<ReportingSettings> {
  const raw = await listSettings(db ?? (await getDb()));
  return {
    tolerances: {
      progressPoints: numberIn(raw['tolerance.progressPoints'], 0, 100, DEFAULT_TOLERANCES.progressPoints),
      ratePoints: numberIn(raw['tolerance.ratePoints'], 0, 100, DEFAULT_TOLERANCES.ratePoints),
    },
    dueDay: numberIn(raw['entry.dueDay'], 1, 28, DEFAULT_DUE_DAY),
  };
}

/** The version of the stored settings: the latest change, or "initial" before the first one. */
async function settingsVersion(db: Db): Promise<string> {
  const rows = await db
    .select({ updatedAt: settings.updatedAt })
    .from(settings)
    .where(inArray(settings.key, [...SETTING_KEYS]));
  const latest = Math.max(0, ...rows.map((r) => r.updatedAt.getTime()));
  return latest === 0 ? 'initial' : new Date(latest).toISOString();
}

/** GET /api/admin/settings?year= — the settings with their version, and the periods closed in that year. */
export async function getSettingsView(actor: Actor, query: { year: number }, options: ServiceOptions = {}) {
  const { db } = await resolveOptions(options);
  if (!can(actor, 'target.manage') && !can(actor, 'period.lock')) throw new AppError('forbidden');
  const year = parseOrThrow(yearField, query.year);
  const [current, version, locks] = await Promise.all([
    getReportingSettings(db),
    settingsVersion(db),
    listPeriodLocks(db, year),
  ]);
  return {
    ...current,
    version,
    year,
    locks: locks.map((l) => ({ month: l.month, lockedAt: l.lockedAt.toISOString(), reason: l.reason })),
  };
}
export type SettingsView = Awaited<ReturnType<typeof getSettingsView>>;

/** PUT /api/admin/settings — tolerances and the entry due day, one audit event; a stale save gets 409. */
export async function updateReportingSettings(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<ReportingSettings & { version: string }> {
  const { db, now } = await authorize(actor, 'target.manage', options);
  const data = parseOrThrow(reportingSettingsSchema, input);
  return db.transaction(async (tx) => {
    // Serialises concurrent saves so that the version comparison below is not raced.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETTINGS_LOCK_KEY})`);
    const before = await getReportingSettings(tx);
    if ((await settingsVersion(tx)) !== data.version) {
      const [latest] = await tx
        .select({ updatedBy: settings.updatedBy })
        .from(settings)
        .where(inArray(settings.key, [...SETTING_KEYS]))
        .orderBy(desc(settings.updatedAt))
        .limit(1);
      const savedBy = (await getUserDisplayName(tx, latest?.updatedBy ?? null)) ?? '他人';
      throw new AppError('conflict', `设置已被${savedBy}修改，请核对后再保存（您填写的内容已保留）`, undefined, {
        current: before,
        savedBy,
      });
    }
    const values: Record<SettingKey, number> = {
      'tolerance.progressPoints': data.progressPoints,
      'tolerance.ratePoints': data.ratePoints,
      'entry.dueDay': data.dueDay,
    };
    for (const key of SETTING_KEYS) {
      await tx
        .insert(settings)
        .values({ key, value: values[key], updatedBy: actor.id, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: values[key], updatedBy: actor.id, updatedAt: now } });
    }
    const after = await getReportingSettings(tx);
    await appendAuditEvent(tx, {
      actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: 'reporting',
      before,
      after,
      at: now,
    });
    return { ...after, version: now.toISOString() };
  });
}
