'use client';
/** 批示: leaders write instructions on the indicator; its department answers. Both are audited on the server. */
import { Card } from '@/components/ui/card';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { indicatorQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { formatShanghaiDateTime } from '@/lib/domain/datetime';
import type { IndicatorDetail } from '@/lib/services/dashboards/indicator';
import { Button } from '@/components/ui/button';

type Instruction = IndicatorDetail['instructions'][number];

function fieldMessage(error: unknown): string {
  if (error instanceof ApiError) return error.fieldErrors?.body?.join('；') ?? error.message;
  return '提交失败，请稍后重试';
}

/** A textarea with its submit button; clears itself after a successful post. */
function PostForm({
  label,
  button,
  url,
  onPosted,
}: {
  label: string;
  button: string;
  url: string;
  onPosted: () => Promise<unknown>;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: (text: string) =>
      fetchJson<{ id: number }>(url, { method: 'POST', body: JSON.stringify({ body: text }) }),
    onSuccess: async () => {
      setBody('');
      setDone(true);
      await onPosted();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    mutation.mutate(body);
  };
  const error = mutation.isError ? fieldMessage(mutation.error) : null;
  return (
    <form onSubmit={submit} className="no-print space-y-2">
      <label htmlFor={id} className="block text-sm text-gray-700">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded border border-gray-300 px-3 py-2 text-sm focus:border-red-700"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={mutation.isPending} variant="primary">
          {mutation.isPending ? '正在提交…' : button}
        </Button>
        {done ? (
          <span role="status" className="text-sm text-green-700">
            已提交
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function InstructionsPanel({
  code,
  params,
  instructions,
  permissions,
  departmentName,
}: {
  code: string;
  params: PeriodParams;
  instructions: Instruction[];
  permissions: { canInstruct: boolean; canAnswer: boolean };
  departmentName: string;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: indicatorQuery(code, params).queryKey });
  return (
    <Card titleId="instructions-title" title="领导批示">
      <p className="text-xs text-gray-500">领导对本指标的批示及{departmentName}的答复；批示与答复均记入审计日志。</p>
      {instructions.length === 0 ? (
        <p className="mt-3 text-sm text-gray-500">暂无批示</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {instructions.map((i) => (
            <li key={i.id} className="rounded border border-red-100 bg-red-50/40 p-3">
              <p className="text-xs text-gray-500">
                <strong className="text-gray-800">{i.author}</strong>
                {i.authorRole ? `（${i.authorRole}）` : ''} 批示于 {formatShanghaiDateTime(i.createdAt)}
              </p>
              <p className="mt-1 text-sm whitespace-pre-wrap text-gray-900">{i.body}</p>
              {i.answers.length ? (
                <ol className="mt-2 space-y-2 border-l-2 border-gray-300 pl-3">
                  {i.answers.map((a) => (
                    <li key={a.id}>
                      <p className="text-xs text-gray-500">
                        <strong className="text-gray-800">{a.author}</strong>（{a.department ?? ''}
                        {a.authorRole}）答复于 {formatShanghaiDateTime(a.createdAt)}
                      </p>
                      <p className="mt-0.5 text-sm whitespace-pre-wrap text-gray-900">{a.body}</p>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-2 text-xs text-amber-800">待{departmentName}答复</p>
              )}
              {permissions.canAnswer ? (
                <div className="mt-3">
                  <PostForm
                    label="答复内容"
                    button="提交答复"
                    url={`/api/instructions/${i.id}/answers`}
                    onPosted={refresh}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {permissions.canInstruct ? (
        <div className="mt-4 border-t border-gray-100 pt-3">
          <PostForm
            label="批示内容"
            button="提交批示"
            url={`/api/indicators/${encodeURIComponent(code)}/instructions`}
            onPosted={refresh}
          />
        </div>
      ) : null}
    </Card>
  );
}
