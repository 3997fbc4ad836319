/** Indicators of one kind each that the scoring tests score (test support: imported by *.test.ts only). */
import type { ScoredIndicator, SchemeBody, SchemeItem, ScoringRule } from './scoring';
import type { AreaSlug } from './types';

const indicator = (
  code: string,
  name: string,
  kind: ScoredIndicator['kind'],
  direction: ScoredIndicator['direction'],
  area: ScoredIndicator['area'],
): ScoredIndicator => ({ code, name, kind, direction, area });

export const INV = indicator('INV', '固定资产投资', 'cumulative', 'up', 'investment');
export const LVL = indicator('LVL', '高新技术企业', 'level', 'up', 'innovation');
export const TASK = indicator('TASK', '民生实事', 'milestone', 'up', 'livelihood');
export const PM = indicator('PM', 'PM2.5浓度', 'level', 'down', 'construction');
export const WORDS = indicator('WORDS', '八一广场', 'qualitative', 'up', 'tourism');
/** Outside the seven work areas (the 十四五 review's). */
export const REVIEW = indicator('REV', '城镇化率', 'cumulative', 'up', null);
export const INDICATORS = new Map([INV, LVL, TASK, PM, WORDS, REVIEW].map((i) => [i.code, i]));
export const DEDUCTIONS = { latePoints: '0.5', returnedPoints: '1', deductionCap: '5', bonusCap: '3' };

/** A scheme item in one line: indicator, weight within its area, rule, ceiling. */
export const schemeItem = (indicatorCode: string, weight: string, rule: ScoringRule, ceiling: string): SchemeItem => ({
  indicatorCode,
  weight,
  rule,
  ceiling,
});

/** A scheme of the given area weights and items, with the tests' usual deductions and one 省级表彰 bonus. */
export function schemeOf(
  areas: Partial<Record<AreaSlug, string>>,
  items: SchemeItem[],
  bonus: { points: string; subjects: string[] } = { points: '2', subjects: ['fgw'] },
): SchemeBody {
  return {
    areas: (Object.entries(areas) as [AreaSlug, string][]).map(([area, weight]) => ({ area, weight })),
    items,
    ...DEDUCTIONS,
    bonuses: [{ name: '省级表彰', ...bonus }],
  };
}
