import { formatChange, formatPoints, formatScaled, NO_VALUE } from '@/lib/domain/format';
import type { ChangeLike } from './types';

/** 同比 as words: "+17.7%" or "-0.7个百分点"; "—" without a prior figure. */
export function changeText(change: ChangeLike | null): string {
  if (!change) return NO_VALUE;
  return change.unit === 'points' ? formatPoints(change.change) : formatChange(change.change);
}

export function ChangeText({ change, className = '' }: { change: ChangeLike | null; className?: string }) {
  if (!change) return <span className={`text-gray-400 ${className}`}>—</span>;
  return <span className={`tabular-nums ${className}`}>{changeText(change)}</span>;
}

/** A value the domain computed (expected, forecast), with its unit scaled the Chinese way. */
export function NumberText({ value, unit, className = '' }: { value: number | null; unit: string; className?: string }) {
  if (value === null) return <span className={`text-gray-400 ${className}`}>—</span>;
  return <span className={`tabular-nums ${className}`}>{formatScaled(value, unit)}</span>;
}
