'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/client-api/client';
import { Card } from '@/components/ui/card';
import { FormFooter, TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';
import { settingsApi, settingsQuery } from './queries';

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
    <Card titleId="settings-heading" title="红黄绿灯与填报期限" size="lg">
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
        <FormFooter
          className="sm:col-span-3"
          error={problem?.message}
          onReload={isStale ? () => void queryClient.invalidateQueries({ queryKey: ['admin', 'settings'] }) : null}
          saved={saved ? '设置已保存' : null}
          pending={save.isPending}
          label="保存设置"
        />
      </form>
    </Card>
  );
}
