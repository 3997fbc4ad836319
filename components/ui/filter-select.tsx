'use client';

/** A small labelled select for a filter bar; "全部" (the empty value) first unless `allLabel` is null. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel = '全部',
}: {
  label: string;
  value: string;
  onChange: (value: string | null) => void;
  options: readonly { value: string; label: string }[];
  allLabel?: string | null;
}) {
  return (
    <label className="flex flex-col gap-0.5">
      <span className="text-xs text-gray-500">{label}</span>
      <select
        className="rounded border border-gray-300 bg-white px-2 py-1 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value || null)}
      >
        {allLabel === null ? null : <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
