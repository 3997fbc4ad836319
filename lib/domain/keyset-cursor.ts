/**
 * Opaque page cursors for keyset pagination: base64url(JSON) + "." + HMAC-SHA256, so that a client can
 * hand one back but not forge or alter one. The key is passed in (no I/O here).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const CONTEXT = 'zhuashou.cursor.v1';

function sign(payload: string, key: string): string {
  return createHmac('sha256', key).update(`${CONTEXT}:${payload}`).digest('base64url');
}

/** Encodes `{ id }` (the last row of a page) as a signed cursor. */
export function encodeCursor(value: { id: number }, key: string): string {
  const payload = Buffer.from(JSON.stringify({ id: value.id }), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, key)}`;
}

/** The cursor's `{ id }`, or null when it was altered, forged with another key or is malformed. */
export function decodeCursor(cursor: string, key: string): { id: number } | null {
  const parts = cursor.split('.');
  if (parts.length !== 2) return null;
  const [payload = '', mac = ''] = parts;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('id' in parsed)) return null;
    const id = parsed.id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? { id } : null;
  } catch {
    return null;
  }
}
