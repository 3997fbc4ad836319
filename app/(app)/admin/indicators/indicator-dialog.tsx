'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, PLAN_TYPE_LABELS } from '@/lib/domain/labels';
import { ApiError } from '@/lib/client-api/client';
import { DIRECTIONS, FREQUENCIES, INDICATOR_KINDS, PLAN_TYPES, WORK_AREAS } from '@/lib/domain/types';
import type { CatalogPage, IndicatorAdminView } from '@/lib/services/admin/catalog';
import type { IndicatorView } from '@/lib/services/dashboards/catalog';
import { Dialog, DialogButtons, formText } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/notice';
import { SelectField, TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';
import { catalogApi } from './queries';
import { Button } from '@/components/ui/button';

const FIELDS = [
  'code',
  'name',
  'unit',
  'kind',
  'direction',
  'frequency',
  'planType',
  'departmentCode',
  'areaSlug',
  'minValue',
  'maxValue',
  'definition',
  'reason',
];
const options = (labels: Record<string, string>, keys: readonly string[]) =>
  keys.map((k) => ({ value: k, label: labels[k] ?? k }));

/** The dialog's choices, in the order shown; the department and area lists come from the catalogue page. */
type Choice = 'kind' | 'direction' | 'frequency' | 'planType' | 'departmentCode' | 'areaSlug';
const VOCABULARY_CHOICES: { name: Choice; label: string; options: { value: string; label: string }[] }[] = [
  {
    name: 'kind',
    label: '指标类型',
    options: options(
      KIND_LABELS,
      INDICATOR_KINDS.filter((k) => k !== 'qualitative'),
    ),
  },
  { name: 'direction', label: '方向', options: options(DIRECTION_LABELS, DIRECTIONS) },
  { name: 'frequency', label: '填报频率', options: options(FREQUENCY_LABELS, FREQUENCIES) },
  { name: 'planType', label: '指标属性', options: options(PLAN_TYPE_LABELS, PLAN_TYPES) },
];
const RANGE_FIELDS = [
  { name: 'minValue', label: '允许范围下限', hint: '留空表示不限' },
  { name: 'maxValue', label: '允许范围上限', hint: '留空表示不限；超出范围的数据会被拒绝' },
] as const;

const AREA_OPTIONS = [
  { value: '', label: '（不属于七个主抓手）' },
  ...WORK_AREAS.map((a) => ({ value: a.slug, label: a.name })),
];

/** The stored indicator a 409 carries (version, name, unit), read without trusting its shape. */
function readCurrent(value: unknown): { version: number; name: string; unit: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, name, unit } = value as Record<string, unknown>;
  return typeof version === 'number' ? { version, name: String(name ?? ''), unit: String(unit ?? '') } : undefined;
}

