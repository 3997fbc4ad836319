/** Named settings stored as JSON; readers validate and fall back to defaults. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { settings } from '../schema';

export const SETTING_KEYS = ['tolerance.progressPoints', 'tolerance.ratePoints', 'entry.dueDay'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export async function listSettings(db: Db): Promise<Partial<Record<SettingKey, unknown>>> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [...SETTING_KEYS]));
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
