'use client';

import { useId, type ReactNode } from 'react';

const INPUT = 'mt-1 w-full rounded border border-gray-300 px-3 py-1.5 text-sm aria-[invalid=true]:border-red-600';

/** A label, the control, a hint and every error the server returned for the field (named by the label). */
function FieldShell({
  label,
  hint,
  errors,
  children,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-700">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <ul id={errorId} className="mt-1 space-y-0.5 text-sm text-red-700">
          {errors?.map((message) => (
            <li key={message}>
              <span aria-hidden>⚠ </span>
              {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  name,
  defaultValue,
  type = 'text',
  autoComplete,
  hint,
  errors,
  required,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
}) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete ?? 'off'}
          required={required}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={INPUT}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  value,
  onChange,
  options,
  hint,
  errors,
  disabled,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  hint?: string;
  errors?: string[];
  disabled?: boolean;
}) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`${INPUT} bg-white disabled:bg-gray-100`}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
