/**
 * The sample year's unit level (示例数据): a handful of indicators tracked by unit — 签约项目 and 签约项目金额 summed,
 * 签约项目开工率 weighted by 签约项目 — with each unit's targets and monthly figures, and the city figure made from
 * them by the roll-up rule (lib/domain/rollup.ts), so the two levels agree. In the latest month 潞州区 has not
 * reported yet: that month's city figure is left out and the roll-up says who is missing. Every row is is_sample.
 */
import { eq } from 'drizzle-orm';
import { rollUp, ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import type { RollupRule } from '@/lib/domain/types';
import { countsInRollup } from '@/lib/domain/units';
import type { Db } from '../client';
import { idsByCode } from './ids';
import { actuals, indicators, units, unitTargets } from '../schema';

/** The unit that has not reported the latest month yet, in the sample. */
export const SAMPLE_LATE_UNIT = 'luzhou';

const TRACKED: { code: string; rule: RollupRule; weight?: string }[] = [
  { code: 'INV-SIGNED-PROJECTS', rule: 'sum' },
  { code: 'INV-SIGNED-AMOUNT', rule: 'sum' },
  { code: 'INV-SIGNED-START-RATE', rule: 'weighted', weight: 'INV-SIGNED-PROJECTS' },
];
/** Each district's and county's share of a summed figure, in percent (they add up to 100). */
const SHARES = [14, 10, 8, 9, 9, 7, 6, 7, 8, 9, 6, 7];
/** A rate's deviation per unit from the city's, in points. */
const RATE_OFFSETS = [1.2, -0.8, 2.1, -2.6, 0.4, -1.5, 3.0, -0.3, 1.7, -1.1, 0.9, -2.0];

export interface SampleFigureRow {
  indicatorId: number;
  year: number;
  month: number;
  value: string;
  status: 'approved' | 'submitted';
  [key: string]: unknown;
}

function decimalsOf(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

/** `value` split by SHARES at its own precision, the last unit taking the remainder: the parts add up exactly. */
function split(value: string, count: number): string[] {
  const d = decimalsOf(value);
  const scale = 10n ** BigInt(d);
  const [int = '0', frac = ''] = value.split('.');
  const whole = BigInt(int) * scale + BigInt((frac + '0'.repeat(d)).slice(0, d) || '0');
  const parts = SHARES.slice(0, count).map((s) => (whole * BigInt(s)) / 100n);
  parts[count - 1] = whole - parts.slice(0, -1).reduce((a, b) => a + b, 0n);
  const show = (n: bigint) => (d === 0 ? String(n) : `${n / scale}.${String(n % scale).padStart(d, '0')}`);
  return parts.map(show);
}

/**
 * Marks the tracked indicators, writes unit targets and figures, and returns the city figures with those of the
 * tracked indicators replaced by their roll-ups. Without units (a database seeded without them) nothing changes.
 */
export async function seedSampleUnits<R extends SampleFigureRow>(
  tx: Db,
  args: {
    year: number;
    cityFigures: R[];
    cityTargets: { indicatorId: number; value: string | null }[];
    lastClosed: number;
    note: string;
  },
): Promise<{ cityFigures: R[]; unitFigures: number; unitTargets: number }> {
  const counted = (await tx.select().from(units).orderBy(units.sortOrder, units.id)).filter(
    (u) => u.isActive && countsInRollup(u.kind),
  );
  const idOf = await idsByCode(
    tx,
    indicators,
    TRACKED.map((t) => t.code),
  );
  if (counted.length !== SHARES.length || idOf.size !== TRACKED.length)
    return { cityFigures: args.cityFigures, unitFigures: 0, unitTargets: 0 };

  const trackedIds = new Set(idOf.values());
  const unitValues = new Map<string, string>(); // `${indicatorId}:${month}:${unitId}` → value
  const unitRows: (typeof actuals.$inferInsert)[] = [];
  const targetRows: (typeof unitTargets.$inferInsert)[] = [];
  const derived: R[] = [];

  for (const t of TRACKED) {
    const indicatorId = idOf.get(t.code) ?? -1;
    await tx
      .update(indicators)
      .set({
        trackedByUnit: true,
        rollupRule: t.rule,
        rollupWeightIndicatorId: t.weight ? (idOf.get(t.weight) ?? null) : null,
      })
      .where(eq(indicators.id, indicatorId));
    const cityTarget = args.cityTargets.find((x) => x.indicatorId === indicatorId)?.value ?? null;
    if (cityTarget !== null) {
      const values = t.rule === 'sum' ? split(cityTarget, counted.length) : counted.map(() => cityTarget);
      counted.forEach((u, i) =>
        targetRows.push({
          indicatorId,
          year: args.year,
          unitId: u.id,
          value: values[i] ?? '0',
          qualifier: t.rule === 'sum' ? 'exact' : 'at_least',
          isSample: true,
        }),
      );
    }
    const cityRows = args.cityFigures.filter((f) => f.indicatorId === indicatorId);
    for (const city of cityRows) {
      const values =
        t.rule === 'sum'
          ? split(city.value, counted.length)
          : counted.map((_, i) =>
              (Number(city.value) + (RATE_OFFSETS[i] ?? 0)).toFixed(Math.max(1, decimalsOf(city.value))),
            );
      const late = city.month === args.lastClosed;
      counted.forEach((u, i) => {
        if (late && u.code === SAMPLE_LATE_UNIT) return;
        const value = values[i] ?? '0';
        unitValues.set(`${indicatorId}:${city.month}:${u.id}`, value);
        unitRows.push({
          indicatorId,
          year: args.year,
          month: city.month,
          unitId: u.id,
          value,
          status: 'approved',
          isSample: true,
          note: args.note,
        });
      });
      const weightId = t.weight ? idOf.get(t.weight) : undefined;
      const mapOf = (id: number) =>
        new Map(counted.map((u) => [u.id, unitValues.get(`${id}:${city.month}:${u.id}`) ?? null]));
      const rollup = rollUp({
        rule: t.rule,
        units: counted.map((u) => ({ id: u.id, name: u.name })),
        values: mapOf(indicatorId),
        weights: weightId ? mapOf(weightId) : undefined,
        weightName: t.weight ? '签约项目' : null,
      });
      if (rollup.state !== 'complete') continue;
      derived.push({
        ...city,
        value: rollup.value,
        status: 'approved',
        isDerived: true,
        derivedNote: `由县区汇总（${ROLLUP_RULE_LABELS[t.rule]}）：${rollup.text}（示例数据）`,
      });
    }
  }
  for (let i = 0; i < unitRows.length; i += 500)
    await tx
      .insert(actuals)
      .values(unitRows.slice(i, i + 500))
      .onConflictDoNothing();
  if (targetRows.length) await tx.insert(unitTargets).values(targetRows).onConflictDoNothing();
  return {
    cityFigures: [...args.cityFigures.filter((f) => !trackedIds.has(f.indicatorId)), ...derived],
    unitFigures: unitRows.length,
    unitTargets: targetRows.length,
  };
}
