/**
 * The cells the unit tables share (/units, /units/[code], an indicator's by-unit table): a unit's figure with the
 * month it is of, its own target (分解目标), its completion. Server components; formatting from lib/domain.
 */
import Link from '@/components/ui/link';
import { formatPercent, formatScaled, NO_VALUE } from '@/lib/domain/format';

export const CELL = 'px-3 py-2';
const NUMBER = `${CELL} text-right tabular-nums`;

/** The latest figure, with its month when it is not the period's own ("未报" when there is none). */
export function FigureCell({
  value,
  month,
  periodMonth,
  unit,
}: {
  value: string | null;
  month: number | null;
  periodMonth: number;
  unit: string;
}) {
  return (
    <td className={NUMBER}>
      {value === null ? '未报' : formatScaled(value, unit)}
      {month !== null && month !== periodMonth ? (
        <span className="ml-1 text-xs text-gray-500">（{month}月）</span>
      ) : null}
    </td>
  );
}

/** The unit's own target: "≥ x" for a floor (各县区不低于), 未分解 when the city's was not handed down. */
export function TargetCell({
  target,
  qualifier,
  unit,
}: {
  target: string | null;
  qualifier: string | null;
  unit: string;
}) {
  return (
    <td className={NUMBER}>
      {target === null ? '未分解' : `${qualifier === 'at_least' ? '≥ ' : ''}${formatScaled(target, unit)}`}
    </td>
  );
}

export function PercentCell({ value }: { value: number | null }) {
  return <td className={NUMBER}>{value === null ? NO_VALUE : formatPercent(value)}</td>;
}

/** A unit's name linking to its page at the same period, with a note (its kind, whether it counts in the roll-up). */
export function UnitLink({ code, name, note, query }: { code: string; name: string; note?: string; query: string }) {
  return (
    <>
      <Link href={`/units/${code}${query}`} className="text-red-800 hover:underline">
        {name}
      </Link>
      {note ? <span className="ml-1 text-xs text-gray-500">{note}</span> : null}
    </>
  );
}
