/** User rows. Password hashes and secrets never leave this layer except to the sign-in service. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginThrottle, users } from '../schema';

export async function getUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}

export async function getUserById(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof getUserById>>>;

/** Failures recorded for an address in the current window. */
export async function getAddressFailures(db: Db, address: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.address, address), gt(loginThrottle.windowStart, windowStart)));
  return row?.failures ?? 0;
}

export async function recordAddressFailure(db: Db, address: string, now: Date, windowStart: Date): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ address, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.address,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} > ${windowStart.toISOString()}::timestamptz then ${loginThrottle.failures} + 1 else 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} > ${windowStart.toISOString()}::timestamptz then ${loginThrottle.windowStart} else ${now.toISOString()}::timestamptz end`,
      },
    });
}
