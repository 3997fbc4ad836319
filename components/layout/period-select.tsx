'use client';

import { usePathname, useRouter } from 'next/navigation';
import { MONTHS, Options } from '@/components/ui/options';

/** Year and month selectors that keep the period in the URL (?year=&month=), so a link reproduces the view. */
export function PeriodSelect({
  year,
  month,
  years,
}: {
  year: number;
  month: number;
  years: { year: number; lastMonth: number }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const yearOptions = years.some((y) => y.year === year) ? years : [{ year, lastMonth: month }, ...years];
  const go = (y: number, m?: number) => router.push(`${pathname}?year=${y}${m ? `&month=${m}` : ''}`);
  return (
    <div className="no-print flex items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        <span>年份</span>
        <select
          className="rounded border border-gray-300 bg-white px-2 py-1"
          value={year}
          onChange={(e) => go(Number(e.target.value))}
        >
          <Options options={yearOptions.map((y) => ({ value: y.year, label: `${y.year}年` }))} />
        </select>
      </label>
      <label className="flex items-center gap-1">
        <span>月份</span>
        <select
          className="rounded border border-gray-300 bg-white px-2 py-1"
          value={month}
          onChange={(e) => go(year, Number(e.target.value))}
        >
          <Options options={MONTHS.map((m) => ({ value: m, label: `${m}月` }))} />
        </select>
      </label>
    </div>
  );
}
