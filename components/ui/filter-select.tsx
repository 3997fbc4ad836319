'use client';

import type { ReactNode } from 'react';
import { Options, type Option } from './options';

/** A filter bar's control under its small label (the label wraps it, so it names it). */
function FilterLabel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-0.5">
      <span className="text-xs text-gray-600">{label}</span>
      {children}
    </label>
  );
}

/** What a filter control takes: its label, the value it shows, and what it reports when the user changes it. */
interface FilterProps<Value, Reported = Value> {
  label: string;
  value: Value;
  onChange: (value: Reported) => void;
}

/** A small labelled select for a filter bar; "全部" (the empty value) first unless `allLabel` is null. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel = '全部',
}: FilterProps<string, string | null> & { options: readonly Option[]; allLabel?: string | null }) {
  return (
    <FilterLabel label={label}>
      <select
        className="rounded border border-gray-300 bg-white px-2 py-1 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value || null)}
      >
        {allLabel === null ? null : <option value="">{allLabel}</option>}
        <Options options={options} />
      </select>
    </FilterLabel>
  );
}

/** A small labelled search box for a filter bar (filters as the user types). */
export function FilterSearch({ label, value, onChange }: FilterProps<string>) {
  return (
    <FilterLabel label={label}>
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded border border-gray-300 px-2 py-1 text-sm"
      />
    </FilterLabel>
  );
}

/** A checkbox that narrows a list, e.g. 只看未设定目标的指标. */
export function FilterCheck({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/**
 * The year an admin page shows, as a select that navigates (`?year=`): a few years around this one, and the year
 * shown even when it is outside them.
 */
export function YearSelect({
  year,
  years,
  onChange,
}: {
  year: number;
  years: readonly number[];
  onChange: (year: number) => void;
}) {
  const shown = [...new Set([...years, year])].sort((a, b) => a - b);
  return (
    <FilterSelect
      label="年份"
      value={String(year)}
      allLabel={null}
      options={shown.map((y) => ({ value: String(y), label: `${y} 年` }))}
      onChange={(value) => (value ? onChange(Number(value)) : undefined)}
    />
  );
}
