'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/client-api/client';
import { FormError } from '@/components/ui/notice';
import { TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';
import { settingsApi, settingsQuery } from './queries';
import { Button } from '@/components/ui/button';

const asNumber = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : null;

/** Tolerances of the traffic lights and the entry due day, saved against the version they were loaded with. */
export function SettingsForm({ year }: { year: number }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(settingsQuery(year));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: settingsApi.save,
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'settings'] });
    },
  });
  if (!data) return null;
  const problem = save.error ? toFormProblem(save.error, ['progressPoints', 'ratePoints', 'dueDay']) : null;
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    save.mutate({
      progressPoints: asNumber(form.get('progressPoints')) ?? Number.NaN,
      ratePoints: asNumber(form.get('ratePoints')) ?? Number.NaN,
      dueDay: asNumber(form.get('dueDay')) ?? Number.NaN,
      version: data.version,
    });
  };
  return (
    <section aria-labelledby="settings-heading" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 id="settings-heading" className="text-lg font-semibold">
        红黄绿灯与填报期限
      </h2>
      <form
        key={data.version}
        onSubmit={onSubmit}
        noValidate
        className="mt-3 grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-3"
      >
        {[
          {
            name: 'progressPoints',
            label: '进度容差（百分点）',
            value: data.tolerances.progressPoints,
            hint: '落后序时进度不超过此值为黄灯，超过为红灯（默认 10）',
          },
          {
            name: 'ratePoints',
            label: '比率容差（百分点）',
            value: data.tolerances.ratePoints,
            hint: '比率/增速类指标低于目标不超过此值为黄灯（默认 0.5）',
          },
          {
            name: 'dueDay',
            label: '填报截止日（次月第几日）',
            value: data.dueDay,
            hint: '1–28，默认每月 5 日截止上月数据',
          },
        ].map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            name={field.name}
            defaultValue={String(field.value)}
            hint={field.hint}
            errors={problem?.fieldErrors[field.name]}
            required
          />
        ))}
        <div className="sm:col-span-3">
          {problem ? <FormError message={problem.message} /> : null}
          {isStale ? (
            <Button
              variant="link"
              className="mt-2 text-sm"
              onClick={() => void queryClient.invalidateQueries({ queryKey: ['admin', 'settings'] })}
            >
              载入最新设置
            </Button>
          ) : null}
          {saved ? (
            <p role="status" className="mt-2 text-sm text-green-800">
              ✓ 设置已保存
            </p>
          ) : null}
          <Button type="submit" disabled={save.isPending} variant="primary" className="mt-3">
            {save.isPending ? '保存中…' : '保存设置'}
          </Button>
        </div>
      </form>
    </section>
  );
}
