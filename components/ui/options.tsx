import type { ReactNode } from 'react';

/** One choice of a select: the value it submits, the text it shows, and whether it can be picked. */
export type Option = { value: string | number; label: ReactNode; disabled?: boolean };

/** A select's choices, one <option> each, in the order given. */
export function Options({ options }: { options: readonly Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} disabled={option.disabled}>
      {option.label}
    </option>
  ));
}

/** The choices of a closed list whose display names sit in a map (UNIT_KINDS and UNIT_KIND_LABELS), in list order. */
export function labelledOptions<K extends string>(keys: readonly K[], labels: Record<K, string>): Option[] {
  return keys.map((key) => ({ value: key, label: labels[key] }));
}

/** The months of a year, 1 to 12, for a month select. */
export const MONTHS: readonly number[] = Array.from({ length: 12 }, (_, i) => i + 1);
