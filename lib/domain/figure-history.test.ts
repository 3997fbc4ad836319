import { describe, expect, it } from 'vitest';
import { describeFigureEvent } from './figure-history';

describe('describeFigureEvent', () => {
  it('the first save: no before, a value after → a value change', () => {
    expect(
      describeFigureEvent({
        action: 'actual.save_draft',
        before: null,
        after: { value: '200.000000', status: 'draft' },
      }),
    ).toEqual({
      label: '保存草稿',
      valueBefore: null,
      valueAfter: '200.000000',
      isValueChange: true,
    });
  });

  it('a resubmission with a new value is a value change; an approval keeps the value', () => {
    expect(
      describeFigureEvent({ action: 'actual.submit', before: { value: '200.000000' }, after: { value: '1027.000000' } })
        .isValueChange,
    ).toBe(true);
    expect(
      describeFigureEvent({ action: 'actual.approve', before: { value: '1027.000000' }, after: { value: '1027' } }),
    ).toMatchObject({
      label: '审核通过',
      isValueChange: false,
    });
  });

  it('unknown actions show their code; malformed sides read as no value', () => {
    expect(describeFigureEvent({ action: 'actual.import', before: 'x', after: [1] })).toEqual({
      label: 'actual.import',
      valueBefore: null,
      valueAfter: null,
      isValueChange: false,
    });
  });
});
