/**
 * What a promise rejects with, for tests that then read the error's code, status or message. Pure, so the lib/domain
 * tests may import it too (tests/helpers/pure: see eslint.config.mjs).
 */
import { expect } from 'vitest';

/** What `promise` rejects with, or null when it resolves. */
export function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** Awaits `promise`, expecting it to reject with an instance of `type` (resolving fails the test), and returns that error. */
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  message?: string,
): Promise<E> {
  const error = await failureOf(promise);
  expect(error, message).toBeInstanceOf(type);
  return error as E;
}
