import type { ReactNode } from 'react';

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
  headers: readonly string[];
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
        <thead
          className={['bg-gray-50 text-left text-xs text-gray-500', maxHeight ? 'sticky top-0' : '']
            .filter(Boolean)
            .join(' ')}
        >
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">{children}</tbody>
      </table>
    </div>
  );
}
