import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset-cursor';

const KEY = 'test-key';

describe('keyset cursor', () => {
  it('round-trips the id', () => {
    expect(decodeCursor(encodeCursor({ id: 12345 }, KEY), KEY)).toEqual({ id: 12345 });
  });

  it('refuses a cursor whose payload was changed', () => {
    const cursor = encodeCursor({ id: 100 }, KEY);
    const [, mac] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ id: 999 })).toString('base64url')}.${mac}`;
    expect(decodeCursor(forged, KEY)).toBeNull();
  });

  it('refuses a cursor signed with another key, a truncated one and garbage', () => {
    expect(decodeCursor(encodeCursor({ id: 5 }, 'other'), KEY)).toBeNull();
    expect(decodeCursor(encodeCursor({ id: 5 }, KEY).slice(0, -2), KEY)).toBeNull();
    expect(decodeCursor('abc', KEY)).toBeNull();
    expect(decodeCursor('a.b.c', KEY)).toBeNull();
    expect(decodeCursor('', KEY)).toBeNull();
  });
});
