import { Button } from './button';
import type { ReactNode } from 'react';

/**
 * One column header: its label, which side its figures line up on, and any extra classes (padding for the first
 * column, `hidden sm:table-cell` for a column small screens drop, `print:hidden`…).
 */
export type Column =
  string | { label: ReactNode; key?: string; align?: 'left' | 'right' | 'center'; className?: string };

const ALIGN = { left: 'text-left', right: 'text-right', center: 'text-center' } as const;

/** The table's padding without the axes a column pads itself (its own px-… or py-… wins). */
function padding(cellPadding: string, own: string | undefined) {
  const mine = (axis: string) => own?.split(' ').some((c) => c.startsWith(`${axis}-`));
  return cellPadding
    .split(' ')
    .filter((c) => !(c.startsWith('px-') && mine('px')) && !(c.startsWith('py-') && mine('py')))
    .join(' ');
}

/** A table's header row (scope="col" on every cell): one way to write it, whatever the table looks like. */
export function TableHead({
  columns,
  className = 'bg-gray-50 text-xs text-gray-500',
  cellPadding = 'px-2 py-2',
}: {
  columns: readonly Column[];
  className?: string;
  /** The cells' padding, e.g. 'px-3 py-2'; a column's own className can add to it. */
  cellPadding?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column, index) => {
          const c = typeof column === 'string' ? { label: column } : column;
          const key = c.key ?? (typeof c.label === 'string' ? c.label : String(index));
          return (
            <th
              key={key}
              scope="col"
              className={[padding(cellPadding, c.className), ALIGN[c.align ?? 'left'], 'font-normal', c.className]
                .filter(Boolean)
                .join(' ')}
            >
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A list as a table in a card: column headers (scope="col"), rows divided, scrolling sideways below
 * `minWidth` instead of squeezing columns; `maxHeight` scrolls long lists under a sticky header.
 */
export function DataTable({
  headers,
  caption,
  minWidth,
  maxHeight,
  children,
}: {
  headers: readonly Column[];
  /** What the table lists, for screen readers (visually hidden). */
  caption?: string;
  /** A Tailwind min-w-[…] class, e.g. 'min-w-[960px]'. */
  minWidth?: string;
  /** A Tailwind max-h-[…] class; the header stays in view while the rows scroll. */
  maxHeight?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={[
        'overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm',
        maxHeight ? `${maxHeight} overflow-y-auto` : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <table className={['w-full text-sm', minWidth].filter(Boolean).join(' ')}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead
          columns={headers}
          cellPadding="px-3 py-2"
          className={['bg-gray-50 text-xs text-gray-500', maxHeight ? 'sticky top-0' : ''].filter(Boolean).join(' ')}
        />
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}

/** One of a row's actions: its button text, and the accessible name where the text alone would be ambiguous. */
export type RowAction = { label: string; onClick: () => void; ariaLabel?: string };

/** A row's last cell: its actions as small buttons side by side; a false/null entry is one this row does not offer. */
export function RowActions({ actions }: { actions: readonly (RowAction | false | null)[] }) {
  return (
    <td className="px-3 py-2">
      <div className="flex flex-wrap gap-1">
        {actions.map((action) =>
          action ? (
            <Button key={action.label} size="sm" onClick={action.onClick} aria-label={action.ariaLabel}>
              {action.label}
            </Button>
          ) : null,
        )}
      </div>
    </td>
  );
}
