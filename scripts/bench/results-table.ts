/**
 * The benchmark's results: rows { figure, engine, value, unit, goal, met } (the shape of results.json), the
 * goals they are judged against, and the one table printed at the end (figures down, engines across).
 */
export type EngineName = 'pglite' | 'postgres';

export interface ResultRow {
  figure: string;
  engine: EngineName;
  value: number;
  unit: string;
  /** "≤ 20 ms", "≥ 60 %", "= 0"; null for a figure reported without a goal. */
  goal: string | null;
  met: boolean | null;
}

export interface Goal {
  op: '≤' | '≥' | '=';
  limit: number;
}

export function judge(value: number, goal: Goal | null): boolean | null {
  if (!goal) return null;
  if (!Number.isFinite(value)) return false;
  if (goal.op === '≤') return value <= goal.limit;
  if (goal.op === '≥') return value >= goal.limit;
  return value === goal.limit;
}

/** Collects the rows of one engine. */
export function createRecorder(engine: EngineName, rows: ResultRow[]) {
  return (figure: string, value: number, unit: string, goal: Goal | null = null) => {
    rows.push({
      figure,
      engine,
      value: Number.isFinite(value) ? Math.round(value * 100) / 100 : value,
      unit,
      goal: goal ? `${goal.op} ${goal.limit}${unit ? ` ${unit}` : ''}` : null,
      met: judge(value, goal),
    });
  };
}

const ENGINE_TITLES: Record<EngineName, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

const pad = (text: string, size: number) => text + ' '.repeat(Math.max(0, size - width(text)));

/** The table: one line per figure, its goal, then per engine the value and ✓ / ✗ (blank without a goal). */
export function formatTable(rows: ResultRow[]): string {
  const engines = [...new Set(rows.map((r) => r.engine))];
  const figures = [...new Set(rows.map((r) => r.figure))];
  const cell = (r: ResultRow | undefined) => {
    if (!r) return '—';
    const mark = r.met === null ? '' : r.met ? ' ✓' : ' ✗';
    return `${r.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}${r.unit ? ` ${r.unit}` : ''}${mark}`;
  };
  const lines = figures.map((figure) => {
    const of = engines.map((e) => rows.find((r) => r.figure === figure && r.engine === e));
    const goal = of.find((r) => r?.goal)?.goal ?? '';
    return [figure, goal, ...of.map(cell)];
  });
  const header = ['figure', 'goal', ...engines.map((e) => ENGINE_TITLES[e])];
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i] ?? ''))));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const judged = rows.filter((r) => r.met !== null);
  const missed = judged.filter((r) => r.met === false);
  return [
    format(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...lines.map(format),
    '',
    `goals met: ${judged.length - missed.length} of ${judged.length}${missed.length ? ` — missed: ${missed.map((r) => `${r.figure} (${ENGINE_TITLES[r.engine]})`).join('; ')}` : ''}`,
  ].join('\n');
}
