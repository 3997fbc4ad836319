'use client';

import { traitsOf } from '@/lib/domain/kind-traits';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { KIND_LABELS, PHASING_LABELS } from '@/lib/domain/labels';
import { ApiError } from '@/lib/client-api/client';
import { QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { PHASINGS, QUALIFIERS, type PhasingKind } from '@/lib/domain/types';
import type { TargetList } from '@/lib/services/admin/targets';
import { Dialog, DialogButtons } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/notice';
import { SelectField, TextField } from '@/components/ui/field';
import { toFormProblem } from '../_shared/format';
import { checkPhasing, isAdditive, phaseMonths, toIncrements } from '@/lib/domain/phasing';
import { saveTarget } from './queries';
import { Button } from '@/components/ui/button';

type Item = TargetList['items'][number];
const QUARTERS: Record<number, string> = { 3: '一季度', 6: '二季度', 9: '三季度', 12: '四季度' };
const INPUT = 'mt-1 w-full rounded border border-gray-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

function initialInputs(item: Item): Record<number, string> {
  const phases = item.target?.phases ?? [];
  if (isAdditive(item.indicator.kind)) return toIncrements(phases);
  return Object.fromEntries(phases.map((p) => [p.month, p.value]));
}

function readConflict(error: unknown): { version: number; savedBy: string } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current: unknown = error.details?.current;
  const version =
    typeof current === 'object' && current !== null ? (current as Record<string, unknown>).version : undefined;
  return typeof version === 'number' ? { version, savedBy: String(error.details?.savedBy ?? '他人') } : null;
}

