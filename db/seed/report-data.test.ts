import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AREA_SLUGS,
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_KINDS,
  PLAN_TYPES,
  QUALIFIERS,
  REVIEW_GROUPS,
} from '@/lib/domain/types';
import { REPORT_YEAR, SEED_DEPARTMENTS, SEED_INDICATORS } from './report-data';

// The product's source data, kept in the repository (a copy of the city's published report).
const REPORT_PATH = path.resolve(__dirname, '../../docs/report/changzhi-report-review.md');
const REPORT: string | null = fs.existsSync(REPORT_PATH) ? fs.readFileSync(REPORT_PATH, 'utf8') : null;
const SKIP_REASON = `report file not found at ${REPORT_PATH}: the figures cannot be checked against their source`;

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const NUMBER_RE = /\d+(?:\.\d+)?/g;

/** Whitespace in the PDF extraction is not significant in Chinese text: drop it entirely. */
const norm = (s: string): string => s.replace(/\s+/g, '');

/**
 * Digits in the report that are not figures of an indicator, each with the reason.
 * Each entry is removed (as a whole phrase) from a line before its numbers are collected.
 */
const NOT_FIGURES: ReadonlyArray<{ phrase: string; reason: string }> = [
  { phrase: 'PM2.5', reason: 'pollutant name (fine particulate matter), not a figure' },
  { phrase: '4.3米焦炉', reason: 'type of coke oven (chamber height), named by the milestone REV-COKE-OVEN-CLOSURE' },
  { phrase: '0至3周岁', reason: 'age range of the policy LIV-INFANT-MEDICAL-INSURANCE, not a result' },
  {
    phrase: '2条省级重点产业链',
    reason: 'count of the two chains named just before; each chain has its own growth indicator',
  },
  {
    phrase: '2个省级专业镇',
    reason: 'count of the two towns named just before; their joint growth is IND-SPECIALTY-TOWNS-REVENUE-GROWTH',
  },
  {
    phrase: '15家重点景区',
    reason: 'scope of the two growth rates TOU-SCENIC-*-GROWTH, stated in their definition',
  },
];
/** Years (2025年) and the plan names 十四五/十三五 (written in Chinese numerals) are not figures either. */
const YEAR_RE = /(?:19|20)\d{2}年/g;

function figuresOf(line: string): string[] {
  let rest = line.replace(YEAR_RE, ' ');
  for (const { phrase } of NOT_FIGURES) rest = rest.split(phrase).join(' ');
  return rest.match(NUMBER_RE) ?? [];
}

/** Every number an indicator holds: its values, baselines/derived priors, and milestone total. */
function numbersHeldBy(indicators: typeof SEED_INDICATORS): Set<string> {
  const held = new Set<string>();
  for (const ind of indicators) {
    for (const v of ind.values) if (v.value !== null) held.add(v.value);
    if (ind.milestoneTotal !== undefined) held.add(ind.milestoneTotal);
  }
  return held;
}

describe('seed departments', () => {
  it('have unique, well-formed codes and short names', () => {
    const codes = SEED_DEPARTMENTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of SEED_DEPARTMENTS) {
      expect(d.code, d.code).toMatch(/^[a-z0-9-]+$/);
      expect(d.name.length, d.code).toBeGreaterThan(0);
      expect([...d.shortName].length, d.code).toBeGreaterThanOrEqual(2);
      expect([...d.shortName].length, d.code).toBeLessThanOrEqual(6);
    }
  });

  it('each owns at least one indicator', () => {
    const owners = new Set(SEED_INDICATORS.map((i) => i.department));
    for (const d of SEED_DEPARTMENTS) expect(owners.has(d.code), d.code).toBe(true);
  });
});

