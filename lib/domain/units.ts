/** 县区: the units a city's targets are handed down to, and which of them a roll-up counts. Pure. */
import type { UnitKind } from './types';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  city: '市本级',
  district: '区',
  county: '县',
  zone: '开发区',
};

/** The units of 长治 loaded on a new database: the city, 4 districts, 8 counties and one development zone. */
export const SEED_UNITS: ReadonlyArray<{ code: string; name: string; kind: UnitKind }> = [
  { code: 'changzhi', name: '长治市', kind: 'city' },
  { code: 'luzhou', name: '潞州区', kind: 'district' },
  { code: 'shangdang', name: '上党区', kind: 'district' },
  { code: 'tunliu', name: '屯留区', kind: 'district' },
  { code: 'lucheng', name: '潞城区', kind: 'district' },
  { code: 'xiangyuan', name: '襄垣县', kind: 'county' },
  { code: 'pingshun', name: '平顺县', kind: 'county' },
  { code: 'licheng', name: '黎城县', kind: 'county' },
  { code: 'huguan', name: '壶关县', kind: 'county' },
  { code: 'zhangzi', name: '长子县', kind: 'county' },
  { code: 'wuxiang', name: '武乡县', kind: 'county' },
  { code: 'qinxian', name: '沁县', kind: 'county' },
  { code: 'qinyuan', name: '沁源县', kind: 'county' },
  { code: 'gaoxin', name: '长治高新区', kind: 'zone' },
];

/**
 * Units whose figures make up the city's (the 4 districts and 8 counties). Development zones are tracked beside
 * them but lie within them, so counting them too would count their figures twice.
 */
export function countsInRollup(kind: UnitKind): boolean {
  return kind === 'district' || kind === 'county';
}

/** Units that report figures of their own: every kind but the city itself. */
export function reportsOwnFigures(kind: UnitKind): boolean {
  return kind !== 'city';
}

export const UNIT_CODE_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
