'use client';

import { useQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { FormFooter } from '@/components/ui/field';
import { SettingFields } from '../_shared/setting-fields';
import { useSettingsSave } from '../_shared/use-settings-save';
import { settingsApi, settingsQuery } from './queries';

const asNumber = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : null;

/** Tolerances of the traffic lights and the entry due day, saved against the version they were loaded with. */
export function SettingsForm({ year }: { year: number }) {
  const { data } = useQuery(settingsQuery(year));
  const { problem, submit, footer } = useSettingsSave({
    save: settingsApi.save,
    invalidate: [['admin', 'settings']],
    fields: ['progressPoints', 'ratePoints', 'dueDay'],
    savedMessage: '设置已保存',
  });
  if (!data) return null;
  const onSubmit = submit((form) => ({
    progressPoints: asNumber(form.get('progressPoints')) ?? Number.NaN,
    ratePoints: asNumber(form.get('ratePoints')) ?? Number.NaN,
    dueDay: asNumber(form.get('dueDay')) ?? Number.NaN,
    version: data.version,
  }));
  return (
    <Card titleId="settings-heading" title="红黄绿灯与填报期限" size="lg">
      <form
        key={data.version}
        onSubmit={onSubmit}
        noValidate
        className="mt-3 grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-3"
      >
        <SettingFields
          fields={[
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
          ]}
          errors={(name) => problem?.fieldErrors[name]}
        />
        <FormFooter className="sm:col-span-3" {...footer} label="保存设置" />
      </form>
    </Card>
  );
}
