import { describe, expect, it } from 'vitest';
import { processWide } from './process-wide';

describe('processWide', () => {
  it('makes the value once and gives every caller of the name that same value', () => {
    let made = 0;
    const create = () => ({ n: (made += 1) });
    const first = processWide('zhuashou.test.process-wide', create);
    const second = processWide('zhuashou.test.process-wide', create);
    expect(second).toBe(first);
    expect(made).toBe(1);
    // Another copy of a module finds it under the same registered symbol.
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('zhuashou.test.process-wide')]).toBe(first);
  });

  it('keeps values of different names apart', () => {
    expect(processWide('zhuashou.test.a', () => 'a')).toBe('a');
    expect(processWide('zhuashou.test.b', () => 'b')).toBe('b');
  });
});
