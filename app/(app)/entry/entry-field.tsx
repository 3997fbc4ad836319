import type { ComponentProps, ReactNode } from 'react';

interface EntryFieldProps {
  id: string;
  label: ReactNode;
  className: string;
  error: ReactNode;
}

/** One input of the row: its label above, the server's message for it below. */
export function EntryField({ id, label, className, error, children }: EntryFieldProps & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs text-gray-700">
        {label}
      </label>
      {children}
      {error}
    </div>
  );
}

/** A plain text input of the row (the note, the evidence link) under its label, holding the text the row keeps. */
export function EntryTextField({
  id,
  label,
  className,
  error,
  onChange,
  ...input
}: EntryFieldProps &
  Omit<ComponentProps<'input'>, 'id' | 'className' | 'onChange'> & { onChange: (value: string) => void }) {
  return (
    <EntryField id={id} label={label} className={className} error={error}>
      <input
        id={id}
        {...input}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 disabled:bg-gray-100"
      />
    </EntryField>
  );
}
