/**
 * The sample year (示例数据): 2026 targets and monthly figures derived from the report's 2025 values, so a
 * newcomer sees the dashboards move. Every row is flagged is_sample and shown labelled. Deterministic: the
 * same `now` gives the same data. Only on the embedded default, or when asked for (--sample).
 */
import { traitsOf } from '@/lib/domain/kind-traits';
import { currentPeriod, isDueMonth } from '@/lib/domain/period';
import { createRandom } from '@/lib/domain/random';
import type { Db } from '../client';
import { idsByCode } from './ids';
import { actuals, indicators, targetPhases, targets } from '../schema';
import { recordSeedRun, seedOnce } from './runs';
import { SEED_INDICATORS } from './report-data';
import { seedSampleUnits } from './sample-units';
import type { SeedIndicator } from './types';
import { decimalText } from '@/lib/domain/decimal';

export const SAMPLE_YEAR = 2026;
export const SAMPLE_SEED_NAME = `sample-${SAMPLE_YEAR}`;
const SAMPLE_NOTE = '示例数据（非真实统计数据）';

/** A deterministic sequence (lib/domain/random.ts) seeded from a text (the indicator code). */
function rng(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return createRandom(seed);
}

function decimalsOf(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

/** The figure as stored: rounded at its decimals, no trailing zeros (1030 stays 1030). */
const fixed = decimalText;

interface SamplePlan {
  ind: SeedIndicator;
  base: number;
  decimals: number;
  target: number;
  perf: number;
}

function planFor(ind: SeedIndicator): SamplePlan | null {
  if (ind.section === 'review') return null;
  const reported = ind.values.find((v) => v.year === 2025 && !v.derived && v.value !== null);
  if (!reported?.value) return null;
  const base = Number(reported.value);
  if (!Number.isFinite(base)) return null;
  const random = rng(ind.code);
  // Counts (个, 户, 项 …) stay whole; shares and amounts keep the report's precision, rates at least one decimal.
  const decimals = Math.max(decimalsOf(reported.value), ind.kind === 'rate' ? 1 : 0);
  const growth = 0.04 + random() * 0.06;
  let target: number;
  if (ind.kind === 'milestone') target = Number(ind.milestoneTotal ?? reported.value);
  else if (ind.kind === 'rate') target = ind.direction === 'up' ? base : base;
  else target = ind.direction === 'up' ? base * (1 + growth) : base * (1 - growth / 2);
  // Most indicators on track, some a little behind, a few well behind: the lights show all colours.
  const draw = random();
  const perf = draw < 0.6 ? 1 + random() * 0.08 : draw < 0.85 ? 0.93 + random() * 0.05 : 0.75 + random() * 0.1;
  return { ind, base, decimals, target: Number(fixed(target, decimals)), perf };
}

function valueAt(plan: SamplePlan, month: number, random: () => number): number {
  const { ind, base, target, perf } = plan;
  const share = month / 12;
  const noise = 1 + (random() - 0.5) * 0.02;
  if (ind.kind === 'cumulative') {
    return ind.direction === 'up' ? target * share * perf * noise : target * share * (2 - perf) * noise;
  }
  if (ind.kind === 'milestone') return Math.min(target, Math.floor(target * share * perf));
  if (ind.kind === 'rate') {
    const delta = (perf - 1) * (Math.abs(target) < 5 ? 4 : 20) + (random() - 0.5) * 0.4;
    return ind.direction === 'up' ? target + delta : target - delta;
  }
  const path = base + (target - base) * share;
  return ind.direction === 'up' ? path * (perf * 0.1 + 0.9) * noise : path * ((2 - perf) * 0.1 + 0.9) * noise;
}

/** Loads the sample year once; months up to the one before `now` (all twelve once the year is over). */
export async function seedSampleYear(
  db: Db,
  now: Date,
): Promise<{ applied: boolean; targets: number; figures: number }> {
  return seedOnce(db, SAMPLE_SEED_NAME, { applied: false, targets: 0, figures: 0 }, async (tx) => {
    const plans = SEED_INDICATORS.map(planFor).filter((p): p is SamplePlan => p !== null);
    const idOf = await idsByCode(
      tx,
      indicators,
      plans.map((p) => p.ind.code),
    );
    const cur = currentPeriod(now);
    const lastClosed = cur.year > SAMPLE_YEAR ? 12 : cur.year < SAMPLE_YEAR ? 0 : cur.month - 1;

    const targetRows = plans.flatMap((p) => {
      const indicatorId = idOf.get(p.ind.code);
      if (indicatorId === undefined) return [];
      return [
        {
          indicatorId,
          year: SAMPLE_YEAR,
          value: fixed(p.target, p.decimals),
          qualifier:
            p.ind.kind === 'rate' && p.ind.values[0]?.qualifier === 'about' ? ('about' as const) : ('exact' as const),
          baseline: traitsOf(p.ind.kind).fromBaseline ? fixed(p.base, p.decimals) : null,
          phasing:
            p.ind.kind === 'cumulative' && p.ind.frequency === 'quarterly' ? ('quarterly' as const) : ('none' as const),
          isSample: true,
        },
      ];
    });
    const inserted = targetRows.length
      ? await tx
          .insert(targets)
          .values(targetRows)
          .onConflictDoNothing()
          .returning({ id: targets.id, phasing: targets.phasing, value: targets.value })
      : [];
    const quarterShares = [0.2, 0.45, 0.7, 1];
    const phaseRows = inserted
      .filter((t) => t.phasing === 'quarterly' && t.value !== null)
      .flatMap((t) =>
        quarterShares.map((share, q) => ({
          targetId: t.id,
          month: (q + 1) * 3,
          value: fixed(Number(t.value) * share, 4),
        })),
      );
    if (phaseRows.length) await tx.insert(targetPhases).values(phaseRows).onConflictDoNothing();

    const figureRows = plans.flatMap((p) => {
      const indicatorId = idOf.get(p.ind.code);
      if (indicatorId === undefined) return [];
      const random = rng(`${p.ind.code}/figures`);
      const rows = [];
      let running = 0;
      for (let month = 1; month <= lastClosed; month += 1) {
        if (!isDueMonth(p.ind.frequency, month)) continue;
        let value = valueAt(p, month, random);
        if (traitsOf(p.ind.kind).cumulativeToDate) value = Math.max(value, running);
        running = value;
        const isLatest = month === lastClosed || (p.ind.frequency === 'quarterly' && month + 3 > lastClosed);
        const draw = random();
        // The latest period is still in the cycle: some submitted, some awaiting review, some not yet in.
        if (isLatest && draw < 0.15) continue;
        rows.push({
          indicatorId,
          year: SAMPLE_YEAR,
          month,
          value: fixed(value, p.decimals),
          qualifier: 'exact' as const,
          status: isLatest && draw < 0.5 ? ('submitted' as const) : ('approved' as const),
          isSample: true,
          note: SAMPLE_NOTE,
          submittedAt: now,
          approvedAt: isLatest && draw < 0.5 ? null : now,
        });
      }
      return rows;
    });
    // A handful of indicators reported by each county and district: their city figures become the roll-ups.
    const unitLevel = await seedSampleUnits(tx, {
      year: SAMPLE_YEAR,
      cityFigures: figureRows,
      cityTargets: targetRows,
      lastClosed,
      note: SAMPLE_NOTE,
    });
    const cityFigures = unitLevel.cityFigures;
    for (let i = 0; i < cityFigures.length; i += 500) {
      await tx
        .insert(actuals)
        .values(cityFigures.slice(i, i + 500))
        .onConflictDoNothing();
    }
    const details = {
      year: SAMPLE_YEAR,
      targets: targetRows.length,
      figures: cityFigures.length,
      throughMonth: lastClosed,
      ...(unitLevel.unitFigures ? { unitFigures: unitLevel.unitFigures, unitTargets: unitLevel.unitTargets } : {}),
    };
    await recordSeedRun(tx, SAMPLE_SEED_NAME, details, {
      action: 'seed.sample',
      reason: '载入示例数据（2026 年示例目标与月度数据）',
    });
    return { applied: true, targets: targetRows.length, figures: cityFigures.length };
  });
}
