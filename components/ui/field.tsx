'use client';

import { useId, type ReactNode } from 'react';
import { Button } from './button';
import { FormError } from './notice';
import { Options, type Option } from './options';

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
      <label htmlFor={id} className="block text-sm text-gray-700">
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

/**
 * A text input (a textarea of `rows` lines where given): read from the submitted form (`defaultValue`), or held by
 * the parent (`value` and `onChange`).
 */
export function TextField({
  label,
  name,
  defaultValue,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  hint,
  errors,
  required,
  rows,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
  type?: 'text' | 'password';
  /** 'decimal' for a figure: the phone shows digits and the point. */
  inputMode?: 'decimal' | 'numeric';
  autoComplete?: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  rows?: number;
}) {
  return (
    <FieldShell label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => {
        const props = {
          id,
          name,
          defaultValue,
          value,
          onChange: onChange ? (event: { target: { value: string } }) => onChange(event.target.value) : undefined,
          required,
          'aria-invalid': invalid,
          'aria-describedby': describedBy,
          className: INPUT,
        };
        return rows ? (
          <textarea rows={rows} {...props} />
        ) : (
          <input type={type} inputMode={inputMode} autoComplete={autoComplete ?? 'off'} {...props} />
        );
      }}
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
  options: readonly Option[];
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
          <Options options={options} />
        </select>
      )}
    </FieldShell>
  );
}

/**
 * The foot of a form that saves in place (a settings form): the server's refusal, a way to load the latest values
 * when someone else saved first (`onReload`), the confirmation once saved, and the submit button.
 */
export function FormFooter({
  error,
  onReload,
  saved,
  pending,
  label,
  className,
}: {
  error?: string | null;
  onReload?: (() => void) | null;
  /** What was saved, e.g. 设置已保存; shown after a save went through. */
  saved?: string | null;
  pending: boolean;
  label: string;
  className?: string;
}) {
  return (
    <div className={className}>
      {error ? <FormError message={error} /> : null}
      {onReload ? (
        <Button variant="link" className="mt-2 text-sm" onClick={onReload}>
          载入最新设置
        </Button>
      ) : null}
      {saved ? (
        <p role="status" className="mt-2 text-sm text-green-800">
          ✓ {saved}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} variant="primary" className="mt-3">
        {pending ? '保存中…' : label}
      </Button>
    </div>
  );
}
