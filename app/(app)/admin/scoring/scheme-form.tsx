'use client';
/**
 * The admin's scheme editor: work areas and their indicators with two levels of weights (./scheme-items.tsx),
 * deductions and bonus items (./scheme-adjustments.tsx); save (validated on the server) and publish.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { useState } from 'react';
import { FormError, Notice } from '@/components/ui/notice';
import { Button } from '@/components/ui/button';
import { toFormProblem } from '../_shared/format';
import { scoringApi, scoringQuery } from './queries';
import { EMPTY_DRAFT, INPUT, toBody, toDraft, type Draft } from './scheme-draft';
import { SchemeAdjustments } from './scheme-adjustments';
import { SchemeItems } from './scheme-items';

export function SchemeForm({ year }: { year: number }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(scoringQuery(year));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'scoring', year] });
  const save = useMutation({
    mutationFn: scoringApi.save,
    onSuccess: async (r) => {
      setNotice(
        `已保存第 ${r.version} 版（草稿）${r.newVersion && r.version > 1 ? '：已发布的版本及其得分保持不变' : ''}`,
      );
      setDraft(null);
      await refresh();
    },
  });
  const publish = useMutation({
    mutationFn: scoringApi.publish,
    onSuccess: async (r) => {
      setNotice(`已发布第 ${r.version} 版：${r.departments} 个责任单位、${r.units} 个县区的得分已保存为快照`);
      await refresh();
    },
  });
  if (!data) return null;
  const current = draft ?? (data.scheme ? toDraft(data.scheme.body, data) : EMPTY_DRAFT);
  const edit = (patch: Partial<Draft>) => {
    setNotice(null);
    setDraft({ ...current, ...patch });
  };
  // Every problem of a refused scheme is named in the message (each area and indicator, the sums, a cap below zero).
  const problem = save.error ? toFormProblem(save.error) : publish.error ? toFormProblem(publish.error) : null;
  const unsaved = data.scheme?.status === 'draft' && draft === null ? data.scheme : null;
  return (
    <div className="space-y-4">
      <p className="text-sm" aria-label="方案状态">
        {data.scheme
          ? `当前：第 ${data.scheme.version} 版（${data.scheme.status === 'published' ? '已发布' : '草稿'}）`
          : '本年度尚无考核方案'}
        {data.scheme?.isSample ? '，示例数据' : ''}
        {data.versions.some((v) => v.status === 'published') ? (
          <Link href={`/scores?year=${year}`} className="ml-2 underline">
            查看已发布得分
          </Link>
        ) : null}
      </p>
      {data.scheme?.isLegacy ? (
        <Notice tone="info">
          该版本按指标权重（合计 100）设定，下面已换算为主抓手权重与主抓手内指标权重；保存后生效，已发布得分不变。
        </Notice>
      ) : null}
      <SchemeItems draft={current} data={data} edit={edit} />
      <SchemeAdjustments draft={current} data={data} edit={edit} />
      <label className="block text-sm">
        修改说明（可选，记入审计日志）
        <input
          className={`${INPUT} mt-1 block w-full max-w-xl`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {problem ? <FormError message={problem.message} /> : null}
      {notice ? (
        <p role="status" className="text-sm text-green-800">
          ✓ {notice}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          disabled={save.isPending}
          variant="primary"
          onClick={() => {
            publish.reset();
            save.mutate({ year, ...toBody(current), ...(reason ? { reason } : {}) });
          }}
        >
          {save.isPending ? '校验中…' : '校验并保存'}
        </Button>
        <Button
          disabled={!unsaved || publish.isPending}
          variant="danger"
          onClick={() => {
            save.reset();
            if (unsaved) publish.mutate({ year, version: unsaved.version });
          }}
        >
          {unsaved ? `发布第 ${unsaved.version} 版得分` : '发布得分（先保存草稿）'}
        </Button>
      </div>
    </div>
  );
}
