/**
 * The sample year's 考核 scheme (示例数据): ten indicators of the sample year across six departments in four work
 * areas — the areas' weights adding to 100, each area's indicators adding to 100 within it — each with a rule
 * fitting its kind. 签约项目金额 is tracked by unit, so the sample units (县区) are scored too. Published by the system at start-up so that /scores?year=2026 is filled
 * on a new embedded database; every score it produces is labelled 示例数据.
 */
import type { SchemeBody } from '@/lib/domain/scoring';

export const SAMPLE_SCHEME: SchemeBody = {
  areas: [
    { area: 'investment', weight: '35' },
    { area: 'innovation', weight: '30' },
    { area: 'reform', weight: '10' },
    { area: 'livelihood', weight: '25' },
  ],
  items: [
    { indicatorCode: 'INV-INVESTMENT', weight: '40', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INV-PROJECTS', weight: '30', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'INV-SIGNED-AMOUNT', weight: '30', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'INN-NEW-LOANS', weight: '34', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INN-NET-NEW-FIRMS', weight: '33', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INN-TAX-RELIEF', weight: '33', rule: 'completion', ceiling: '100' },
    { indicatorCode: 'REF-EXPORTS', weight: '100', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'LIV-PRACTICAL-MATTERS', weight: '40', rule: 'milestone', ceiling: '100' },
    { indicatorCode: 'LIV-NEW-URBAN-JOBS', weight: '40', rule: 'on_time', ceiling: '100' },
    { indicatorCode: 'LIV-SKILLS-TRAINING', weight: '20', rule: 'on_time', ceiling: '100' },
  ],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [{ name: '示例数据：获省级表彰', points: '1', subjects: ['swj'] }],
  bonusCap: '3',
};
