/**
 * One scoring run: a scheme applied to every subject (department) that owns at least one of its indicators, with
 * every input kept beside its score so that the published snapshot can be checked by hand. Pure.
 */
import { toFixedDecimal } from './decimal';
import {
  rankTotals,
  scoreItem,
  scoreSubject,
  type ItemInputs,
  type SchemeBody,
  type ScoredIndicator,
  type SubjectKind,
} from './scoring';

export interface RunIndicator extends ScoredIndicator {
  id: number;
  areaName: string | null;
  subjectId: number;
  milestoneTotal: string | null;
}

export interface RunSubject {
  kind: SubjectKind;
  id: number;
  code: string;
  name: string;
}

/** What one item of a subject's score was computed from, as stored in the snapshot. */
export interface ItemRecord {
  indicatorCode: string;
  indicatorName: string;
  areaName: string | null;
  rule: SchemeBody['items'][number]['rule'];
  weight: string;
  ceiling: string;
  target: string | null;
  actual: string | null;
  month: number | null;
  score: string;
  formula: string;
}

export interface SubjectResult {
  subject: RunSubject;
  rank: number;
  total: string;
  base: string;
  deduction: string;
  bonus: string;
  formula: string;
  inputs: {
    items: ItemRecord[];
    lateCount: number;
    returnedCount: number;
    bonuses: { name: string; points: string }[];
  };
}

const f2 = (n: number) => toFixedDecimal(n, 2) ?? String(n);

export function runScoring(args: {
  scheme: SchemeBody;
  subjects: RunSubject[];
  indicators: ReadonlyMap<string, RunIndicator>;
  inputs: ReadonlyMap<number, ItemInputs>;
  lateByIndicator: ReadonlyMap<number, number>;
  returnedByIndicator: ReadonlyMap<number, number>;
}): SubjectResult[] {
  const { scheme } = args;
  const unranked = args.subjects.flatMap((subject) => {
    const own = scheme.items.flatMap((item) => {
      const ind = args.indicators.get(item.indicatorCode);
      return ind && ind.subjectId === subject.id ? [{ item, ind }] : [];
    });
    if (own.length === 0) return [];
    const items: ItemRecord[] = own.map(({ item, ind }) => {
      const inputs = args.inputs.get(ind.id) ?? { target: null, actual: null, month: null };
      const s = scoreItem(item, ind, { ...inputs, milestoneTotal: ind.milestoneTotal });
      return {
        indicatorCode: ind.code,
        indicatorName: ind.name,
        areaName: ind.areaName,
        rule: item.rule,
        weight: item.weight,
        ceiling: item.ceiling,
        target: inputs.target,
        actual: inputs.actual,
        month: inputs.month,
        score: f2(s.score),
        formula: s.formula,
      };
    });
    const lateCount = own.reduce((n, { ind }) => n + (args.lateByIndicator.get(ind.id) ?? 0), 0);
    const returnedCount = own.reduce((n, { ind }) => n + (args.returnedByIndicator.get(ind.id) ?? 0), 0);
    const bonuses = scheme.bonuses
      .filter((b) => b.subjects.includes(subject.code))
      .map((b) => ({ name: b.name, points: b.points }));
    const total = scoreSubject(scheme, {
      items: items.map((i) => ({ weight: i.weight, score: Number(i.score) })),
      lateCount,
      returnedCount,
      bonuses,
    });
    return [{ subject, total, inputs: { items, lateCount, returnedCount, bonuses } }];
  });
  const ranks = rankTotals(unranked.map((r) => r.total.total));
  return unranked
    .map((r, i) => ({
      subject: r.subject,
      rank: ranks[i] ?? 0,
      total: f2(r.total.total),
      base: f2(r.total.base),
      deduction: f2(r.total.deduction),
      bonus: f2(r.total.bonus),
      formula: r.total.formula,
      inputs: r.inputs,
    }))
    .sort((a, b) => a.rank - b.rank || a.subject.code.localeCompare(b.subject.code));
}
