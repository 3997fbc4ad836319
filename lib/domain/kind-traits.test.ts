import { describe, expect, it } from 'vitest';
import { KIND_TRAITS, traitsOf } from './kind-traits';
import { INDICATOR_KINDS } from './types';

const kindsWith = (trait: (k: (typeof INDICATOR_KINDS)[number]) => boolean) => INDICATOR_KINDS.filter(trait);

describe('KIND_TRAITS', () => {
  it('has one row per kind and no other', () => {
    expect(Object.keys(KIND_TRAITS).sort()).toEqual([...INDICATOR_KINDS].sort());
  });

  it('says what the kinds meant where they were compared one by one', () => {
    expect(kindsWith((k) => traitsOf(k).cumulativeToDate)).toEqual(['cumulative', 'milestone']);
    expect(kindsWith((k) => traitsOf(k).comparedInPoints)).toEqual(['rate']);
    expect(kindsWith((k) => traitsOf(k).hasMilestoneTotal)).toEqual(['milestone']);
    expect(kindsWith((k) => traitsOf(k).fromBaseline)).toEqual(['level']);
    expect(kindsWith((k) => !traitsOf(k).judged)).toEqual(['qualitative']);
    expect(INDICATOR_KINDS.map((k) => traitsOf(k).forecast)).toEqual(['pace', 'trend', 'latest', 'pace', 'latest']);
  });
});
