'use client';

import Form from 'next/form';
import Link from '@/components/ui/link';
import type { AuditFilterParams } from '@/lib/client-api/audit';
import type { AuditFilterOptions } from '@/lib/services/audit/audit-log';
import { ROLE_CHOICES } from './labels';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/options';

const INPUT = 'mt-1 w-full rounded border border-gray-300 px-2 py-1.5 text-sm';

function Field({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = `audit-filter-${label}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs text-gray-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function Select({
  id,
  name,
  value,
  choices,
}: {
  id: string;
  name: string;
  value: string | undefined;
  choices: { value: string; label: string }[];
}) {
  return (
    <select id={id} name={name} defaultValue={value ?? ''} className={INPUT}>
      <option value="">全部</option>
      <Options options={choices} />
    </select>
  );
}

/** The list filters as a GET form: the URL holds them, so a link reproduces what its sender saw. */
export function AuditFilters({ filters, options }: { filters: AuditFilterParams; options: AuditFilterOptions }) {
  const selects: { label: string; name: keyof AuditFilterParams; choices: { value: string; label: string }[] }[] = [
    { label: '角色', name: 'role', choices: ROLE_CHOICES },
    { label: '操作', name: 'action', choices: options.actions },
    { label: '对象类型', name: 'entityType', choices: options.entityTypes },
    {
      label: '单位',
      name: 'departmentId',
      choices: options.departments.map((d) => ({ value: String(d.id), label: d.name })),
    },
    {
      label: '指标',
      name: 'indicatorId',
      choices: options.indicators.map((i) => ({ value: String(i.id), label: `${i.code} ${i.name}` })),
    },
  ];
  return (
    <section aria-labelledby="audit-filter-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 id="audit-filter-title" className="text-base font-semibold">
        筛选
      </h2>
      <Form action="/audit" className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field label="开始日期">
          {(id) => <input id={id} type="date" name="from" defaultValue={filters.from} className={INPUT} />}
        </Field>
        <Field label="结束日期（含当天）">
          {(id) => <input id={id} type="date" name="to" defaultValue={filters.to} className={INPUT} />}
        </Field>
        <Field label="用户名">
          {(id) => <input id={id} name="username" defaultValue={filters.username} maxLength={64} className={INPUT} />}
        </Field>
        {selects.map((select) => (
          <Field key={select.name} label={select.label}>
            {(id) => <Select id={id} name={select.name} value={filters[select.name]} choices={select.choices} />}
          </Field>
        ))}
        <div className="col-span-2 flex items-end gap-2 md:col-span-4">
          <Button type="submit" variant="primary">
            查询
          </Button>
          <Link href="/audit" className="rounded border border-gray-300 px-4 py-1.5 text-sm hover:bg-gray-100">
            清除筛选
          </Link>
        </div>
      </Form>
    </section>
  );
}
