'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { formatNumber } from '@/lib/domain/format';
import { formatPeriod, type Period } from '@/lib/domain/period';
import { QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { QUALIFIERS, type Qualifier } from '@/lib/domain/types';
import { EvidenceAttachments } from './evidence-attachments';
import { EntryField, EntryTextField } from './entry-field';
import { EntryConflictNotice, conflictOf, type EntryConflict } from './entry-conflict';
import { EntryRowHead, type EntrySheetRow } from './entry-row-head';
import { Button } from '@/components/ui/button';
import { labelledOptions, Options } from '@/components/ui/options';

export function EntryRow({ row, period, disabled }: { row: EntrySheetRow; period: Period; disabled: boolean }) {
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
  const [conflict, setConflict] = useState<EntryConflict | null>(null);
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
  /** What a text field takes from its name and the row: its id (the label's target), the server's message, the lock. */
  const textField = (name: string) => ({ id: fieldId(name), error: errorFor(name), disabled: !editable });

  return (
    <li className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm" aria-labelledby={fieldId('title')}>
      <EntryRowHead row={row} titleId={fieldId('title')} />
      <form
        className="mt-3 grid gap-3 sm:grid-cols-12"
        onSubmit={(e) => {
          e.preventDefault();
          if (editable) save.mutate('draft');
        }}
      >
        <EntryField
          id={fieldId('value')}
          label={<>本期实绩（{indicator.unit}）</>}
          className="sm:col-span-3"
          error={errorFor('value')}
        >
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
        </EntryField>
        <EntryField id={fieldId('qualifier')} label="限定词" className="sm:col-span-2" error={errorFor('qualifier')}>
          <select
            id={fieldId('qualifier')}
            disabled={!editable}
            value={qualifier}
            onChange={(e) => setQualifier(e.target.value as Qualifier)}
            className="mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1.5 disabled:bg-gray-100"
          >
            <Options options={labelledOptions(QUALIFIERS, QUALIFIER_LABELS)} />
          </select>
        </EntryField>
        <EntryTextField {...textField('note')} label="备注" className="sm:col-span-4" value={note} onChange={setNote} />
        <EntryTextField
          {...textField('evidenceUrl')}
          label="佐证材料链接"
          className="sm:col-span-3"
          value={evidenceUrl}
          onChange={setEvidenceUrl}
          placeholder="https://…"
        />
        {needsExplanation || explanation ? (
          <EntryField
            id={fieldId('explanation')}
            label={
              <>
                情况说明{needsExplanation ? <span className="text-red-700">（落后于序时进度，提交前必填）</span> : null}
              </>
            }
            className="sm:col-span-12"
            error={errorFor('explanation')}
          >
            <textarea
              id={fieldId('explanation')}
              disabled={!editable}
              rows={2}
              value={explanation}
              onChange={(e) => setExplanation(e.target.value)}
              aria-invalid={Boolean(errors.explanation)}
              className="mt-1 w-full rounded border border-gray-300 px-2 py-1.5 disabled:bg-gray-100"
            />
          </EntryField>
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
        <EntryConflictNotice
          conflict={conflict}
          unit={indicator.unit}
          value={value}
          onKeepMine={() => {
            setVersion(conflict.version);
            setConflict(null);
            setMessage('已采用最新版本号，请再次保存以用您的值覆盖');
          }}
          onTakeSaved={() => {
            setValue(conflict.value ? formatNumber(conflict.value, { maxDecimals: 6 }) : '');
            setVersion(conflict.version);
            setConflict(null);
            setMessage(null);
          }}
        />
      ) : null}
    </li>
  );
}
