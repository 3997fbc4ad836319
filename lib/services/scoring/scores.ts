/**
 * Published 考核 scores: the ranking of a year's latest published scheme version (or a named one), each score with
 * its inputs and formula, and their export (CSV/XLSX, audited like every export) with those inputs.
 */
import { type Db } from '@/db/client';
import { getChainHead } from '@/db/queries/audit';
import {
  getLatestPublishedScheme,
  getScheme,
  listSchemeVersions,
  listSnapshots,
  type SnapshotRecord,
} from '@/db/queries/scoring';
import { can } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { decimalToNumber, toFixedDecimal } from '@/lib/domain/decimal';
import { SCORING_RULE_LABELS, SUBJECT_KIND_LABELS } from '@/lib/domain/labels';
import { itemWeightParts, type ItemRecord, type SubjectResult } from '@/lib/domain/scoring-run';
import { AppError } from '@/lib/errors';
import { figureCell, shanghaiTime } from '@/lib/export/cells';
import { col, type ExportColumn } from '@/lib/export/columns';
import { parseOrThrow } from '@/lib/validation/parse';
import { scoresQuerySchema } from '@/lib/validation/scoring';
import { z } from 'zod';
import { fileStamp, startExport, type ExportDownload } from '../exports/run';
import { authorize, type ServiceOptions } from '@/lib/services/options';

/** A stored score (numeric, 6 decimals) as published: two decimals. */
const two = (v: string) => toFixedDecimal(decimalToNumber(v) ?? 0, 2) ?? v;

function scoreRow(s: SnapshotRecord) {
  return {
    rank: s.rank,
    subjectKind: s.subjectKind,
    subjectKindLabel: SUBJECT_KIND_LABELS[s.subjectKind],
    subjectCode: s.subjectCode,
    subjectName: s.subjectName,
    total: two(s.total),
    base: two(s.base),
    deduction: two(s.deduction),
    bonus: two(s.bonus),
    formula: s.formula,
    inputs: s.inputs as SubjectResult['inputs'],
  };
}

/** Query-string values: the year and version as numbers when written as digits (zod then names a bad one). */
function withNumbers(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const key of ['year', 'version']) {
    const v = out[key];
    if (v === '' || v === undefined) delete out[key];
    else if (typeof v === 'string' && /^\d{1,6}$/.test(v)) out[key] = Number(v);
  }
  return out;
}

async function readScores(db: Db, year: number, version: number | undefined) {
  const scheme = version === undefined ? await getLatestPublishedScheme(db, year) : await getScheme(db, year, version);
  if (version !== undefined && (!scheme || scheme.status !== 'published'))
    throw new AppError('not_found', `${year} 年考核方案第 ${version} 版未发布`);
  const versions = (await listSchemeVersions(db, year)).filter((v) => v.status === 'published');
  if (!scheme) return { year, scheme: null, versions: [], rows: [] };
  const rows = (await listSnapshots(db, scheme.id)).map(scoreRow);
  return {
    year,
    scheme: {
      version: scheme.version,
      isSample: scheme.isSample,
      publishedAt: scheme.publishedAt?.toISOString() ?? null,
    },
    versions: versions.map((v) => ({
      version: v.version,
      isSample: v.isSample,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      scores: v.scores,
    })),
    rows,
  };
}

/** GET /api/scores?year=&version= — the ranking with every score's inputs and formula. */
export async function getScores(actor: Actor, query: Record<string, unknown>, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'score.view', options);
  const { year, version } = parseOrThrow(scoresQuerySchema, withNumbers(query));
  const view = await readScores(db, year, version);
  return { ...view, canExport: can(actor, 'export.records') };
}
export type ScoresView = Awaited<ReturnType<typeof getScores>>;

const SCORE_COLUMNS: ExportColumn[] = [
  col('排名', 6),
  col('考核对象类型', 10),
  col('考核对象'),
  col('总分', 8),
  col('基础分', 8),
  col('扣分', 8),
  col('加分', 8),
  col('逾期未报（项）', 8),
  col('数据退回（项）', 8),
  col('加分项', 20),
  col('计算公式', 80),
];

const ITEM_COLUMNS: ExportColumn[] = [
  col('考核对象类型', 10),
  col('考核对象'),
  col('指标编码', 20),
  col('指标', 24),
  col('主抓手'),
  col('计分规则', 12),
  col('主抓手权重', 8),
  col('指标权重（主抓手内 %）', 10),
  col('折算权重（分）', 8),
  col('计分上限（%）', 8),
  col('年度目标', 10),
  col('已审核实绩', 10),
  col('实绩月份', 6),
  col('得分', 8),
  col('计算公式', 80),
];

const exportQuerySchema = scoresQuerySchema.extend({
  format: z.enum(['csv', 'xlsx'], { error: '「格式」应为 csv 或 xlsx' }).default('xlsx'),
});

function itemCells(row: { subjectKindLabel: string; subjectName: string }, i: ItemRecord) {
  const weights = itemWeightParts(i);
  return [
    row.subjectKindLabel,
    row.subjectName,
    i.indicatorCode,
    i.indicatorName,
    i.areaName,
    SCORING_RULE_LABELS[i.rule],
    figureCell(weights.areaWeight),
    figureCell(weights.share),
    figureCell(weights.points),
    figureCell(i.ceiling),
    figureCell(i.target),
    figureCell(i.actual),
    i.month,
    figureCell(i.score),
    i.formula,
  ];
}

/** GET /api/exports/scores?year=&version=&format= — the ranking and every item's inputs, as a file. */
export async function exportScores(
  actor: Actor,
  query: Record<string, unknown>,
  options: ServiceOptions = {},
): Promise<ExportDownload> {
  const { db, now } = await authorize(actor, 'score.view', options);
  requirePermission(actor, 'export.records');
  const { format, year, version } = parseOrThrow(exportQuerySchema, withNumbers(query));
  const view = await readScores(db, year, version);
  if (!view.scheme) throw new AppError('not_found', `${year} 年尚无已发布的考核得分`);
  const scheme = view.scheme;
  return startExport({
    actor,
    db: db,
    format,
    action: 'export.scores',
    baseName: `考核得分_${year}_第${scheme.version}版_${fileStamp(now)}`,
    filters: { year, version: scheme.version },
    filterLines: [
      ['年份', year],
      ['方案版本', `第 ${scheme.version} 版${scheme.isSample ? '（示例数据）' : ''}`],
      ['发布时间', shanghaiTime(scheme.publishedAt ? new Date(scheme.publishedAt) : null) ?? ''],
    ],
    title: `${year} 年高质量发展绩效考核得分${scheme.isSample ? '（示例数据）' : ''}`,
    chainHead: await getChainHead(db),
    writerOptions: { multiTable: true, csvWidth: ITEM_COLUMNS.length },
    now,
    async produce(writer) {
      await writer.startTable('得分排名', SCORE_COLUMNS);
      await writer.writeRows(
        view.rows.map((r) => [
          r.rank,
          r.subjectKindLabel,
          r.subjectName,
          figureCell(r.total),
          figureCell(r.base),
          figureCell(r.deduction),
          figureCell(r.bonus),
          r.inputs.lateCount,
          r.inputs.returnedCount,
          r.inputs.bonuses.map((b) => `${b.name} ${b.points}`).join('；'),
          r.formula,
        ]),
      );
      await writer.startTable('得分明细（输入数据）', ITEM_COLUMNS);
      const items = view.rows.flatMap((r) => r.inputs.items.map((i) => itemCells(r, i)));
      await writer.writeRows(items);
      return view.rows.length + items.length;
    },
  });
}
