'use client';
/**
 * For the admin: edit a plan indicator's path — its kind, the final-year target or 年均增长 X%, the value of every
 * year (typed paths) and the indicator whose figure is the baseline. The server validates (each problem shown
 * beside its field) and audits the change with its before and after.
 */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/field';
import { FormError } from '@/components/ui/notice';
import { fetchJson } from '@/lib/client-api/client';
import { PATH_KIND_LABELS } from '@/lib/domain/labels';
import { PATH_KINDS, type PathKind } from '@/lib/domain/plan-path';
import type { BaselineChoice } from '@/lib/services/plans/edit';
import type { PlanView } from '@/lib/services/plans/plan';
import { toFormProblem } from '../../admin/_shared/format';

type Item = PlanView['items'][number];
const INPUT = 'mt-1 w-full rounded border border-gray-300 px-3 py-1.5 text-sm aria-[invalid=true]:border-red-600';
const plain = (v: string | null | undefined) => (v ?? '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

function NumberInput(props: { label: string; value: string; onChange: (v: string) => void; errors?: string[] }) {
  return (
    <label className="block text-sm text-gray-700">
      {props.label}
      <input
        className={INPUT}
        value={props.value}
        aria-invalid={Boolean(props.errors?.length)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.errors?.map((m) => (
        <span key={m} className="mt-1 block text-sm font-normal text-red-700">
          ⚠ {m}
        </span>
      ))}
    </label>
  );
}

function EditForm(props: { plan: PlanView['plan']; item: Item; choices: BaselineChoice[]; onDone: () => void }) {
  const { plan, item } = props;
  const router = useRouter();
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => String(plan.firstYear + i));
  const [kind, setKind] = useState<PathKind>(item.pathKind);
  const [finalTarget, setFinalTarget] = useState(plain(item.finalTarget));
  const [growth, setGrowth] = useState(plain(item.annualGrowth));
  const [typed, setTyped] = useState<Record<string, string>>(
    Object.fromEntries(
      years.map((y) => [y, item.typedValues?.[y] ?? item.path.find((p) => String(p.year) === y)?.value ?? '']),
    ),
  );
  const [baseline, setBaseline] = useState(item.baselineIndicator.code);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      fetchJson<{ status: string }>(`/api/plans/${plan.code}/indicators`, {
        method: 'PUT',
        body: JSON.stringify({
          indicatorCode: item.code,
          pathKind: kind,
          ...(kind === 'typed'
            ? { typedValues: typed, finalTarget: null, annualGrowth: null }
            : { finalTarget, annualGrowth: growth, typedValues: null }),
          baselineIndicatorCode: baseline,
          ...(reason.trim() ? { reason } : {}),
        }),
      }),
    onSuccess: () => {
      router.refresh();
      props.onDone();
    },
  });
  const problem = save.error
    ? toFormProblem(save.error, [
        'finalTarget',
        'annualGrowth',
        'baselineIndicatorCode',
        'pathKind',
        ...years.map((y) => `typedValues.${y}`),
      ])
    : null;
  const errors = (field: string) => problem?.fieldErrors[field];
  const sameUnit = props.choices.filter((c) => c.unit === item.unit);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <SelectField
        label="路径类型"
        name="pathKind"
        value={kind}
        onChange={(v) => setKind(PATH_KINDS.find((k) => k === v) ?? kind)}
        options={PATH_KINDS.map((k) => ({ value: k, label: PATH_KIND_LABELS[k] }))}
        errors={errors('pathKind')}
      />
      {kind === 'typed' ? (
        <div className="grid grid-cols-3 gap-2">
          {years.map((y) => (
            <NumberInput
              key={y}
              label={`${y}年路径值（${item.unit}）`}
              value={typed[y] ?? ''}
              onChange={(v) => setTyped({ ...typed, [y]: v })}
              errors={errors(`typedValues.${y}`)}
            />
          ))}
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <NumberInput
            label={`${plan.lastYear}年目标值（${item.unit}）`}
            value={finalTarget}
            onChange={setFinalTarget}
            errors={errors('finalTarget')}
          />
          <NumberInput label="年均增长（%）" value={growth} onChange={setGrowth} errors={errors('annualGrowth')} />
          <p className="col-span-2 text-xs text-gray-500">
            两项填且只填一项：填目标值则按路径类型走到目标，填年均增长则逐年按该增速推算。
          </p>
        </div>
      )}
      <SelectField
        label={`基期指标（取其${plan.firstYear - 1}年 12 月数）`}
        name="baselineIndicatorCode"
        value={baseline}
        onChange={setBaseline}
        options={[
          { value: item.code, label: `本指标：${item.name}` },
          ...sameUnit
            .filter((c) => c.code !== item.code)
            .map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` })),
        ]}
        hint={`只列单位同为「${item.unit}」的指标；基期数随所链指标的数据更新，不手工抄录。`}
        errors={errors('baselineIndicatorCode')}
      />
      <label className="block text-sm text-gray-700">
        修改说明（可选，记入审计日志）
        <input className={INPUT} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {problem ? <FormError message={problem.message} /> : null}
      <div className="flex justify-end gap-2">
        <Button onClick={props.onDone}>取消</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? '保存中…' : '保存路径'}
        </Button>
      </div>
    </form>
  );
}

export function EditPath(props: { plan: PlanView['plan']; item: Item; choices: BaselineChoice[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link" size="sm" onClick={() => setOpen(true)}>
        编辑「{props.item.name}」路径
      </Button>
      {open ? (
        <Dialog title={`编辑规划路径：${props.item.name}`} onClose={() => setOpen(false)}>
          <EditForm {...props} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}
