import { describe, expect, it } from 'vitest';
import {
  ACTUAL_STATUS_LABELS,
  actorRoleLabel,
  choicesText,
  labelOf,
  OUTBOX_STATUS_LABELS,
  PHASING_LABELS,
  REMINDER_KIND_LABELS,
  reportingMonthsText,
} from './labels';
import { PHASINGS, ROLE_LABELS } from './types';

describe('the vocabulary', () => {
  it.each([
    ['a role', 'official', ROLE_LABELS.official],
    ['the system', 'system', '系统'],
    ['an unknown value as it is', 'retired-role', 'retired-role'],
  ])('names a stored actor role: %s', (_, stored, label) => {
    expect(actorRoleLabel(stored)).toBe(label);
  });

  it('lists choices in the tuple order, as validation messages show them', () => {
    expect(choicesText(PHASINGS, PHASING_LABELS)).toBe('不分解、按月分解、按季度分解');
  });

  it('says when a quarterly or annual figure is reported, from the frequency words and due months', () => {
    expect(reportingMonthsText('quarterly')).toBe('季度指标只在 3、6、9、12 月填报');
    expect(reportingMonthsText('annual')).toBe('年度指标只在 12 月填报');
    expect(reportingMonthsText('monthly')).toBe('');
  });

  it('uses one wording for the workflow everywhere (the entry rows, the figure list and the exports)', () => {
    expect(ACTUAL_STATUS_LABELS).toEqual({
      draft: '草稿',
      submitted: '已提交待审核',
      approved: '已审核通过',
      returned: '已退回',
    });
  });

  it('names reminder kinds and outbox states, and shows an unknown stored code as it is', () => {
    expect(labelOf(REMINDER_KIND_LABELS, 'escalation')).toBe('逾期督办（审核人）');
    expect(labelOf(OUTBOX_STATUS_LABELS, 'failed')).toBe('发送失败');
    expect(labelOf(OUTBOX_STATUS_LABELS, 'toString')).toBe('toString');
    expect(labelOf(REMINDER_KIND_LABELS, 'later_kind')).toBe('later_kind');
  });
});
