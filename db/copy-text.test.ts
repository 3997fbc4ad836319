/** The COPY text helpers the walks share: here, the growing buffer they write ranges into (writeAt). */
import { describe, expect, it } from 'vitest';
import { writeAt } from './copy-text';

describe('writeAt', () => {
  it('writes in place while the bytes fit, and answers the same buffer', () => {
    const buffer = new Uint8Array(8);
    const held = writeAt(buffer, 2, new Uint8Array([1, 2, 3]));
    expect(held).toBe(buffer);
    expect([...held]).toEqual([0, 0, 1, 2, 3, 0, 0, 0]);
  });

  it('grows to twice the size, or to what is needed, keeping only the bytes before `at`', () => {
    const buffer = new Uint8Array([9, 8, 7, 6]);
    const doubled = writeAt(buffer, 3, new Uint8Array([1, 2]));
    expect(doubled).not.toBe(buffer);
    expect([...doubled]).toEqual([9, 8, 7, 1, 2, 0, 0, 0]);
    const needed = writeAt(new Uint8Array(2), 1, new Uint8Array(10).fill(5));
    expect(needed.length).toBe(11);
    expect([...needed]).toEqual([0, ...Array<number>(10).fill(5)]);
    expect(writeAt(new Uint8Array(0), 0, new Uint8Array([4])).length).toBe(1);
  });
});
