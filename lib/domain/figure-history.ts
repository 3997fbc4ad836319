/**
 * A figure's history as people read it: the audit events of one actual (save, submit, approve, return, reopen)
 * with the value before and after. Pure: events come in as stored (before/after are JSON of unknown shape).
 */

export const FIGURE_ACTION_LABELS: Record<string, string> = {
  'actual.save_draft': '保存草稿',
  'actual.submit': '提交',
  'actual.approve': '审核通过',
  'actual.return': '退回',
  'actual.reopen': '重新打开',
};

export interface FigureEventView {
  label: string;
  /** The stored value before and after (decimal strings), null when absent. */
  valueBefore: string | null;
  valueAfter: string | null;
  /** True when the value itself changed with this event. */
  isValueChange: boolean;
}

function valueOf(side: unknown): string | null {
  if (typeof side !== 'object' || side === null || Array.isArray(side)) return null;
  const value = (side as Record<string, unknown>).value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Label and value change of one figure event; an unknown action shows its code. */
export function describeFigureEvent(event: { action: string; before: unknown; after: unknown }): FigureEventView {
  const valueBefore = valueOf(event.before);
  const valueAfter = valueOf(event.after);
  const isValueChange =
    valueAfter !== null &&
    (valueBefore === null
      ? event.before === null || event.before === undefined
      : Number(valueBefore) !== Number(valueAfter));
  return { label: FIGURE_ACTION_LABELS[event.action] ?? event.action, valueBefore, valueAfter, isValueChange };
}
