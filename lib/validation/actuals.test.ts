import { describe, expect, it } from 'vitest';
import { saveActualSchema } from './actuals';

const base = { indicatorCode: 'INV-PROJECTS', period: '2026-03', value: '12', version: null, action: 'draft' };

function evidenceErrors(evidenceUrl: string): string[] {
  const result = saveActualSchema.safeParse({ ...base, evidenceUrl });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('evidenceUrl (佐证材料链接)', () => {
  it.each(['//evil.example/x', '/\\evil.example/x', '/\\\\evil.example', '/files\\..\\x'])(
    'refuses %j, naming the field',
    (url) => {
      const errors = evidenceErrors(url);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join(' ')).toContain('「佐证材料链接」');
    },
  );

  it.each(['', '/files/2026/03/report.pdf', 'https://oa.changzhi.gov.cn/doc?id=1'])('accepts %j', (url) => {
    expect(evidenceErrors(url)).toEqual([]);
  });
});
