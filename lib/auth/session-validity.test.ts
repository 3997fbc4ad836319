import { describe, expect, it } from 'vitest';
import { ABSOLUTE_TIMEOUT_SECONDS } from './session-policy';
import { isSessionValid } from './session-validity';

const now = new Date('2026-03-01T08:00:00Z');
const nowSeconds = now.getTime() / 1000;
const user = { isDisabled: false, sessionVersion: 3 };

describe('isSessionValid', () => {
  it('accepts the current version of an enabled user within 12 hours of sign-in', () => {
    expect(isSessionValid({ user, sessionVersion: 3, authTime: nowSeconds - 60, now })).toBe(true);
    expect(isSessionValid({ user, sessionVersion: 3, authTime: nowSeconds - ABSOLUTE_TIMEOUT_SECONDS, now })).toBe(
      true,
    );
  });

  it('refuses an older session version (sign-out everywhere, reset, role change, disable)', () => {
    expect(isSessionValid({ user, sessionVersion: 2, authTime: nowSeconds, now })).toBe(false);
  });

  it('refuses a disabled or deleted user even with the right version', () => {
    expect(isSessionValid({ user: { ...user, isDisabled: true }, sessionVersion: 3, authTime: nowSeconds, now })).toBe(
      false,
    );
    expect(isSessionValid({ user: null, sessionVersion: 3, authTime: nowSeconds, now })).toBe(false);
  });

  it('refuses a session past the absolute lifetime, however active it was', () => {
    expect(isSessionValid({ user, sessionVersion: 3, authTime: nowSeconds - ABSOLUTE_TIMEOUT_SECONDS - 1, now })).toBe(
      false,
    );
    expect(ABSOLUTE_TIMEOUT_SECONDS).toBe(12 * 60 * 60);
  });

  it('refuses a token without a sign-in time', () => {
    expect(isSessionValid({ user, sessionVersion: 3, authTime: undefined, now })).toBe(false);
    expect(isSessionValid({ user, sessionVersion: 3, authTime: Number.NaN, now })).toBe(false);
  });
});
