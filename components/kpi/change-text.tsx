import { formatScaled, formatSignedChange, NO_VALUE } from '@/lib/domain/format';
import type { ChangeLike } from './types';

/**
 * A change as words: "+17.7%", "+1.15个百分点", "+82亿元" — a stated change with every digit the report gives,
 * a computed one to 1 decimal. "—" without one. `unit` is the indicator's (for a change in its own unit).
 */
export function changeText(change: ChangeLike | null, unit: string): string {
  if (!change) return NO_VALUE;
  return formatSignedChange(change.change, change.unit, unit, change.source === 'stated');
}

/**
 * A change with where it came from, visible: a stated change names the report's words on hover and for screen
 * readers; an estimated (推算) or computed one carries a 推算/计算 disclosure that opens its method on a click.
 */
export function ChangeText({
  change,
  unit,
  className = '',
  inLink = false,
}: {
  change: ChangeLike | null;
  unit: string;
  className?: string;
  /** Inside a link (a tile): the marker only, its method on hover and one click away on the page it opens. */
  inLink?: boolean;
}) {
  if (!change) return <span className={`text-gray-400 ${className}`}>—</span>;
  const text = changeText(change, unit);
  if (change.source === 'stated') {
    return (
      <span className={`tabular-nums ${className}`} title={`报告原文：${change.text ?? ''}`}>
        {text}
        <span className="sr-only">（报告原文：{change.text}）</span>
      </span>
    );
  }
  const label = change.source === 'estimated' ? '推算' : '计算';
  return (
    <span className={`tabular-nums ${className}`}>
      {text}
      {inLink ? (
        <span className="ml-1 text-xs text-gray-500" title={`方法：${change.method ?? ''}`}>
          （{label}）
        </span>
      ) : (
        <MethodNote label={label} method={change.method ?? ''} />
      )}
    </span>
  );
}

/** A small disclosure: its label always visible, the method shown on a click (no script needed). `dark` on the cockpit. */
export function MethodNote({
  label,
  method,
  tone = 'light',
}: {
  label: string;
  method: string;
  tone?: 'light' | 'dark';
}) {
  return (
    <details
      className={`ml-1 inline-block align-baseline text-xs ${tone === 'dark' ? 'text-slate-300' : 'text-gray-500'} [&[open]]:block`}
    >
      <summary className="inline cursor-pointer list-none underline decoration-dotted underline-offset-2">
        {label}
      </summary>
      <span
        className={`mt-1 block text-left leading-snug whitespace-normal ${tone === 'dark' ? 'text-slate-300' : 'text-gray-600'}`}
      >
        方法：{method}
      </span>
    </details>
  );
}

/** A value the domain computed (expected, forecast), with its unit scaled the Chinese way. */
export function NumberText({
  value,
  unit,
  className = '',
}: {
  value: number | null;
  unit: string;
  className?: string;
}) {
  if (value === null) return <span className={`text-gray-400 ${className}`}>—</span>;
  return <span className={`tabular-nums ${className}`}>{formatScaled(value, unit)}</span>;
}