describe('seed indicators', () => {
  it('are at least 100', () => {
    expect(SEED_INDICATORS.length).toBeGreaterThanOrEqual(100);
  });

  it('have unique, well-formed codes prefixed by their area', () => {
    const codes = SEED_INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const prefix: Record<string, string> = {
      investment: 'INV-',
      innovation: 'INN-',
      construction: 'CON-',
      industry: 'IND-',
      tourism: 'TOU-',
      reform: 'REF-',
      livelihood: 'LIV-',
    };
    for (const ind of SEED_INDICATORS) {
      expect(ind.code).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
      const expected =
        ind.section === 'review' ? 'REV-' : ind.section === 'highlights' ? 'HL-' : prefix[ind.area ?? ''];
      expect(expected, ind.code).toBeDefined();
      expect(ind.code.startsWith(expected ?? '?'), ind.code).toBe(true);
    }
  });

  it('belong to a known department', () => {
    const codes = new Set(SEED_DEPARTMENTS.map((d) => d.code));
    for (const ind of SEED_INDICATORS) expect(codes.has(ind.department), `${ind.code} → ${ind.department}`).toBe(true);
  });

  it('use the domain vocabulary', () => {
    for (const ind of SEED_INDICATORS) {
      expect(INDICATOR_KINDS, ind.code).toContain(ind.kind);
      expect(DIRECTIONS, ind.code).toContain(ind.direction);
      expect(FREQUENCIES, ind.code).toContain(ind.frequency);
      expect(PLAN_TYPES, ind.code).toContain(ind.planType);
      expect(ind.name.length, ind.code).toBeGreaterThan(0);
      // A statement in words has no unit: it has no number.
      if (ind.kind !== 'qualitative') expect(ind.unit.length, ind.code).toBeGreaterThan(0);
      expect(ind.definition.length, ind.code).toBeGreaterThan(0);
      for (const v of ind.values) expect(QUALIFIERS, ind.code).toContain(v.qualifier);
    }
  });

  it('have a valid area, null only for the highlights and the review', () => {
    for (const ind of SEED_INDICATORS) {
      if (ind.section === 'area') {
        expect(ind.area, ind.code).not.toBeNull();
        expect(AREA_SLUGS, ind.code).toContain(ind.area);
      } else {
        expect(['highlights', 'review'], ind.code).toContain(ind.section);
        expect(ind.area, ind.code).toBeNull();
      }
    }
    // every work area holds indicators
    expect(AREA_SLUGS.filter((slug) => !SEED_INDICATORS.some((i) => i.area === slug))).toEqual([]);
  });

  it('of the review have a review group, and only they do', () => {
    for (const ind of SEED_INDICATORS) {
      if (ind.section === 'review') {
        expect(REVIEW_GROUPS, ind.code).toContain(ind.reviewGroup);
        expect(ind.frequency, ind.code).toBe('annual');
      } else {
        expect(ind.reviewGroup, ind.code).toBeUndefined();
      }
    }
    // every review group holds indicators
    expect(REVIEW_GROUPS.filter((group) => !SEED_INDICATORS.some((i) => i.reviewGroup === group))).toEqual([]);
  });

  it('hold decimal strings, one report-year figure each, derived values explained', () => {
    for (const ind of SEED_INDICATORS) {
      const current = ind.values.filter((v) => v.year === REPORT_YEAR);
      expect(current, ind.code).toHaveLength(1);
      // A report-year figure is never estimated; it may be a number converted from the report's words ("八成以上").
      if (current[0]?.derived)
        expect(current[0].derivedNote, ind.code).toMatch(/^报告原文为“[^”]+”，按\d+(\.\d+)?%计$/);
      const years = ind.values.map((v) => v.year);
      expect(new Set(years).size, ind.code).toBe(years.length);
      for (const v of ind.values) {
        if (v.value !== null) expect(v.value, ind.code).toMatch(DECIMAL_RE);
        else expect(v.valueText, `${ind.code}: a null value needs its words`).toBeTruthy();
        expect(v.year, ind.code).toBeLessThanOrEqual(REPORT_YEAR);
        if (v.year !== REPORT_YEAR) {
          // earlier years: the 十四五 baseline (2020) or the prior year of a 2025 figure (2024)
          expect(ind.section === 'review' ? [2020] : [REPORT_YEAR - 1], ind.code).toContain(v.year);
        }
        if (v.derived) expect(v.derivedNote, ind.code).toMatch(v.year === REPORT_YEAR ? /按.+计/ : /推算/);
        else expect(v.derivedNote, ind.code).toBeUndefined();
      }
      if (ind.milestoneTotal !== undefined) expect(ind.milestoneTotal, ind.code).toMatch(DECIMAL_RE);
    }
  });

  it('hold every stated change with its words verbatim from the source sentence, and the sign they say', () => {
    const stated = SEED_INDICATORS.flatMap((ind) =>
      ind.values.flatMap((v) => (v.statedChange ? [{ ind, c: v.statedChange }] : [])),
    );
    expect(stated.length).toBeGreaterThanOrEqual(4);
    for (const { ind, c } of stated) {
      expect(norm(ind.source).includes(norm(c.text)), `${ind.code}: ${c.text}`).toBe(true);
      const number = c.text.match(/\d+(\.\d+)?/)?.[0];
      expect(Number(number), ind.code).toBe(Math.abs(c.change));
      expect(c.change < 0, ind.code).toBe(/下降|减少/.test(c.text));
      expect(c.unit, ind.code).toBe(
        c.text.includes('个百分点') ? 'points' : c.text.includes('%') ? 'percent' : 'absolute',
      );
    }
  });

  it("show only the report's own words: every figure in words is verbatim in its source sentence", () => {
    for (const ind of SEED_INDICATORS) {
      for (const v of ind.values.filter((x) => x.year === REPORT_YEAR && x.valueText)) {
        expect(norm(ind.source).includes(norm(v.valueText ?? '')), `${ind.code}: ${v.valueText}`).toBe(true);
      }
    }
  });

  it("keep the report's word before a number: 突破 and 超 apart", () => {
    for (const ind of SEED_INDICATORS) {
      const v = ind.values.find((x) => x.year === REPORT_YEAR);
      if (!v?.value || v.derived) continue;
      const printed = `${v.value}${ind.unit === '%' ? '%' : ''}`;
      if (v.qualifier === 'breakthrough') expect(ind.source, ind.code).toContain(`突破${printed}`);
      if (v.qualifier === 'over') expect(ind.source, ind.code).toContain(`超${printed}`);
      if (ind.source.includes(`突破${printed}`)) expect(v.qualifier, ind.code).toBe('breakthrough');
    }
  });

  it('state milestones as done / total, and rates of growth as rates', () => {
    for (const ind of SEED_INDICATORS) {
      if (ind.kind === 'milestone') {
        expect(ind.milestoneTotal, ind.code).toBeDefined();
        expect(ind.values.find((v) => v.year === REPORT_YEAR)?.valueText, ind.code).toBeTruthy();
      } else {
        expect(ind.milestoneTotal, ind.code).toBeUndefined();
      }
      if (ind.unit === '%' || ind.unit === '个百分点')
        expect(ind.kind === 'rate' || ind.kind === 'level', ind.code).toBe(true);
      if (/(增速|增长)$/.test(ind.name)) expect(ind.kind, ind.code).toBe('rate');
    }
  });

  it('derive the prior values exactly as stated', () => {
    const byCode = new Map(SEED_INDICATORS.map((i) => [i.code, i]));
    const prior = (code: string, year: number) => byCode.get(code)?.values.find((v) => v.year === year);
    expect(prior('REF-EXPORTS', 2024)).toMatchObject({ value: '10.71', derived: true });
    expect(Math.abs(12.6 / 1.177 - 10.71)).toBeLessThan(0.005);
    expect(prior('INN-NEW-LOANS', 2024)).toMatchObject({ value: '243', derived: true });
    expect(prior('REV-FOREST-COVERAGE', 2020)).toMatchObject({ value: '26.82', derived: true });
    expect(prior('REV-PM25', 2020)).toMatchObject({ value: '51.0', derived: true });
    expect(Math.abs(30 / (1 - 0.412) - 51.0)).toBeLessThan(0.05);
    expect(prior('REV-NEW-ENERGY-SHARE', 2020)).toMatchObject({ value: '24.2' });
    expect(prior('REV-NEW-ENERGY-SHARE', 2020)?.derived).toBeFalsy();
  });

  it('mark exactly the six headline positions 1–6, in the report order', () => {
    const headlines = SEED_INDICATORS.filter((i) => i.headline !== undefined)
      .sort((a, b) => (a.headline ?? 0) - (b.headline ?? 0))
      .map((i) => [i.headline, i.code]);
    expect(headlines).toEqual([
      [1, 'HL-GDP-GROWTH'],
      [2, 'REF-EXPORTS'],
      [3, 'INN-NET-NEW-FIRMS'],
      [4, 'IND-GRAIN-OUTPUT'],
      [5, 'CON-KEY-PROJECTS'],
      [6, 'LIV-NEW-URBAN-JOBS'],
    ]);
    const gdp = SEED_INDICATORS.find((i) => i.code === 'HL-GDP-GROWTH');
    expect(gdp?.section).toBe('highlights');
    expect(gdp?.values[0]).toMatchObject({ year: REPORT_YEAR, value: '4.5', qualifier: 'about' });
  });
});

