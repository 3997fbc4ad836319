'use client';
import type { ReactNode } from 'react';
import { Options, type Option } from '@/components/ui/options';

/** The small controls of the admin pages' inline forms (县区管理, 分解到县区). */
export const INLINE_INPUT = 'rounded border border-gray-300 px-2 py-1 text-sm';

/** A field of an inline form: a small text input under its label (the label wraps it, so it names it). */
export function InlineInput({
  label,
  value,
  onChange,
  placeholder,
  inputMode,
  wide,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  inputMode?: 'decimal';
  /** Filling its grid cell. */
  wide?: boolean;
}) {
  return (
    <label className="text-xs text-gray-600">
      {label}
      <input
        className={`${INLINE_INPUT} block${wide ? 'w-full' : ''}`}
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
      />
    </label>
  );
}

/** A select of an inline form, under its label. */
export function InlineSelect<V extends string>({
  label,
  value,
  onChange,
  options,
  disabled,
}: {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly Option[];
  disabled?: boolean;
}) {
  return (
    <label className="text-xs text-gray-600">
      {label}
      <select
        className={`${INLINE_INPUT} block`}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as V)}
      >
        <Options options={options} />
      </select>
    </label>
  );
}