/** Creates an indicator, or edits one (the code is permanent); a unit or kind change of one with figures asks for a reason. */
export function IndicatorDialog({
  indicator,
  departments,
  onClose,
  onSaved,
}: {
  indicator?: IndicatorAdminView;
  departments: CatalogPage['departments'];
  onClose: () => void;
  onSaved: (saved: IndicatorView) => void;
}) {
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Record<Choice, string>>({
    kind: indicator?.kind ?? 'cumulative',
    direction: indicator?.direction ?? 'up',
    frequency: indicator?.frequency ?? 'monthly',
    planType: indicator?.planType ?? 'expected',
    departmentCode: indicator?.departmentCode ?? departments[0]?.code ?? '',
    areaSlug: indicator?.areaSlug ?? '',
  });
  const choices = [
    ...VOCABULARY_CHOICES,
    {
      name: 'departmentCode' as const,
      label: '责任单位',
      options: departments.map((d) => ({ value: d.code, label: d.name })),
    },
    { name: 'areaSlug' as const, label: '所属抓手', options: AREA_OPTIONS },
  ];
  const kind = choice.kind;
  const [unit, setUnit] = useState<string>(indicator?.unit ?? '');
  // The version the edit is based on; after a 409 the user may choose to resubmit over the newer one.
  const [version, setVersion] = useState<number | undefined>(indicator?.version);
  const hasFigures = indicator ? indicator.actualCount + indicator.targetCount > 0 : false;
  const needsReason = Boolean(indicator && hasFigures && (unit.trim() !== indicator.unit || kind !== indicator.kind));

  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      indicator ? catalogApi.update(indicator.code, input) : catalogApi.create(input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'catalog'] });
      onSaved(saved);
    },
  });
  const problem = save.error ? toFormProblem(save.error, FIELDS) : null;
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error.details : undefined;
  const current = readCurrent(conflict?.current);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const input: Record<string, unknown> = {
      name: text('name'),
      unit: text('unit'),
      ...choice,
      areaSlug: choice.areaSlug === '' ? null : choice.areaSlug,
      minValue: text('minValue'),
      maxValue: text('maxValue'),
      definition: text('definition'),
    };
    if (indicator) {
      input.version = version;
      if (needsReason || text('reason') !== '') input.reason = text('reason');
    } else input.code = text('code');
    save.mutate(input);
  };

  return (
    <Dialog title={indicator ? `编辑指标 ${indicator.code}` : '新建指标'} onClose={onClose}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid max-h-[70vh] grid-cols-1 gap-3 overflow-y-auto pr-1 sm:grid-cols-2"
      >
        {indicator ? null : (
          <div className="sm:col-span-2">
            <TextField
              label="指标编码"
              name="code"
              required
              hint="英文字母、数字和连字符，如 INV-NEW-PROJECTS；创建后不能修改（导入模板引用它）"
              errors={problem?.fieldErrors.code}
            />
          </div>
        )}
        <div className="sm:col-span-2">
          <TextField
            label="指标名称"
            name="name"
            required
            defaultValue={indicator?.name}
            errors={problem?.fieldErrors.name}
          />
        </div>
        <div onChange={(e) => (e.target instanceof HTMLInputElement ? setUnit(e.target.value) : undefined)}>
          <TextField
            label="单位"
            name="unit"
            required
            defaultValue={indicator?.unit}
            hint="如 亿元、个、%、万人"
            errors={problem?.fieldErrors.unit}
          />
        </div>
        {choices.map((c) => (
          <SelectField
            key={c.name}
            label={c.label}
            name={c.name}
            value={choice[c.name]}
            onChange={(value) => setChoice((was) => ({ ...was, [c.name]: value }))}
            options={c.options}
            errors={problem?.fieldErrors[c.name]}
          />
        ))}
        {RANGE_FIELDS.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            defaultValue={indicator?.[f.name] ?? ''}
            hint={f.hint}
            errors={problem?.fieldErrors[f.name]}
          />
        ))}
        <div className="sm:col-span-2">
          <TextField label="口径说明" name="definition" rows={3} defaultValue={indicator?.definition ?? ''} />
        </div>
        {needsReason || problem?.fieldErrors.reason ? (
          <div className="sm:col-span-2">
            <TextField
              label="修改原因"
              name="reason"
              required
              hint={`该指标已有 ${indicator?.actualCount ?? 0} 个实绩、${indicator?.targetCount ?? 0} 个目标：修改单位或指标类型须写明原因（记入审计日志）`}
              errors={problem?.fieldErrors.reason}
            />
          </div>
        ) : null}
        <div className="sm:col-span-2">
          {problem ? <FormError message={problem.message} /> : null}
          {current ? (
            <p className="mt-2 text-sm text-gray-700">
              最新版本：{current.name}（单位 {current.unit}）。
              <Button variant="link" className="ml-1" onClick={() => setVersion(current.version)}>
                以最新版本为基础，用我填写的内容覆盖
              </Button>
            </p>
          ) : null}
        </div>
        <div className="sm:col-span-2">
          <DialogButtons pending={save.isPending} label={indicator ? '保存' : '创建'} onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
