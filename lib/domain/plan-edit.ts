/**
 * An admin's edit of a plan indicator's path: which fields each path kind takes, each parsed as the figure it is
 * (1,027, full-width digits understood), every problem a Chinese message naming its field. Pure.
 */
import { parseFigure } from './figure-parse';
import { PATH_KIND_LABELS } from './labels';
import { PATH_KINDS, type PathKind } from './plan-path';

export interface PlanPathEdit {
  pathKind: string;
  finalTarget?: string | null;
  annualGrowth?: string | null;
  /** Typed paths: year → the value as typed. */
  typedValues?: Readonly<Record<string, string>> | null;
}

export interface PlanPathValues {
  pathKind: PathKind;
  finalTarget: string | null;
  annualGrowth: string | null;
  typedValues: Record<string, string> | null;
}

export type PlanPathCheck = { ok: true; values: PlanPathValues } | { ok: false; errors: Record<string, string[]> };

const isBlank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

/**
 * The stored values of an edit, or every problem by field. Straight and compound paths take the final-year target
 * or 年均增长 X% — exactly one, so the path is never ambiguous; a typed path takes a value for every plan year and
 * nothing else.
 */
export function checkPlanPathEdit(
  edit: PlanPathEdit,
  plan: { firstYear: number; lastYear: number; unit: string },
): PlanPathCheck {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const kind = PATH_KINDS.find((k) => k === edit.pathKind);
  if (!kind) {
    add('pathKind', `「路径类型」应为：${PATH_KINDS.map((k) => PATH_KIND_LABELS[k]).join('、')}`);
    return { ok: false, errors };
  }
  const targetField = `${plan.lastYear}年目标值`;
  if (kind === 'typed') {
    if (!isBlank(edit.finalTarget)) add('finalTarget', `逐年设定的路径不填「${targetField}」：最后一年的值即目标`);
    if (!isBlank(edit.annualGrowth)) add('annualGrowth', '逐年设定的路径不填「年均增长」');
    const typedValues: Record<string, string> = {};
    for (let year = plan.firstYear; year <= plan.lastYear; year += 1) {
      const parsed = parseFigure(edit.typedValues?.[String(year)] ?? '', { field: `${year}年路径值`, unit: plan.unit });
      if (parsed.ok) typedValues[String(year)] = parsed.value;
      else add(`typedValues.${year}`, parsed.message);
    }
    const extra = Object.keys(edit.typedValues ?? {}).filter(
      (y) => !(Number(y) >= plan.firstYear && Number(y) <= plan.lastYear),
    );
    if (extra.length)
      add('typedValues', `「逐年路径值」只填 ${plan.firstYear}—${plan.lastYear} 年，不含 ${extra.join('、')} 年`);
    return Object.keys(errors).length
      ? { ok: false, errors }
      : { ok: true, values: { pathKind: kind, finalTarget: null, annualGrowth: null, typedValues } };
  }
  if (edit.typedValues && Object.values(edit.typedValues).some((v) => !isBlank(v)))
    add('typedValues', '只有逐年设定的路径才填「逐年路径值」');
  const hasTarget = !isBlank(edit.finalTarget);
  const hasGrowth = !isBlank(edit.annualGrowth);
  if (hasTarget === hasGrowth)
    add(
      hasTarget ? 'annualGrowth' : 'finalTarget',
      `「${targetField}」与「年均增长」应填且只填一项${hasTarget ? '' : '（现均为空）'}`,
    );
  let finalTarget: string | null = null;
  let annualGrowth: string | null = null;
  if (hasTarget) {
    const parsed = parseFigure(edit.finalTarget, { field: targetField, unit: plan.unit });
    if (parsed.ok) finalTarget = parsed.value;
    else add('finalTarget', parsed.message);
  }
  if (hasGrowth) {
    const parsed = parseFigure(edit.annualGrowth, {
      field: '年均增长',
      unit: '%',
      min: -99.99,
      max: 1000,
      maxDecimals: 2,
    });
    if (parsed.ok) annualGrowth = parsed.value;
    else add('annualGrowth', parsed.message);
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, values: { pathKind: kind, finalTarget, annualGrowth, typedValues: null } };
}
