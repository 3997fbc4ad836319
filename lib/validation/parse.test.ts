import { afterEach, describe, expect, it, vi } from 'vitest';
import { NUL_MESSAGE, nulFieldErrors } from './parse';

describe('nulFieldErrors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the fields whose text holds a NUL character, nested ones by path', () => {
    expect(nulFieldErrors({ name: 'a\u0000b', nested: { items: ['ok', 'x\u0000'] } })).toEqual({
      name: [NUL_MESSAGE],
      'nested.items.1': [NUL_MESSAGE],
    });
    expect(nulFieldErrors({ name: 'clean', count: 3 })).toEqual({});
  });

  it.each([
    ['a Uint8Array', new Uint8Array([0, 1, 2])],
    ['a Buffer', Buffer.from([0, 0])],
    ['an ArrayBuffer', new ArrayBuffer(8)],
  ])('does not walk the bytes of %s (an upload is parsed and checked later)', (_what, bytes) => {
    const entries = vi.spyOn(Object, 'entries');
    expect(nulFieldErrors({ kind: 'actuals', file: bytes })).toEqual({});
    // The wrapper object is walked; the bytes are not.
    expect(entries.mock.calls.map(([value]) => value)).not.toContain(bytes);
  });
});
