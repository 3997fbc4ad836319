/**
 * The sample year's 考核 scheme (示例数据): ten indicators of the sample year across six departments, weights adding
 * to 100, each with a rule fitting its kind. Published by the system at start-up so that /scores?year=2026 is filled
 * on a new embedded database; every score it produces is labelled 示例数据.
 */
import type { SchemeBody } from '@/lib/domain/scoring';

export const SAMPLE_SCHEME: SchemeBody = {
  items: [
    { indicatorCode: 'INV-INVESTMENT', weight: '15', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INV-PROJECTS', weight: '10', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'LIV-PRACTICAL-MATTERS', weight: '10', rule: 'milestone', ceiling: '100' },
    { indicatorCode: 'INN-NEW-LOANS', weight: '10', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'REF-EXPORTS', weight: '10', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INV-SIGNED-AMOUNT', weight: '10', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'LIV-NEW-URBAN-JOBS', weight: '10', rule: 'on_time', ceiling: '100' },
    { indicatorCode: 'LIV-SKILLS-TRAINING', weight: '5', rule: 'on_time', ceiling: '100' },
    { indicatorCode: 'INN-NET-NEW-FIRMS', weight: '10', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'INN-TAX-RELIEF', weight: '10', rule: 'completion', ceiling: '100' },
  ],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [{ name: '示例数据：获省级表彰', points: '1', subjects: ['swj'] }],
  bonusCap: '3',
};
