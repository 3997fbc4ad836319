/**
 * Whether a session token still stands for its user: pure, so the rule is tested without a browser.
 * A token is a pointer (user id, session version, sign-in time); the user row is the truth.
 */
import { ABSOLUTE_TIMEOUT_SECONDS } from './session-policy';

export interface SessionCheck {
  /** The user the token names, as stored now; null when there is no such user. */
  user: { isDisabled: boolean; sessionVersion: number } | null;
  /** The session version the token was issued with. */
  sessionVersion: number;
  /** When the user signed in (seconds since the epoch, as in the JWT); a token without it is not trusted. */
  authTime: number | undefined;
  now: Date;
}

/**
 * True while the session is valid: the user exists and is enabled, nothing bumped their session version
 * since sign-in (sign-out everywhere, disable, role or department change, password reset) and the
 * absolute lifetime (12 hours from sign-in, however active) has not passed. The idle timeout is the JWT's
 * own expiry and is enforced by next-auth before this runs.
 */
export function isSessionValid({ user, sessionVersion, authTime, now }: SessionCheck): boolean {
  if (!user || user.isDisabled) return false;
  if (user.sessionVersion !== sessionVersion) return false;
  if (authTime === undefined || !Number.isFinite(authTime)) return false;
  const ageSeconds = now.getTime() / 1000 - authTime;
  return ageSeconds <= ABSOLUTE_TIMEOUT_SECONDS;
}
