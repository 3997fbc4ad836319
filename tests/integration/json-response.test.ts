import { describe, expect, it } from 'vitest';
import { openReadModel } from '@/lib/services/dashboards/read-model';
import { forEachEngine } from '@/tests/helpers/test-db';
import { jsonResponse } from '@/lib/server-http/json-response';

describe('jsonResponse of a value not from the read model', () => {
  it('answers its JSON as it is at the time of the answer', async () => {
    const value = { a: 1, name: '长治' };
    const first = jsonResponse(value);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(await first.json()).toEqual(value);
    value.a = 2; // a value of its own request: what it holds now is what is sent
    expect(await jsonResponse(value).json()).toEqual({ a: 2, name: '长治' });
  });
});

forEachEngine('jsonResponse of a read-model value', (ctx) => {
  it('serialises it once and answers that JSON to every reader', async () => {
    const model = await openReadModel(ctx.db, new Date());
    const value = await model.get('json-response-test:1', 'all-submitted', async () => ({
      indicators: [{ code: 'A1', name: '地区生产总值', value: '2655.6' }],
    }));
    const first = jsonResponse(value);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const sent = await first.json();
    expect(sent).toEqual(value);
    // The same value again is answered from what was made the first time (even if someone broke the rule
    // and changed it: the proof that it is not serialised again).
    (value.indicators[0] as { name: string }).name = 'changed';
    expect(await jsonResponse(value).json()).toEqual(sent);
  });
});
