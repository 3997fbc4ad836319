'use client';

import { ConfirmAction } from '../_shared/confirm-action';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatBeijingTime } from '../_shared/format';
import { settingsApi, settingsQuery } from './queries';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { YearSelect } from '@/components/ui/filter-select';
import { ErrorState } from '@/components/kpi/states';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function LockDialog({
  year,
  month,
  locked,
  onClose,
}: {
  year: number;
  month: number;
  locked: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const period = `${year}-${String(month).padStart(2, '0')}`;
  return (
    <ConfirmAction
      action={() => (locked ? settingsApi.unlock(period, reason) : settingsApi.lock(period, reason))}
      invalidate={['admin', 'settings']}
      onDone={onClose}
      title={`${locked ? '重新开放' : '关账'} ${year}年${month}月`}
      message={
        <div className="space-y-2">
          <p>
            {locked
              ? '重新开放后，各单位可以再次填报和修改该月的数据。'
              : '关账后，全市各单位都不能再填报、修改或审核该月的数据（包括批量导入）。'}
          </p>
        </div>
      }
      reason={{ label: '原因（记入审计日志）', value: reason, onChange: setReason }}
      confirmLabel={locked ? '重新开放' : '关账'}
      onClose={onClose}
    />
  );
}

/** The city-wide close (关账) and reopen of each month of a year. */
export function PeriodLocks({ year, thisYear }: { year: number; thisYear: number }) {
  const router = useRouter();
  const { data, error } = useQuery(settingsQuery(year));
  const [open, setOpen] = useState<{ month: number; locked: boolean } | null>(null);
  return (
    <Card
      titleId="locks-heading"
      title="月度关账"
      size="lg"
      controls={
        <YearSelect
          year={year}
          years={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1]}
          onChange={(y) => router.push(`/admin/settings?year=${y}`)}
        />
      }
    >
      {error ? (
        <div className="mt-2">
          <ErrorState message={error.message} />
        </div>
      ) : null}
      {data ? (
        <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {MONTHS.map((month) => {
            const lock = data.locks.find((l) => l.month === month);
            return (
              <li
                key={month}
                className={`flex items-center justify-between gap-2 rounded border px-3 py-2 text-sm ${lock ? 'border-gray-400 bg-gray-50' : 'border-gray-200'}`}
              >
                <div>
                  <span className="font-semibold">
                    {year}年{month}月
                  </span>
                  <span className="ml-2">{lock ? '🔒 已关账' : '未关账'}</span>
                  {lock ? (
                    <span className="block text-xs text-gray-600">
                      {formatBeijingTime(lock.lockedAt)}
                      {lock.reason ? ` · ${lock.reason}` : ''}
                    </span>
                  ) : null}
                </div>
                <Button
                  onClick={() => setOpen({ month, locked: Boolean(lock) })}
                  size="sm"
                  aria-label={`${lock ? '重新开放' : '关账'} ${year}年${month}月`}
                >
                  {lock ? '重新开放' : '关账'}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {open ? <LockDialog year={year} month={open.month} locked={open.locked} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
