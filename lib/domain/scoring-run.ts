/**
 * One scoring run: a scheme applied to every subject — each department on the scheme's indicators it owns, each
 * unit (县区) on the indicators tracked by unit for which it has a target of its own — with every input kept beside
 * its score so that the published snapshot can be checked by hand. Departments and units are ranked apart. Pure.
 */
import { decimalText, toFixedDecimal } from './decimal';
import {
  itemPoints,
  rankTotals,
  scoreItem,
  scoreSubject,
  SUBJECT_KINDS,
  type ItemInputs,
  type SchemeBody,
  type ScoredIndicator,
  type SubjectKind,
} from './scoring';

export interface RunIndicator extends ScoredIndicator {
  id: number;
  areaName: string | null;
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
  /** Percent of the area's weight; in a snapshot published before area weights (no areaWeight), points of 100. */
  weight: string;
  /** The work area's weight (points of 100); absent in snapshots published before area weights. */
  areaWeight?: string;
  /** areaWeight × weight ÷ 100: the item's points of the 100. */
  points?: string;
  ceiling: string;
  target: string | null;
  actual: string | null;
  month: number | null;
  score: string;
  formula: string;
}

/** An item's weights as shown: both levels, or (a snapshot published before area weights) the points alone. */
export function itemWeightParts(i: ItemRecord): { areaWeight: string | null; share: string | null; points: string } {
  return i.areaWeight === undefined
    ? { areaWeight: null, share: null, points: i.weight }
    : { areaWeight: i.areaWeight, share: i.weight, points: i.points ?? i.weight };
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
const f4 = (n: number) => decimalText(n, 4);

export interface RunArgs {
  scheme: SchemeBody;
  subjects: RunSubject[];
  indicators: ReadonlyMap<string, RunIndicator>;
  /** The inputs of an indicator for a subject; null when the subject is not scored on it. */
  inputsOf: (subject: RunSubject, indicator: RunIndicator) => ItemInputs | null;
  /** 逾期未报 and 退回 figures of an indicator for a subject. */
  countsOf: (subject: RunSubject, indicator: RunIndicator) => { late: number; returned: number };
}

/** Every subject scored on at least one item, ranked within its kind (departments first, then units). */
export function runScoring(args: RunArgs): SubjectResult[] {
  const { scheme } = args;
  const areaWeight = new Map(scheme.areas.map((a) => [a.area, a.weight]));
  const unranked = args.subjects.flatMap((subject) => {
    const own = scheme.items.flatMap((item) => {
      const ind = args.indicators.get(item.indicatorCode);
      const inputs = ind ? args.inputsOf(subject, ind) : null;
      const area = ind?.area ? areaWeight.get(ind.area) : undefined;
      return ind && inputs && area !== undefined ? [{ item, ind, inputs, area }] : [];
    });
    if (own.length === 0) return [];
    const items: ItemRecord[] = own.map(({ item, ind, inputs, area }) => {
      const s = scoreItem(item, area, ind, inputs);
      return {
        indicatorCode: ind.code,
        indicatorName: ind.name,
        areaName: ind.areaName,
        rule: item.rule,
        weight: item.weight,
        areaWeight: area,
        points: f4(itemPoints(area, item.weight)),
        ceiling: item.ceiling,
        target: inputs.target,
        actual: inputs.actual,
        month: inputs.month,
        score: f2(s.score),
        formula: s.formula,
      };
    });
    const counts = own.map(({ ind }) => args.countsOf(subject, ind));
    const lateCount = counts.reduce((n, c) => n + c.late, 0);
    const returnedCount = counts.reduce((n, c) => n + c.returned, 0);
    const bonuses = scheme.bonuses
      .filter((b) => b.subjects.includes(subject.code))
      .map((b) => ({ name: b.name, points: b.points }));
    const total = scoreSubject(scheme, {
      items: items.map((i) => ({ points: i.points ?? i.weight, score: Number(i.score) })),
      lateCount,
      returnedCount,
      bonuses,
    });
    return [{ subject, total, inputs: { items, lateCount, returnedCount, bonuses } }];
  });
  return SUBJECT_KINDS.flatMap((kind) => {
    const ofKind = unranked.filter((r) => r.subject.kind === kind);
    const ranks = rankTotals(ofKind.map((r) => r.total.total));
    return ofKind
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
  });
}
