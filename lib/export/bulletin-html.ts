/**
 * The 通报 as one self-contained HTML page for printing to PDF (lib/export/pdf-print.ts): no script, no request
 * leaves the page (fonts are the system's). Fonts are named as offices name them with fallbacks: 仿宋 for the
 * text, 黑体 for the headings, then the Noto CJK fonts a Linux server has (fonts-noto-cjk).
 */
import type { BulletinModel, BulletinRow } from '@/lib/domain/bulletin';

export const BODY_FONTS = `"FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;
export const HEADING_FONTS = `"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STATUS_CLASS: Record<BulletinRow['progressStatus'], string> = {
  green: 'ok',
  yellow: 'warn',
  red: 'bad',
  overdue: 'bad',
  grey: 'none',
};

const CSS = `
@page { size: A4 landscape; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: ${BODY_FONTS}; font-size: 11pt; line-height: 1.55; color: #111; margin: 0; }
h1 { font-family: ${HEADING_FONTS}; font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 6pt; }
.meta { text-align: center; font-size: 10pt; color: #444; margin: 0 0 10pt; }
.sample { border: 1px solid #b45309; color: #92400e; padding: 4pt 8pt; margin: 0 0 10pt; font-size: 10pt; }
h2 { font-family: ${HEADING_FONTS}; font-size: 13pt; font-weight: normal; margin: 14pt 0 4pt; }
.lead { break-inside: avoid; break-after: avoid; }
p { margin: 0 0 6pt; text-indent: 2em; }
p.formula { text-indent: 0; font-size: 10pt; color: #333; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 9.5pt; margin: 2pt 0 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #444; padding: 2pt 4pt; vertical-align: top; }
th { font-family: ${HEADING_FONTS}; font-weight: normal; background: #eee; }
td.num { text-align: right; }
td.ok { color: #166534; } td.warn { color: #a16207; } td.bad { color: #b91c1c; } td.none { color: #555; }
`;

function cell(text: string, className?: string): string {
  return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;
}

/** Column widths in percent, the same as the Word tables'. */
export const AREA_WIDTHS = [26, 13, 17, 11, 11, 8, 14] as const;
export const LIST_WIDTHS = [22, 18, 30, 30] as const;
export const RANKING_WIDTHS = [10, 42, 16, 16, 16] as const;

function table(
  headers: readonly string[],
  widths: readonly number[],
  rows: readonly string[][],
  numeric: ReadonlySet<number> = new Set(),
  classes?: (row: number) => Map<number, string>,
): string {
  const cols = `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
  const head = `${cols}<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map(
      (r, i) =>
        `<tr>${r.map((c, j) => cell(c, [numeric.has(j) ? 'num' : '', classes?.(i).get(j) ?? ''].filter(Boolean).join(' '))).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

export const AREA_HEADERS = ['指标', '年度目标', '本期实绩', '序时进度', '完成情况', '状态', '责任单位'] as const;
export const LIST_HEADERS = ['指标', '责任单位', '进展情况', '情况说明'] as const;
export const RANKING_HEADERS = ['名次', '责任单位', '绿灯指标数', '参评指标数', '绿灯占比'] as const;

/** The bulletin as HTML (UTF-8, A4 landscape). `generatedText` is the line under the title (when and by whom). */
export function renderBulletinHtml(model: BulletinModel, generatedText: string): string {
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(model.title)}</h1>`, `<div class="meta">${escapeHtml(generatedText)}</div>`);
  if (model.sampleNotice) parts.push(`<div class="sample">${escapeHtml(model.sampleNotice)}</div>`);
  parts.push(`<p>${escapeHtml(model.summary)}</p>`);
  for (const area of model.areas) {
    parts.push(`<div class="lead"><h2>${escapeHtml(area.heading)}</h2><p>${escapeHtml(area.summary)}</p></div>`);
    if (area.rows.length) {
      parts.push(
        table(
          AREA_HEADERS,
          AREA_WIDTHS,
          area.rows.map((r) => [r.name, r.target, r.actual, r.expected, r.completion, r.status, r.department]),
          new Set([1, 2, 3, 4]),
          (i) => new Map([[5, STATUS_CLASS[area.rows[i]?.progressStatus ?? 'grey']]]),
        ),
      );
    }
  }
  const list = (heading: string, items: BulletinModel['lagging'], none: string) => {
    parts.push(`<div class="lead"><h2>${escapeHtml(heading)}</h2></div>`);
    if (items.length === 0) parts.push(`<p>${escapeHtml(none)}</p>`);
    else
      parts.push(
        table(
          LIST_HEADERS,
          LIST_WIDTHS,
          items.map((x) => [x.name, x.department, x.detail, x.explanation]),
        ),
      );
  };
  list(model.laggingHeading, model.lagging, '本期无滞后指标。');
  list(model.overdueHeading, model.overdue, '本期无逾期未报指标。');
  parts.push(
    `<div class="lead"><h2>${escapeHtml(model.rankingHeading)}</h2><p class="formula">${escapeHtml(model.rankingFormula)}</p></div>`,
  );
  parts.push(
    model.ranking.length
      ? table(
          RANKING_HEADERS,
          RANKING_WIDTHS,
          model.ranking.map((r) => [r.rank, r.department, r.onTrack, r.counted, r.share]),
          new Set([0, 2, 3, 4]),
        )
      : '<p>本期无参与排名的责任单位。</p>',
  );
  if (model.unrankedText) parts.push(`<p class="formula">${escapeHtml(model.unrankedText)}</p>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>${CSS}</style></head><body>${parts.join('\n')}</body></html>`;
}
