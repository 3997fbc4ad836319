'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ComponentProps } from 'react';
import type { ImportResult } from '@/lib/services/imports/imports';
import { ResultTable } from './result-table';
import { previewOf, uploadImport } from './upload';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/options';

export interface ImportKindOption {
  kind: 'actuals' | 'targets';
  canImport: boolean;
}

const LABELS = { actuals: '实绩数据', targets: '年度目标' } as const;
const MAX_BYTES = 10 * 1024 * 1024;
const FIELD = 'mt-1 rounded border border-gray-300 bg-white px-2 py-1 text-sm';

/** A labelled input for the template's period or year (the field's look unless `className` says otherwise). */
function TemplateInput({
  label,
  onChange,
  ...input
}: Omit<ComponentProps<'input'>, 'onChange'> & { id: string; label: string; onChange: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={input.id} className="block text-xs text-gray-600">
        {label}
      </label>
      <input className={FIELD} {...input} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function ImportView(props: {
  kinds: ImportKindOption[];
  initialKind: 'actuals' | 'targets';
  departments: { code: string; name: string }[];
  departmentName: string | null;
  defaultPeriod: string;
  defaultYear: number;
}) {
  const ids = { department: useId(), period: useId(), year: useId(), file: useId(), fileHint: useId() };
  const [kind, setKind] = useState(props.initialKind);
  const [department, setDepartment] = useState('');
  const [period, setPeriod] = useState(props.defaultPeriod);
  const [year, setYear] = useState(String(props.defaultYear));
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const option = props.kinds.find((k) => k.kind === kind);

  const run = useMutation({
    mutationFn: ({ mode }: { mode: 'dry-run' | 'commit' }) => {
      if (!file) throw new Error('请先选择文件');
      return uploadImport(kind, mode, file);
    },
    onSuccess: (result) => {
      if (result.mode === 'commit') {
        setDone(result);
        setPreview(null);
      } else setPreview(result);
    },
    onError: (error) => setPreview(previewOf(error)),
  });

  const reset = () => {
    setPreview(null);
    setDone(null);
    run.reset();
  };
  const choose = (chosen: File | null) => {
    reset();
    setFile(chosen);
    setFileProblem(chosen && chosen.size > MAX_BYTES ? '文件超过 10 MB，请分批导入' : null);
  };

  const query = new URLSearchParams();
  if (department) query.set('department', department);
  if (kind === 'actuals' && /^\d{4}-\d{2}$/.test(period)) query.set('period', period);
  if (kind === 'targets' && /^\d{4}$/.test(year)) query.set('year', year);
  const search = query.toString();
  const templateHref = `/api/imports/${kind}/template${search ? `?${search}` : ''}`;
  const canCommit = Boolean(
    preview && preview.mode === 'dry-run' && preview.errorCount === 0 && preview.okCount > 0 && !run.isPending,
  );

  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">批量导入</h1>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 text-sm text-gray-700">导入类型</legend>
        {props.kinds.map((k) => (
          <label key={k.kind} className="flex items-center gap-1">
            <input
              type="radio"
              name="kind"
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => {
                setKind(k.kind);
                choose(null);
              }}
            />
            {LABELS[k.kind]}
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="template-heading" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="template-heading" className="font-semibold">
          第一步：下载模板
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          模板已列出{props.departmentName ? `「${props.departmentName}」` : '所选单位'}
          的指标编码、名称、单位和「县区」（全市数据为「全市」，县区用户的为本县区；已有的数据一并填入）；第二个工作表「说明」介绍填写方法。
        </p>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          {props.departments.length ? (
            <div>
              <label htmlFor={ids.department} className="block text-xs text-gray-600">
                单位
              </label>
              <select
                id={ids.department}
                value={department}
                onChange={(e) => setDepartment(e.target.value)}
                className={FIELD}
              >
                <option value="">全部单位</option>
                <Options options={props.departments.map((d) => ({ value: d.code, label: d.name }))} />
              </select>
            </div>
          ) : null}
          {kind === 'actuals' ? (
            <TemplateInput id={ids.period} label="填报期（YYYY-MM）" type="month" value={period} onChange={setPeriod} />
          ) : (
            <TemplateInput
              id={ids.year}
              label="年份"
              inputMode="numeric"
              value={year}
              onChange={setYear}
              className={`${FIELD} w-24`}
            />
          )}
          <a
            href={templateHref}
            download
            className="rounded border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50"
          >
            下载{LABELS[kind]}模板（.xlsx）
          </a>
        </div>
      </section>

      <section aria-labelledby="upload-heading" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="upload-heading" className="font-semibold">
          第二步：上传并预检，第三步：确认导入
        </h2>
        {option?.canImport ? (
          <>
            <div className="mt-3">
              <label htmlFor={ids.file} className="block text-sm text-gray-700">
                选择填写好的文件
              </label>
              <input
                id={ids.file}
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby={ids.fileHint}
                onChange={(e) => choose(e.target.files?.[0] ?? null)}
                className="mt-1 block text-sm"
              />
              <p id={ids.fileHint} className="mt-1 text-xs text-gray-500">
                Excel（.xlsx）或 CSV（UTF-8 或 GBK），最多 10 MB、10000
                行。预检不保存任何数据；导入要么全部成功，要么不保存任何数据。
              </p>
              {fileProblem ? (
                <p role="alert" className="mt-1 text-sm text-red-800">
                  ⚠ {fileProblem}
                </p>
              ) : null}
            </div>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button
                disabled={!file || Boolean(fileProblem) || run.isPending}
                onClick={() => run.mutate({ mode: 'dry-run' })}
              >
                {run.isPending && run.variables.mode === 'dry-run' ? '预检中…' : '预检'}
              </Button>
              <Button disabled={!canCommit} onClick={() => run.mutate({ mode: 'commit' })} variant="primary">
                {run.isPending && run.variables.mode === 'commit'
                  ? '导入中…'
                  : `确认导入${preview && preview.okCount ? ` ${preview.okCount} 行` : ''}`}
              </Button>
            </div>
            {preview && preview.errorCount > 0 ? (
              <p className="mt-2 text-sm text-red-800">
                有 {preview.errorCount} 行错误：请在文件中修正后重新选择文件并预检；有错误时不能导入。
              </p>
            ) : null}
            {preview && preview.errorCount === 0 && preview.okCount === 0 ? (
              <p className="mt-2 text-sm text-gray-700">没有需要导入的数据（全部与已保存的相同或未填写）。</p>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-sm text-gray-700">
            实绩数据由各单位的填报员导入。您可以下载各单位的模板发给他们填写。
          </p>
        )}
        {run.error ? (
          <p role="alert" className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            ⚠ {run.error.message}
          </p>
        ) : null}
        {done ? (
          <p
            role="status"
            className="mt-3 rounded border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            ✓ 导入完成：保存 {done.okCount} 行，{done.unchangedCount} 行无变化未导入；每条改动都已记入审计日志。
            {done.kind === 'actuals' ? ' 数据已保存为草稿，请到「数据填报」核对后提交审核。' : ''}
          </p>
        ) : null}
      </section>
      {preview ? <ResultTable key={run.submittedAt} result={preview} /> : null}
    </div>
  );
}
