'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { formatNumber } from '@/lib/domain/format';
import { formatPeriod, type Period } from '@/lib/domain/period';
import { ACTUAL_STATUS_LABELS } from '@/lib/domain/labels';
import { QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { STATUS_LABELS } from '@/lib/domain/status';
import { QUALIFIERS, type Qualifier } from '@/lib/domain/types';
import type { EntrySheet } from '@/lib/services/reporting/entry-sheet';
import { EvidenceAttachments } from './evidence-attachments';
import { Button } from '@/components/ui/button';

type Row = EntrySheet['rows'][number];

const STATE_LABELS: Record<Row['state'], string> = {
  ...ACTUAL_STATUS_LABELS,
  overdue: STATUS_LABELS.overdue,
  open: '未填报',
};

interface Conflict {
  message: string;
  value: string | null;
  version: number | null;
  savedBy: string | null;
}

function conflictOf(error: ApiError): Conflict {
  const details = error.details as
    { current?: { value?: string | null; version?: number }; savedBy?: string | null } | undefined;
  return {
    message: error.message,
    value: details?.current?.value ?? null,
    version: details?.current?.version ?? null,
    savedBy: details?.savedBy ?? null,
  };
}

export function EntryRow({ row, period, disabled }: { row: Row; period: Period; disabled: boolean }) {
  const queryClient = useQueryClient();
  const { indicator, actual } = row;
  const editable = !disabled && row.state !== 'submitted' && row.state !== 'approved';
  const [value, setValue] = useState(actual?.value ? formatNumber(actual.value, { maxDecimals: 6 }) : '');
  const [qualifier, setQualifier] = useState<Qualifier>(actual?.qualifier ?? 'exact');
  const [note, setNote] = useState(actual?.note ?? '');
  const [explanation, setExplanation] = useState(actual?.explanation ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(actual?.evidenceUrl ?? '');
  const [version, setVersion] = useState<number | null>(actual?.version ?? null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [needsExplanation, setNeedsExplanation] = useState(row.status === 'red' || row.status === 'yellow');

  const save = useMutation({
    mutationFn: (action: 'draft' | 'submit') =>
      fetchJson<{ actual: { version: number; status: string }; needsExplanation: boolean }>('/api/actuals', {
        method: 'PUT',
        body: JSON.stringify({
          indicatorCode: indicator.code,
          period: formatPeriod(period),
          value,
          qualifier,
          note,
          explanation,
          evidenceUrl,
          version,
          action,
        }),
      }),
    onSuccess: (result, action) => {
      setErrors({});
      setConflict(null);
      setVersion(result.actual.version);
      setNeedsExplanation(result.needsExplanation);
      setMessage(
        action === 'submit'
          ? '已提交，等待审核'
          : result.needsExplanation
            ? '草稿已保存。本期数据落后于序时进度，提交前请填写情况说明'
            : '草稿已保存',
      );
      void queryClient.invalidateQueries({ queryKey: ['entry'] });
      void queryClient.invalidateQueries({ queryKey: ['overdue'] });
    },
    onError: (error) => {
      setMessage(null);
      if (error instanceof ApiError && error.status === 409) {
        setConflict(conflictOf(error));
        return;
      }
      if (error instanceof ApiError && error.fieldErrors) {
        setErrors(error.fieldErrors);
        if (error.fieldErrors.explanation) setNeedsExplanation(true);
      }
      setMessage(error.message);
    },
  });

  const fieldId = (name: string) => `${indicator.code}-${name}`;
  const errorFor = (name: string) =>
    errors[name]?.length ? (
      <p id={fieldId(`${name}-error`)} className="mt-1 text-xs text-red-700">
        {errors[name]?.join('；')}
      </p>
    ) : null;

  return (
    <li className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" aria-labelledby={fieldId('title')}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={fieldId('title')} className="font-medium" title={indicator.definition}>
          {indicator.name}
          <span className="ml-1 text-sm text-gray-500">（{indicator.unit}）</span>
        </h3>
        <span
          className={`rounded px-1.5 py-0.5 text-xs ${row.state === 'overdue' ? 'bg-violet-100 text-violet-800' : row.state === 'returned' ? 'bg-red-100 text-red-800' : 'bg-gray-100 text-gray-700'}`}
        >
          {STATE_LABELS[row.state]}
        </span>
        <StatusBadge status={row.status} />
        {actual?.isSample ? <SampleBadge /> : null}
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm text-gray-600 sm:grid-cols-4">
        <div>
          <dt className="inline">上期：</dt>
          <dd className="inline">
            {row.previous ? `${formatNumber(row.previous.value)}${indicator.unit}（${row.previous.month}月）` : '—'}
          </dd>
        </div>
        <div>
          <dt className="inline">全年目标：</dt>
          <dd className="inline">{row.target ? <FigureText figure={row.target} unit={indicator.unit} /> : '未设定'}</dd>
        </div>
        <div>
          <dt className="inline">序时进度应达：</dt>
          <dd className="inline">{row.expected === null ? '—' : `${formatNumber(row.expected)}${indicator.unit}`}</dd>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="inline">口径：</dt>
          <dd className="inline">{indicator.definition || '—'}</dd>
        </div>
      </dl>
      {actual?.returnReason && row.state === 'returned' ? (
        <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">退回原因：{actual.returnReason}</p>
      ) : null}
      <form
        className="mt-3 grid gap-3 sm:grid-cols-12"
        onSubmit={(e) => {
          e.preventDefault();
          if (editable) save.mutate('draft');
        }}
      >
        <div className="sm:col-span-3">
          <label htmlFor={fieldId('value')} className="block text-xs font-medium text-gray-700">
            本期实绩（{indicator.unit}）
          </label>
          <input
            id={fieldId('value')}
            name="value"
            inputMode="decimal"
            autoComplete="off"
            disabled={!editable}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={Boolean(errors.value)}
            aria-describedby={errors.value ? fieldId('value-error') : undefined}
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 text-right tabular-nums disabled:bg-gray-100"
          />
          {errorFor('value')}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={fieldId('qualifier')} className="block text-xs font-medium text-gray-700">
            限定词
          </label>
          <select
            id={fieldId('qualifier')}
            disabled={!editable}
            value={qualifier}
            onChange={(e) => setQualifier(e.target.value as Qualifier)}
            className="mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1.5 disabled:bg-gray-100"
          >
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {QUALIFIER_LABELS[q]}
              </option>
            ))}
          </select>
          {errorFor('qualifier')}
        </div>
        <div className="sm:col-span-4">
          <label htmlFor={fieldId('note')} className="block text-xs font-medium text-gray-700">
            备注
          </label>
          <input
            id={fieldId('note')}
            disabled={!editable}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 disabled:bg-gray-100"
          />
          {errorFor('note')}
        </div>
        <div className="sm:col-span-3">
          <label htmlFor={fieldId('evidenceUrl')} className="block text-xs font-medium text-gray-700">
            佐证材料链接
          </label>
          <input
            id={fieldId('evidenceUrl')}
            disabled={!editable}
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.target.value)}
            placeholder="https://…"
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 disabled:bg-gray-100"
          />
          {errorFor('evidenceUrl')}
        </div>
        {needsExplanation || explanation ? (
          <div className="sm:col-span-12">
            <label htmlFor={fieldId('explanation')} className="block text-xs font-medium text-gray-700">
              情况说明{needsExplanation ? <span className="text-red-700">（落后于序时进度，提交前必填）</span> : null}
            </label>
            <textarea
              id={fieldId('explanation')}
              disabled={!editable}
              rows={2}
              value={explanation}
              onChange={(e) => setExplanation(e.target.value)}
              aria-invalid={Boolean(errors.explanation)}
              className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 disabled:bg-gray-100"
            />
            {errorFor('explanation')}
          </div>
        ) : null}
        {editable ? (
          <div className="flex flex-wrap items-center gap-2 sm:col-span-12">
            <Button type="submit" disabled={save.isPending}>
              保存草稿
            </Button>
            <Button disabled={save.isPending} onClick={() => save.mutate('submit')} variant="primary">
              提交审核
            </Button>
          </div>
        ) : null}
        {message ? (
          <p role="status" className="text-sm text-gray-700 sm:col-span-12">
            {message}
          </p>
        ) : null}
      </form>
      <div className="mt-3">
        <EvidenceAttachments actualId={actual?.id ?? null} items={actual?.evidence ?? []} editable={editable} />
      </div>
      {conflict ? (
        <div role="alert" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{conflict.message}</p>
          <p className="mt-1">
            已保存的值：
            <strong>{conflict.value === null ? '—' : `${formatNumber(conflict.value)}${indicator.unit}`}</strong>（
            {conflict.savedBy ?? '他人'}）；您填写的值：
            <strong>{value || '—'}</strong>（未丢失）
          </p>
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              onClick={() => {
                setVersion(conflict.version);
                setConflict(null);
                setMessage('已采用最新版本号，请再次保存以用您的值覆盖');
              }}
            >
              保留我的值
            </Button>
            <Button
              size="sm"
              onClick={() => {
                setValue(conflict.value ? formatNumber(conflict.value, { maxDecimals: 6 }) : '');
                setVersion(conflict.version);
                setConflict(null);
                setMessage(null);
              }}
            >
              采用已保存的值
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
