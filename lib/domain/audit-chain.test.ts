import { describe, expect, it } from 'vitest';
import { canonicalEventJson, canonicalJson, GENESIS_HASH, hashEvent, type ChainedEventContent } from './audit-chain';

const EVENT: ChainedEventContent = {
  occurredAt: '2026-03-05T02:10:00.123Z',
  actorId: 12,
  actorUsername: 'tb-fgw-01',
  actorRole: 'official',
  action: 'actual.submit',
  entityType: 'actual',
  entityId: '123456',
  departmentId: 3,
  indicatorId: 1234,
  before: { value: '123.400000', status: 'draft', nested: { b: [1, 'x', null, { z: 1, a: 2 }], a: '引号"与\\反斜杠' } },
  after: null,
  reason: '超期补报\n第二行',
  clientAddress: '10.0.0.1',
};

describe('the audit chain hash', () => {
  it('is the same as when the chain was first written (a stored chain keeps verifying)', () => {
    expect(hashEvent(EVENT, GENESIS_HASH)).toBe('5fb5e3d32c3894d8a303bcb74b4ac2568ea48157ad7d519099ae87cf772b7654');
  });

  it('serialises an event exactly as the generic canonical JSON does, whatever its values', () => {
    const variants: ChainedEventContent[] = [
      EVENT,
      {
        ...EVENT,
        actorId: null,
        actorUsername: null,
        actorRole: null,
        entityId: null,
        departmentId: null,
        indicatorId: null,
        reason: null,
        clientAddress: null,
      },
      { ...EVENT, before: [3, { b: 1, a: [] }], after: { é: 1, A: 2, a: 3, '': 4, z: { y: undefined } } },
      { ...EVENT, before: 'text', after: 1.5e-7 },
    ];
    for (const content of variants) {
      expect(canonicalEventJson(content, 'f'.repeat(64))).toBe(canonicalJson({ ...content, prevHash: 'f'.repeat(64) }));
    }
  });

  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [{ y: 1, x: 2 }] } })).toBe('{"a":{"c":[{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson([Number.NaN, new Date('2026-01-01T00:00:00Z')])).toBe('[null,"2026-01-01T00:00:00.000Z"]');
  });
});
