/**
 * Before/after of an audit event, field by field, for showing side by side with the changed ones marked.
 * Runs in the browser too, so it imports nothing that needs Node (audit-chain.ts hashes with node:crypto).
 */

export interface FieldDiff {
  key: string;
  /** JSON text of the value (pretty for objects), or null when the side does not have the field. */
  before: string | null;
  after: string | null;
  status: 'added' | 'removed' | 'changed' | 'same';
}

/** Key used when before/after are not objects (a bare value, or one side missing altogether). */
export const WHOLE_VALUE_KEY = '(值)';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with keys sorted at every level: jsonb reorders keys, which is not a change. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function show(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

/** One row per top-level field of either side, in key order; nested values compare by canonical JSON. */
export function diffFields(before: unknown, after: unknown): FieldDiff[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  const left = hasBefore ? before : {};
  const right = hasAfter ? after : {};
  if (!isRecord(left) || !isRecord(right)) {
    const same = sortedJson(before) === sortedJson(after);
    return [
      {
        key: WHOLE_VALUE_KEY,
        before: hasBefore ? show(before) : null,
        after: hasAfter ? show(after) : null,
        status: !hasBefore ? 'added' : !hasAfter ? 'removed' : same ? 'same' : 'changed',
      },
    ];
  }
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.map((key) => {
    const inLeft = Object.hasOwn(left, key);
    const inRight = Object.hasOwn(right, key);
    const status: FieldDiff['status'] = !inLeft
      ? 'added'
      : !inRight
        ? 'removed'
        : sortedJson(left[key]) === sortedJson(right[key])
          ? 'same'
          : 'changed';
    return { key, before: inLeft ? show(left[key]) : null, after: inRight ? show(right[key]) : null, status };
  });
}
