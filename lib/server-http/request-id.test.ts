import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a plain token a proxy sent (nginx $request_id is 32 hex digits)', () => {
    expect(requestIdFrom('0f8e6c2b9a7d4e3f1a2b3c4d5e6f7a8b')).toBe('0f8e6c2b9a7d4e3f1a2b3c4d5e6f7a8b');
    expect(requestIdFrom('req-1.2:3_4')).toBe('req-1.2:3_4');
  });

  it('replaces a missing, empty, over-long or injected id with a new UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [
      null,
      undefined,
      '',
      'x'.repeat(129),
      'a b',
      'id\r\nSet-Cookie: x=1',
      '<script>',
      '{"level":"fatal"}',
    ]) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});
