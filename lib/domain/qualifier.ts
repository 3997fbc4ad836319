/**
 * Qualifiers (限定词) of reported figures: "超900亿元", "95%以上", "4.5%左右", "30微克/立方米以内".
 * A figure keeps its qualifier and is shown the way the report writes it, or compactly with a symbol.
 */
import { QUALIFIERS, type Qualifier } from './types';
import { formatNumber, NO_VALUE } from './format';

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: '精确值',
  at_least: '以上(≥)',
  about: '左右',
  over: '超',
  breakthrough: '突破',
  at_most: '以内(≤)',
  all_done: '全部完成',
};

/** The word the report writes for a qualifier ("" for an exact figure), as import templates and exports spell it. */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: '以上',
  about: '左右',
  over: '超',
  breakthrough: '突破',
  at_most: '以内',
  all_done: '全部完成',
};

const CHOICE_ORDER: readonly Qualifier[] = [
  'exact',
  'at_least',
  'about',
  'over',
  'breakthrough',
  'at_most',
  'all_done',
];

/** The words a person may type for a qualifier, in the order forms and messages list them (精确值、以上、…). */
export const QUALIFIER_CHOICES = CHOICE_ORDER.map((q) => QUALIFIER_WORDS[q] || QUALIFIER_LABELS[q]).join('、');

const ALIASES: Record<string, Qualifier> = {
  精确: 'exact',
  '=': 'exact',
  以上: 'at_least',
  不低于: 'at_least',
  不少于: 'at_least',
  至少: 'at_least',
  '≥': 'at_least',
  '>=': 'at_least',
  约: 'about',
  大约: 'about',
  '≈': 'about',
  '~': 'about',
  超: 'over',
  超过: 'over',
  突破: 'breakthrough',
  '>': 'over',
  以内: 'at_most',
  不超过: 'at_most',
  不高于: 'at_most',
  '≤': 'at_most',
  '<=': 'at_most',
  完成: 'all_done',
};

const BY_LABEL: Record<string, Qualifier> = Object.fromEntries(
  QUALIFIERS.map((q) => [QUALIFIER_LABELS[q], q] as const),
);

function isQualifier(s: string): s is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(s);
}

/** Reads a code ("at_least"), a label ("以上(≥)") or a common word/symbol ("以上", "≥", "左右", "突破", "以内"); null otherwise, blank included. */
export function parseQualifier(s: unknown): Qualifier | null {
  if (typeof s !== 'string' || s.length > 20) return null;
  const text = s.trim();
  if (isQualifier(text)) return text;
  return BY_LABEL[text] ?? ALIASES[text] ?? null;
}

export interface QualifiedFigure {
  /** Canonical decimal string, or null for a qualitative figure. */
  value: string | null;
  unit: string;
  qualifier: Qualifier;
  /** Qualitative text ("已建成投用"), shown when there is no value. */
  valueText?: string | null;
  /** 'report' (default) writes as the report does; 'symbol' is compact for tables and tiles. */
  style?: 'report' | 'symbol';
}

const SYMBOLS: Record<Exclude<Qualifier, 'all_done'>, string> = {
  exact: '',
  at_least: '≥',
  about: '≈',
  over: '>',
  breakthrough: '>',
  at_most: '≤',
};

/**
 * Report style: "95%以上", "4.5%左右", "超900亿元", "突破160亿元", "30微克/立方米以内", "1027亿元", "15件全部完成";
 * symbol style: "≥95%", "≈4.5%", ">900亿元", "≤30微克/立方米". Units attach without a space; value up to 4 decimals;
 * no value → valueText, else "全部完成" for all_done, else "—".
 */
export function formatWithQualifier(figure: QualifiedFigure): string {
  const { value, unit, qualifier } = figure;
  const number = value === null ? NO_VALUE : formatNumber(value, { maxDecimals: 4 });
  if (number === NO_VALUE) {
    const text = figure.valueText?.trim();
    if (text) return text;
    return qualifier === 'all_done' ? QUALIFIER_LABELS.all_done : NO_VALUE;
  }
  const body = `${number}${unit}`;
  if (qualifier === 'all_done') return `${body}${QUALIFIER_LABELS.all_done}`;
  if ((figure.style ?? 'report') === 'symbol') return `${SYMBOLS[qualifier]}${body}`;
  switch (qualifier) {
    case 'exact':
      return body;
    case 'at_least':
      return `${body}以上`;
    case 'about':
      return `${body}左右`;
    case 'over':
      return `超${body}`;
    case 'breakthrough':
      return `突破${body}`;
    case 'at_most':
      return `${body}以内`;
  }
}

/**
 * A reported figure as the report writes it. Words replace the number where the report gives words ("跃居全省第一",
 * "八成以上", a statement); a milestone done in full with a measure shows measure and state together
 * ("1374公里全线贯通", "15件全部完成"), unless the measure is the bare "1项" of a single task.
 */
export function formatReportFigure(
  figure: { value: string | null; valueText?: string | null; qualifier: Qualifier },
  unit: string,
): string {
  const words = figure.valueText?.trim();
  if (!words) return formatWithQualifier({ value: figure.value, unit, qualifier: figure.qualifier });
  const measured =
    figure.value !== null &&
    figure.qualifier === 'all_done' &&
    !(unit === '项' && Number(figure.value) === 1) &&
    !/\d/.test(words);
  if (!measured) return words;
  const number = formatNumber(figure.value ?? '', { maxDecimals: 4 });
  return number === NO_VALUE ? words : `${number}${unit}${words}`;
}