/** Sets or changes one target: value, qualifier, baseline and the phasing, with a live check of the parts. */
export function TargetDialog({
  item,
  year,
  hasBegun,
  onClose,
  onSaved,
}: {
  item: Item;
  year: number;
  hasBegun: boolean;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { indicator, target } = item;
  const queryClient = useQueryClient();
  const ids = { phase: useId(), check: useId() };
  const [value, setValue] = useState(target?.value ?? '');
  const [qualifier, setQualifier] = useState<string>(target?.qualifier ?? 'exact');
  const [phasing, setPhasing] = useState<PhasingKind>(target?.phasing ?? 'none');
  const [inputs, setInputs] = useState<Record<number, string>>(() => initialInputs(item));
  const [baseline, setBaseline] = useState(target?.baseline ?? '');
  const [reason, setReason] = useState('');
  const [version, setVersion] = useState<number | null>(target?.version ?? null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const additive = isAdditive(indicator.kind);
  const check = checkPhasing({ kind: indicator.kind, unit: indicator.unit, target: value, phasing, inputs });
  const needsReason = Boolean(target) && hasBegun;

  const save = useMutation({
    mutationFn: saveTarget,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'targets', year] });
      onSaved(
        result.status === 'unchanged'
          ? `${indicator.name}：目标没有变化`
          : `已保存 ${indicator.name} ${year} 年目标${result.target.isRevised ? '（已修订）' : ''}`,
      );
    },
  });
  const problem = save.error ? toFormProblem(save.error, ['value', 'qualifier', 'phases', 'baseline', 'reason']) : null;
  const conflict = readConflict(save.error);
  const phaseErrors = Object.entries(problem?.fieldErrors ?? {})
    .filter(([k]) => k.startsWith('phases'))
    .flatMap(([, v]) => v);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (phasing !== 'none' && !check.ok) {
      setBlocked(`分解目标与全年目标不一致：${check.message}`);
      return;
    }
    setBlocked(null);
    save.mutate({
      indicatorCode: indicator.code,
      year,
      value,
      qualifier,
      phasing,
      phases: phasing === 'none' ? [] : (check.phases ?? []),
      ...(traitsOf(indicator.kind).fromBaseline ? { baseline: baseline.trim() === '' ? null : baseline } : {}),
      version,
      ...(reason.trim() ? { reason } : {}),
    });
  };

  const label = (m: number) => (phasing === 'quarterly' ? QUARTERS[m] : `${m}月`) + (additive ? '新增' : '末');
  return (
    <Dialog title={`${year} 年目标 · ${indicator.name}`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="max-h-[75vh] space-y-3 overflow-y-auto pr-1">
        <p className="text-xs text-gray-600">
          {indicator.code} · 单位 {indicator.unit} · {KIND_LABELS[indicator.kind]} · {indicator.departmentShortName}
        </p>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={`全年目标（${indicator.unit}）`}
            name="value"
            value={value}
            onChange={setValue}
            inputMode="decimal"
            required
            errors={problem?.fieldErrors.value}
          />
          <SelectField
            label="限定词"
            name="qualifier"
            value={qualifier}
            onChange={setQualifier}
            options={QUALIFIERS.map((q) => ({ value: q, label: QUALIFIER_LABELS[q] }))}
            errors={problem?.fieldErrors.qualifier}
          />
        </div>
        {traitsOf(indicator.kind).fromBaseline ? (
          <TextField
            label={`基期值（上年末，${indicator.unit}，可不填）`}
            name="baseline"
            value={baseline}
            onChange={setBaseline}
            inputMode="decimal"
            errors={problem?.fieldErrors.baseline}
          />
        ) : null}
        <fieldset>
          <legend className="text-sm text-gray-700">分解方式</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {PHASINGS.map((p) => (
              <label key={p} className="flex items-center gap-1">
                <input
                  type="radio"
                  name="phasing"
                  value={p}
                  checked={phasing === p}
                  onChange={() => {
                    setPhasing(p);
                    setInputs({});
                  }}
                />
                {PHASING_LABELS[p]}
                {p === 'none' ? <span className="text-gray-500">（按时间均匀推进）</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
        {phasing !== 'none' ? (
          <fieldset aria-describedby={ids.check}>
            <legend className="text-sm text-gray-600">
              {additive
                ? `每${phasing === 'monthly' ? '月' : '季度'}新增的目标，合计应等于全年目标`
                : '各期末应达到的值，12月末应等于全年目标'}
            </legend>
            <div className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-4">
              {phaseMonths(phasing).map((m) => (
                <div key={m}>
                  <label htmlFor={`${ids.phase}-m${m}`} className="block text-xs text-gray-700">
                    {label(m)}
                  </label>
                  <input
                    id={`${ids.phase}-m${m}`}
                    value={inputs[m] ?? ''}
                    onChange={(e) => setInputs({ ...inputs, [m]: e.target.value })}
                    inputMode="decimal"
                    aria-invalid={Boolean(check.errors[m])}
                    className={INPUT}
                  />
                  {additive && check.running[m] !== undefined ? (
                    <p className="text-xs text-gray-500">累计 {check.running[m]}</p>
                  ) : null}
                  {check.errors[m] ? <p className="text-xs text-red-700">⚠ {check.errors[m]}</p> : null}
                </div>
              ))}
            </div>
            <p
              id={ids.check}
              role="status"
              aria-live="polite"
              className={`mt-2 text-sm ${check.ok ? 'text-green-800' : 'text-red-800'}`}
            >
              {check.ok ? '✓ 核对通过：' : '✗ 核对未通过：'}
              {check.message}
            </p>
            {phaseErrors.map((m) => (
              <p key={m} className="text-sm text-red-700">
                ⚠ {m}
              </p>
            ))}
          </fieldset>
        ) : null}
        {needsReason ? (
          <TextField
            label="修订原因（必填）"
            name="reason"
            value={reason}
            onChange={setReason}
            required
            hint={`${year} 年度已开始：修改后目标将标记为“已修订”，原因记入审计日志`}
            errors={problem?.fieldErrors.reason}
          />
        ) : null}
        {blocked ? <FormError message={blocked} /> : null}
        {problem ? <FormError message={problem.message} /> : null}
        {conflict ? (
          <p className="text-sm text-gray-700">
            <Button variant="link" onClick={() => setVersion(conflict.version)}>
              以{conflict.savedBy}保存的最新版本为基础，用我填写的内容覆盖
            </Button>
          </p>
        ) : null}
        <DialogButtons pending={save.isPending} label={'保存目标'} onClose={onClose} />
      </form>
    </Dialog>
  );
}
