/** Named settings stored as JSON; readers validate and fall back to defaults. */
import { eq, inArray } from 'drizzle-orm';
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

/** A generated secret kept in settings: the first instance to ask stores it, every other one reads the same. */
export async function getOrCreateSecretSetting(db: Db, key: string, candidate: string): Promise<string> {
  await db.insert(settings).values({ key, value: candidate }).onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (typeof row?.value !== 'string') throw new Error(`setting ${key} is not a string`);
  return row.value;
}
