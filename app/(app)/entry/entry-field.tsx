import type { ReactNode } from 'react';

/** One input of the row: its label above, the server's message for it below. */
export function EntryField({
  id,
  label,
  className,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  className: string;
  error: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      {children}
      {error}
    </div>
  );
}
