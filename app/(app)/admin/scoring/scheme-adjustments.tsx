'use client';
/** Deductions (逾期未报, 退回) with their cap, and bonus items for a department or a unit (县区) with theirs. */
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Options } from '@/components/ui/options';
import type { SchemeBonus } from '@/lib/domain/scoring';
import { INPUT, type SchemePartProps } from './scheme-draft';

const POINTS = [
  ['latePoints', '逾期报送每项扣分'],
  ['returnedPoints', '数据退回每项扣分'],
  ['deductionCap', '扣分上限'],
  ['bonusCap', '加分上限'],
] as const;

export function SchemeAdjustments({ draft, data, edit }: SchemePartProps) {
  const setBonus = (index: number, patch: Partial<SchemeBonus>) =>
    edit({ bonuses: draft.bonuses.map((x, i) => (i === index ? { ...x, ...patch } : x)) });
  return (
    <Card titleId="adjust-title" title="扣分与加分">
      <div className="mt-2 flex flex-wrap gap-4 text-sm">
        {POINTS.map(([key, label]) => (
          <label key={key} className="flex items-center gap-1">
            {label}
            <input className={`${INPUT} w-20`} value={draft[key]} onChange={(e) => edit({ [key]: e.target.value })} />
          </label>
        ))}
      </div>
      <ul className="mt-3 space-y-1 text-sm">
        {draft.bonuses.map((b, index) => (
          <li key={index} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={`第${index + 1}个加分项名称`}
              className={INPUT}
              value={b.name}
              onChange={(e) => setBonus(index, { name: e.target.value })}
            />
            <input
              aria-label={`第${index + 1}个加分项分值`}
              className={`${INPUT} w-16`}
              value={b.points}
              onChange={(e) => setBonus(index, { points: e.target.value })}
            />
            <select
              aria-label={`第${index + 1}个加分项单位`}
              className={`${INPUT} bg-white`}
              value={b.subjects[0] ?? ''}
              onChange={(e) => setBonus(index, { subjects: e.target.value ? [e.target.value] : [] })}
            >
              <option value="">请选择单位</option>
              <optgroup label="责任单位">
                <Options options={data.departments.map((d) => ({ value: d.code, label: d.shortName }))} />
              </optgroup>
              <optgroup label="县区">
                <Options options={data.units.map((u) => ({ value: u.code, label: u.name }))} />
              </optgroup>
            </select>
            <Button
              variant="link"
              size="sm"
              onClick={() => edit({ bonuses: draft.bonuses.filter((_, i) => i !== index) })}
            >
              删除加分项
            </Button>
          </li>
        ))}
      </ul>
      <Button
        className="mt-2"
        onClick={() => edit({ bonuses: [...draft.bonuses, { name: '', points: '1', subjects: [] }] })}
      >
        添加加分项
      </Button>
    </Card>
  );
}
