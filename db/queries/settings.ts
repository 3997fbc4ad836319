/** Named settings stored as JSON; readers validate and fall back to defaults. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';

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