describe('seed indicators against the source report', () => {
  it('quote their source sentence verbatim', () => {
    const report = norm(REPORT ?? '');
    for (const ind of SEED_INDICATORS) {
      expect(norm(ind.source).length, ind.code).toBeGreaterThan(0);
      expect(report.includes(norm(ind.source)), `${ind.code}: source not found verbatim in the report`).toBe(true);
    }
  });

  it('hold every number of the report, each in the indicators of its own sentence', () => {
    const lines = (REPORT ?? '').split('\n').map((l) => l.trim());
    const all = numbersHeldBy(SEED_INDICATORS);
    const missing: string[] = [];
    let bullets = 0;
    for (const raw of lines) {
      if (raw === '' || raw.startsWith('#')) continue;
      const isBullet = raw.startsWith('- ◆');
      const text = norm(isBullet ? raw.slice('- ◆'.length) : raw);
      const fromHere = SEED_INDICATORS.filter((i) => norm(i.source) === text);
      if (isBullet) {
        bullets += 1;
        if (fromHere.length === 0) missing.push(`no indicator quotes the bullet: ${text}`);
      }
      // A bullet's (or the lead sentence's) numbers must be held by the indicators quoting it;
      // other lines (the headline boxes) repeat figures and must be held somewhere.
      const held = fromHere.length > 0 ? numbersHeldBy(fromHere) : all;
      for (const n of figuresOf(raw)) {
        if (!held.has(n)) missing.push(`${n} in: ${text}`);
      }
    }
    expect(bullets).toBeGreaterThanOrEqual(50);
    expect(missing).toEqual([]);
  });

  it('lists only exclusions that occur in the report', () => {
    for (const { phrase, reason } of NOT_FIGURES) {
      expect(reason.length).toBeGreaterThan(0);
      expect(norm(REPORT ?? '').includes(norm(phrase)), phrase).toBe(true);
    }
  });

  it('can read the source report kept in the repository (docs/report)', () => {
    expect(REPORT, SKIP_REASON).not.toBeNull();
  });
});
