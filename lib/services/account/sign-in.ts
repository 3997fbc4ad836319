/**
 * Sign-in: password (argon2id), optional TOTP, account lockout and a per-address throttle. A success is an
 * audit event; a failure is recorded throttled (lib/services/audit/refusals.ts: one event per address and reason
 * a minute, with a count), in the same transaction as the counters it changes, and a lockout is an event of
 * its own that the security administrator sees. A locked account answers exactly as a wrong password does
 * (same message, same password-hashing time), so that nobody learns which accounts exist or are locked.
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getAddressFailures, getUserByUsername, recordAddressFailure, type UserRow } from '@/db/queries/users';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { getDummyHash, verifyPassword } from '@/lib/auth/password';
import {
  ADDRESS_FAILURE_LIMIT,
  LOCKOUT_DURATION_SECONDS,
  LOCKOUT_THRESHOLD,
  LOCKOUT_WINDOW_SECONDS,
} from '@/lib/auth/session-policy';
import { needsReseal, openSecret, sealSecret } from '@/lib/auth/data-key';
import { matchRecoveryCode, verifyTotpCode } from '@/lib/auth/totp';
import type { RefusalReason } from '@/lib/domain/audit-actions';
import { recordRefusalIn } from '../audit/refusals';

/** Codes the login form turns into Chinese messages (lib/auth/sign-in-messages.ts). */
export type SignInErrorCode = 'invalid' | 'throttled' | 'totp_required' | 'totp_invalid' | 'disabled';

/** Why an attempt failed, as recorded (a locked account is recorded as such but answered as 'invalid'). */
type FailureKind = Exclude<SignInErrorCode, 'totp_required'> | 'locked';

const REFUSAL_REASON: Record<FailureKind, RefusalReason> = {
  invalid: 'sign_in',
  locked: 'sign_in_locked',
  throttled: 'sign_in_throttled',
  totp_invalid: 'totp',
  disabled: 'sign_in_disabled',
};

/** The route the credentials are posted to, for the record of a refusal. */
const SIGN_IN_PATH = '/api/auth/callback/credentials';

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = 'SignInError';
  }
}

interface Attempt {
  username: string;
  password: string;
  totp?: string;
  clientAddress: string;
  now?: Date;
}

function actorOf(user: UserRow | null, username: string, clientAddress: string): Actor {
  return user
    ? { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId, clientAddress }
    : { id: null, username: username.slice(0, 64) || '(空)', role: 'system', departmentId: null, clientAddress };
}

async function fail(
  db: Db,
  attempt: Attempt,
  user: UserRow | null,
  kind: FailureKind,
  now: Date,
  countsTowardLockout: boolean,
): Promise<never> {
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await recordAddressFailure(tx, attempt.clientAddress, now, windowStart);
    let lockedNow = false;
    if (user && countsTowardLockout) {
      const inWindow = user.firstFailedAt !== null && user.firstFailedAt > windowStart;
      const failures = inWindow ? user.failedAttempts + 1 : 1;
      lockedNow = failures >= LOCKOUT_THRESHOLD;
      await tx
        .update(users)
        .set({
          failedAttempts: lockedNow ? 0 : failures,
          firstFailedAt: inWindow ? user.firstFailedAt : now,
          lockedUntil: lockedNow ? new Date(now.getTime() + LOCKOUT_DURATION_SECONDS * 1000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
    }
    await recordRefusalIn(
      tx,
      {
        clientAddress: attempt.clientAddress,
        reason: REFUSAL_REASON[kind],
        actorId: user?.id ?? null,
        username: attempt.username.slice(0, 64) || '(空)',
        role: user?.role,
        departmentId: user?.departmentId ?? null,
        method: 'POST',
        path: SIGN_IN_PATH,
      },
      now,
    );
    if (lockedNow && user) {
      await appendAuditEvent(tx, {
        actor: actorOf(user, attempt.username, attempt.clientAddress),
        action: 'auth.locked',
        entityType: 'user',
        entityId: user.id,
        departmentId: user.departmentId,
        after: { lockedForMinutes: LOCKOUT_DURATION_SECONDS / 60 },
        at: now,
      });
    }
  });
  throw new SignInError(kind === 'locked' ? 'invalid' : kind);
}

/**
 * Accepts a TOTP code or a recovery code, each at most once: the claim is a conditional update, so of
 * several sign-ins racing with one code exactly one wins (the step must still be newer than the last
 * accepted; the recovery code's hash must still be in the list when the row is updated). A TOTP secret
 * still stored in plain text (or under an older key) is re-encrypted by the same update.
 */
async function claimSecondFactor(db: Db, user: UserRow, code: string, now: Date): Promise<boolean> {
  const totpSecret = user.totpSecret ? await openSecret(user.totpSecret) : null;
  const totp = verifyTotpCode({ totpSecret, totpLastStep: user.totpLastStep }, code, now);
  if (totp.step !== undefined) {
    if (!totp.ok) return false;
    const reseal =
      user.totpSecret && totpSecret && (await needsReseal(user.totpSecret)) ? await sealSecret(totpSecret) : null;
    const [claimed] = await db
      .update(users)
      .set({ totpLastStep: totp.step, ...(reseal ? { totpSecret: reseal } : {}) })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, totp.step))))
      .returning({ id: users.id });
    return Boolean(claimed);
  }
  const hash = await matchRecoveryCode(user.recoveryCodes, code);
  if (!hash) return false;
  const [consumed] = await db
    .update(users)
    .set({ recoveryCodes: sql`${users.recoveryCodes} - ${hash}::text` })
    .where(and(eq(users.id, user.id), sql`${users.recoveryCodes} @> jsonb_build_array(${hash}::text)`))
    .returning({ id: users.id });
  return Boolean(consumed);
}

/** Checks the credentials; returns the user or throws a SignInError (after auditing the failure). */
export async function authenticate(attempt: Attempt): Promise<UserRow> {
  const db = await getDb();
  const now = attempt.now ?? new Date();
  const username = attempt.username.trim();
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_SECONDS * 1000);
  if ((await getAddressFailures(db, attempt.clientAddress, windowStart)) >= ADDRESS_FAILURE_LIMIT) {
    return fail(db, attempt, null, 'throttled', now, false);
  }
  const user = username && username.length <= 64 ? await getUserByUsername(db, username) : null;
  const password = attempt.password.length <= 256 ? attempt.password : '';
  if (!user) {
    await verifyPassword(await getDummyHash(), password || 'x');
    return fail(db, attempt, null, 'invalid', now, false);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    // The same work and the same answer as a wrong password: a locked account is not told apart.
    await verifyPassword(user.passwordHash, password || 'x');
    return fail(db, attempt, user, 'locked', now, false);
  }
  if (!password || !(await verifyPassword(user.passwordHash, password))) {
    return fail(db, attempt, user, 'invalid', now, true);
  }
  if (user.isDisabled) return fail(db, attempt, user, 'disabled', now, false);
  if (user.totpEnabled) {
    const code = (attempt.totp ?? '').trim();
    if (!code) throw new SignInError('totp_required');
    if (!(await claimSecondFactor(db, user, code, now))) return fail(db, attempt, user, 'totp_invalid', now, true);
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, firstFailedAt: null, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await appendAuditEvent(tx, {
      actor: actorOf(user, username, attempt.clientAddress),
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      departmentId: user.departmentId,
      at: now,
    });
  });
  return user;
}
