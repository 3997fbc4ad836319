'use client';
/**
 * /admin/targets: choosing which indicators are reported by unit (and how they roll up), and handing a tracked
 * indicator's city target down to the units. The server checks everything (lib/domain/rollup.ts, decomposition.ts)
 * and refuses with the problem named; nothing is stored then.
 */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/client-api/client';
import { ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import { ROLLUP_RULES, type RollupRule } from '@/lib/domain/types';
import type { Decompositions } from '@/lib/services/units/targets';
import { Button } from '@/components/ui/button';
import { labelledOptions, Options } from '@/components/ui/options';
import { Notice } from '@/components/ui/notice';
import { INLINE_INPUT, InlineInput, InlineSelect } from '../_shared/inline-field';

function RollupForm({ onDone }: { onDone: (notice: string | null, error: string | null) => void }) {
  const [code, setCode] = useState('');
  const [tracked, setTracked] = useState(true);
  const [rule, setRule] = useState<RollupRule>('sum');
  const [weight, setWeight] = useState('');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await fetchJson(`/api/admin/indicators/${encodeURIComponent(code.trim())}/rollup`, {
        method: 'PUT',
        body: JSON.stringify({
          trackedByUnit: tracked,
          rule: tracked ? rule : null,
          weightIndicatorCode: tracked && rule === 'weighted' ? weight : null,
        }),
      });
      onDone(`已保存指标 ${code} 的县区填报设置`, null);
    } catch (error) {
      onDone(null, error instanceof Error ? error.message : '保存失败');
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label="按县区填报设置" className="flex flex-wrap items-end gap-2">
      <InlineInput label="指标编码" value={code} onChange={setCode} placeholder="如 INV-SIGNED-AMOUNT" />
      <label className="flex items-center gap-1 text-sm">
        <input type="checkbox" checked={tracked} onChange={(e) => setTracked(e.target.checked)} />
        按县区填报
      </label>
      <InlineSelect
        label="汇总方式"
        value={rule}
        disabled={!tracked}
        onChange={setRule}
        options={labelledOptions(ROLLUP_RULES, ROLLUP_RULE_LABELS)}
      />
      {tracked && rule === 'weighted' ? <InlineInput label="权重指标编码" value={weight} onChange={setWeight} /> : null}
      <Button type="submit" variant="primary">
        保存设置
      </Button>
    </form>
  );
}

function SharesForm({
  data,
  code,
  onDone,
}: {
  data: Decompositions;
  code: string;
  onDone: (notice: string | null, error: string | null) => void;
}) {
  const indicator = data.indicators.find((i) => i.code === code);
  const stored = new Map(indicator?.shares.map((s) => [s.unitCode, s]) ?? []);
  const [mode, setMode] = useState<'shares' | 'min_each'>(
    indicator?.shares.every((s) => s.qualifier === 'at_least') && indicator.shares.length ? 'min_each' : 'shares',
  );
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(data.units.map((u) => [u.code, stored.get(u.code)?.value.replace(/\.?0+$/, '') ?? ''])),
  );
  const [floor, setFloor] = useState(indicator?.shares[0]?.value.replace(/\.?0+$/, '') ?? '');
  if (!indicator) return null;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body =
      mode === 'min_each'
        ? { year: data.year, mode, value: floor }
        : {
            year: data.year,
            mode,
            shares: data.units
              .filter((u) => values[u.code]?.trim())
              .map((u) => ({ unitCode: u.code, value: values[u.code] ?? '' })),
          };
    try {
      await fetchJson(`/api/admin/targets/${encodeURIComponent(code)}/units`, {
        method: 'PUT',
        body: JSON.stringify(body),
      });
      onDone(`已保存「${indicator.name}」${data.year}年的县区分解`, null);
    } catch (error) {
      onDone(null, error instanceof Error ? error.message : '保存失败');
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label="分解到县区" className="space-y-2">
      <p className="text-sm text-gray-700">
        全市{data.year}年目标：<strong>{indicator.cityTarget ?? '未设定'}</strong> {indicator.unit}；汇总方式：
        {indicator.rule ? ROLLUP_RULE_LABELS[indicator.rule] : '—'}
        {indicator.rule === 'sum' ? '（各区、县份额之和须等于全市目标；开发区不计入）' : ''}
      </p>
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={mode === 'shares'} onChange={() => setMode('shares')} />
          逐个县区填写
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={mode === 'min_each'} onChange={() => setMode('min_each')} />
          各县区不低于（比率类）
        </label>
      </div>
      {mode === 'min_each' ? (
        <InlineInput label="各县区不低于" value={floor} onChange={setFloor} />
      ) : (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {data.units.map((u) => (
            <InlineInput
              key={u.code}
              label={`${u.name}${u.counted ? '' : '（不计入）'}`}
              inputMode="decimal"
              wide
              value={values[u.code] ?? ''}
              onChange={(value) => setValues({ ...values, [u.code]: value })}
            />
          ))}
        </div>
      )}
      <Button type="submit" variant="primary">
        保存分解
      </Button>
    </form>
  );
}

export function UnitDecomposition({ data }: { data: Decompositions }) {
  const router = useRouter();
  const [code, setCode] = useState(data.indicators[0]?.code ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (n: string | null, e: string | null) => {
    setNotice(n);
    setError(e);
    if (n) router.refresh();
  };
  return (
    <section
      aria-labelledby="unit-decomposition"
      className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
    >
      <h2 id="unit-decomposition" className="font-semibold">
        分解到县区（{data.year}年）
      </h2>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <RollupForm onDone={done} />
      {data.indicators.length ? (
        <>
          <label className="block text-xs text-gray-600">
            按县区填报的指标
            <select className={`${INLINE_INPUT} block`} value={code} onChange={(e) => setCode(e.target.value)}>
              <Options options={data.indicators.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} />
            </select>
          </label>
          <SharesForm key={`${code}:${data.year}`} data={data} code={code} onDone={done} />
        </>
      ) : (
        <p className="text-sm text-gray-600">还没有按县区填报的指标：先在上面把指标设为「按县区填报」。</p>
      )}
    </section>
  );
}
