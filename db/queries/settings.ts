/** Named settings stored as JSON; readers validate and fall back to defaults. */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';
import { firstOrNull } from './rows';

export const SETTING_KEYS = ['tolerance.progressPoints', 'tolerance.ratePoints', 'entry.dueDay'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/**
 * Keys that must never be in the database, and are never written to a backup: the signing secret an
 * earlier version generated here on PostgreSQL (removed by migration and at start, see lib/services/platform/start.ts).
 */
export const FORBIDDEN_SETTING_KEYS = ['auth.secret'] as const;

export async function listSettings(db: Db): Promise<Partial<Record<SettingKey, unknown>>> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [...SETTING_KEYS]));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Deletes any forbidden setting (an old stored signing secret); returns how many rows went. */
export async function deleteForbiddenSettings(db: Db): Promise<number> {
  const rows = await db
    .delete(settings)
    .where(inArray(settings.key, [...FORBIDDEN_SETTING_KEYS]))
    .returning({ key: settings.key });
  return rows.length;
}

/** The reminder settings (channels, thresholds): one JSON value of its own, read and validated by lib/services/reminder-settings. */
export const REMINDER_SETTINGS_KEY = 'reminders';

export async function getSettingRow(
  db: Db,
  key: string,
): Promise<{ value: unknown; updatedAt: Date; updatedBy: number | null } | null> {
  return firstOrNull(
    db
      .select({ value: settings.value, updatedAt: settings.updatedAt, updatedBy: settings.updatedBy })
      .from(settings)
      .where(eq(settings.key, key)),
  );
}

export async function putSettingRow(
  db: Db,
  key: string,
  value: unknown,
  updatedBy: number | null,
  at: Date,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedBy, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: at } });
}
