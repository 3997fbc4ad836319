'use client';
/** For the admin: make a year's path value the indicator's annual target, after confirming (audited as a target change). */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchJson } from '@/lib/client-api/client';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/options';

export function AdoptTarget({
  planCode,
  indicatorCode,
  name,
  unit,
  path,
}: {
  planCode: string;
  indicatorCode: string;
  name: string;
  unit: string;
  path: { year: number; value: string }[];
}) {
  const [year, setYear] = useState(path[0]?.year ?? 0);
  const [confirming, setConfirming] = useState(false);
  const value = path.find((p) => p.year === year)?.value ?? '';
  const adopt = useMutation({
    mutationFn: () =>
      fetchJson<{ status: string; value: string }>(`/api/plans/${planCode}/targets`, {
        method: 'POST',
        body: JSON.stringify({ indicatorCode, year, confirmedValue: value }),
      }),
    onSettled: () => setConfirming(false),
  });
  if (path.length === 0) return null;
  return (
    <div className="mt-1 text-xs">
      {confirming ? (
        <span className="flex flex-wrap items-center gap-1">
          确认将「{name}」{year}年目标设为 {value}
          {unit}？
          <Button variant="primary" size="sm" onClick={() => adopt.mutate()}>
            确认设为目标
          </Button>
          <Button variant="link" onClick={() => setConfirming(false)}>
            取消
          </Button>
        </span>
      ) : (
        <span className="flex items-center gap-1">
          <select
            aria-label={`「${name}」采用路径的年份`}
            className="rounded border border-gray-300 bg-white px-1 py-0.5"
            value={year}
            onChange={(e) => {
              adopt.reset();
              setYear(Number(e.target.value));
            }}
          >
            <Options options={path.map((p) => ({ value: p.year, label: `${p.year}年` }))} />
          </select>
          <Button variant="link" onClick={() => setConfirming(true)}>
            设为年度目标
          </Button>
        </span>
      )}
      {adopt.isSuccess ? (
        <span role="status" className="block text-green-800">
          {adopt.data.status === 'unchanged'
            ? `✓ ${year}年目标已是 ${value}${unit}，未改动`
            : `✓ 已将${year}年目标设为 ${value}${unit}（已记入审计日志）`}
        </span>
      ) : null}
      {adopt.error ? (
        <span role="alert" className="block text-red-800">
          {adopt.error.message}
        </span>
      ) : null}
    </div>
  );
}
