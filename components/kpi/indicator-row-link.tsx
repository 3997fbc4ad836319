import Link from '@/components/ui/link';
import { periodSearch, type PeriodLike } from './types';

/**
 * An indicator's name in a list row, linking to its page at the period shown: it takes the room left and truncates,
 * the full name on hover. `tone="dark"` on the big screen.
 */
export function IndicatorRowLink({
  code,
  name,
  period,
  tone = 'light',
}: {
  code: string;
  name: string;
  period: PeriodLike;
  tone?: 'light' | 'dark';
}) {
  return (
    <Link
      href={`/indicators/${code}${periodSearch(period)}`}
      className={tone === 'light' ? 'row-link row-hover' : 'row-link'}
      title={name}
    >
      {name}
    </Link>
  );
}
