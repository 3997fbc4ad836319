/**
 * Bulk import (批量导入) of actual figures and of targets from XLSX or CSV. A dry run checks every row
 * and writes each clean one through its write path inside one transaction that is then rolled back, so
 * the preview shows exactly what a commit would do. A commit is all-or-nothing: one transaction, one audit
 * event per changed figure, nothing stored while any row has an error. A refused row does not poison the
 * transaction on PostgreSQL: the write paths throw their AppError before any SQL that could fail (the checks
 * here refuse what the database would, e.g. a number too large for numeric(20, 6)); any other error aborts
 * the whole import. (No savepoint per row: it would add two statements to every row of a 10,000-row file.)
 */
import { serverEnv } from '@/lib/env';
import { type Db } from '@/db/client';
import { listIndicatorsByCodes } from '@/db/queries/catalog';
import { listUnits } from '@/db/queries/units';
import { can, isDepartmentScoped } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import {
  DEFAULT_IMPORT_CONCURRENCY,
  ImportFileError,
  IMPORT_RETRY_AFTER_SECONDS,
  IMPORTS_BUSY,
} from '@/lib/import/limits';
import { readUpload, type UploadFormat } from '@/lib/import/read-upload';
import {
  checkRecord,
  findDuplicates,
  normalizeCode,
  periodKeyOf,
  rowMessage,
  shown,
  type CheckedRow,
  type ImportRowResult,
  type IndicatorInfo,
} from '@/lib/import/row-checks';
import { toImportRecords, type ImportRecord } from '@/lib/import/sheet-table';
import { unitKeyOf, type ImportScope } from '@/lib/import/unit-column';
import { AppError, isAppError } from '@/lib/errors';
import { runImportSchema, type ImportKindInput, type ImportMode } from '@/lib/validation/imports';
import { parseOrThrow } from '@/lib/validation/parse';
import { actualsWriter, targetsWriter, writeUnitTargetGroups, type RowWriter } from './writes';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

export interface ImportResult {
  kind: ImportKindInput;
  mode: ImportMode;
  format: UploadFormat;
  /** True only for a commit that stored the file's figures. */
  committed: boolean;
  rows: ImportRowResult[];
  okCount: number;
  errorCount: number;
  unchangedCount: number;
}

let importsRunning = 0;

function importConcurrency(): number {
  const configured = Number(serverEnv().importConcurrency);
  return Number.isInteger(configured) && configured >= 1 && configured <= 16 ? configured : DEFAULT_IMPORT_CONCURRENCY;
}

/**
 * Runs `work` (reading an upload and importing it) in one of this process's import slots, or refuses at once
 * with 429 and Retry-After when all are taken: memory stays bounded however many uploads arrive together.
 */
export async function withImportSlot<T>(work: () => Promise<T>): Promise<T> {
  const limit = importConcurrency();
  if (importsRunning >= limit) {
    throw new AppError('rate_limited', IMPORTS_BUSY.replace('{n}', String(limit)), undefined, {
      retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS,
    });
  }
  importsRunning += 1;
  try {
    return await work();
  } finally {
    importsRunning -= 1;
  }
}

/** Thrown inside the transaction to roll it back (dry run, or a commit with errors). */
class Rollback extends Error {}

/** Who may import what: officials their own department's actuals; target managers the targets. */
export function requireImportPermission(actor: Actor, kind: ImportKindInput): void {
  requirePermission(actor, 'import.run');
  if (kind === 'actuals' && !can(actor, 'actual.enter')) {
    throw new AppError('forbidden', '实绩数据由各单位的填报员导入；管理员可下载模板发给各单位');
  }
  if (kind === 'targets' && !can(actor, 'target.manage'))
    throw new AppError('forbidden', '只有系统管理员可以导入年度目标');
}

function fileError(error: unknown): never {
  if (error instanceof ImportFileError) {
    throw new AppError(error.kind === 'too_large' ? 'too_large' : 'invalid_input', error.message, {
      file: [error.message],
    });
  }
  throw error;
}

function messagesOf(row: number, error: AppError): string[] {
  const fields = Object.values(error.fieldErrors ?? {}).flat();
  return (fields.length > 0 ? fields : [error.message]).map((m) => rowMessage(row, m));
}

async function loadIndicators(db: Db, records: ImportRecord[]): Promise<Map<string, IndicatorInfo>> {
  const codes = [...new Set(records.map((r) => normalizeCode(r.indicatorCode)).filter((c) => c !== ''))];
  const rows = await listIndicatorsByCodes(db, codes);
  return new Map(
    rows.map(({ indicator: i, departmentName }) => [
      i.code,
      {
        id: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        departmentId: i.departmentId,
        departmentName,
        isRetired: i.isRetired,
        minValue: i.minValue,
        maxValue: i.maxValue,
        trackedByUnit: i.trackedByUnit && i.rollupRule !== null,
      },
    ]),
  );
}

/** POST /api/imports/[kind] — `mode` dry-run (preview) or commit. */
export async function runImport(
  actor: Actor,
  input: { kind: unknown; mode: unknown; file: unknown },
  options: ServiceOptions = {},
): Promise<ImportResult> {
  const { db, now } = await resolveOptions(options);
  const { kind, mode, file } = parseOrThrow(runImportSchema, input);
  requireImportPermission(actor, kind);
  const upload = await readUpload(file).catch(fileError);
  let records: ImportRecord[];
  try {
    records = toImportRecords(kind, upload.rows);
  } catch (error) {
    fileError(error);
  }
  if (records.length === 0)
    throw new AppError('invalid_input', '文件中没有数据行：第 1 行为表头，请从第 2 行起填写', {
      file: ['文件中没有数据行'],
    });
  const [indicators, units] = await Promise.all([loadIndicators(db, records), listUnits(db)]);
  const isFilled = (r: ImportRecord) => r.value !== '' || r.phases.length > 0;
  const scope: ImportScope | null = isDepartmentScoped(actor)
    ? { role: actor.role, departmentId: actor.departmentId ?? null, unitId: actor.unitId ?? null }
    : null;
  const duplicates = findDuplicates(
    records.filter(isFilled),
    (r) => `${periodKeyOf(kind, r)}\u0000${unitKeyOf(r.unitRef, units, scope)}`,
  );

  const rows: ImportRowResult[] = [];
  const pending: { result: ImportRowResult; checked: CheckedRow }[] = [];
  for (const record of records) {
    const code = normalizeCode(record.indicatorCode);
    const result: ImportRowResult = {
      row: record.row,
      indicatorCode: shown(code),
      period: shown(record.period),
      unitRef: shown(record.unitRef),
      value: shown(record.value),
      status: 'ok',
      messages: [],
    };
    rows.push(result);
    if (!isFilled(record)) {
      result.status = 'unchanged';
      result.messages.push(rowMessage(record.row, `未填写「${kind === 'actuals' ? '数值' : '全年目标'}」，本行不导入`));
      continue;
    }
    const { messages, checked } = checkRecord({
      kind,
      record,
      indicator: indicators.get(code),
      scope,
      units,
      duplicateOf: duplicates.get(record.row),
    });
    if (checked) pending.push({ result, checked });
    else Object.assign(result, { status: 'error', messages });
  }

  const preChecked = rows.filter((r) => r.status === 'error').length;
  try {
    await db.transaction(async (tx) => {
      // A unit's target is one share of a decomposition checked whole: those rows are written per indicator and
      // year, after the city targets they are checked against.
      const unitTargets = kind === 'targets' ? pending.filter((p) => p.checked.unit !== null) : [];
      const perRow = pending.filter((p) => !unitTargets.includes(p));
      const write: RowWriter =
        kind === 'actuals'
          ? await actualsWriter(
              tx,
              actor,
              perRow.map((p) => p.checked),
              now,
            )
          : targetsWriter(actor, now);
      const settle = (result: ImportRowResult, outcome: Awaited<ReturnType<RowWriter>> | AppError) => {
        if (outcome === 'unchanged') {
          result.status = 'unchanged';
          result.messages.push(rowMessage(result.row, '与已保存的数据相同，无需导入'));
        } else if (outcome instanceof AppError) {
          Object.assign(result, { status: 'error', messages: messagesOf(result.row, outcome) });
        }
      };
      for (const { result, checked } of perRow) {
        try {
          settle(result, await write(tx, checked));
        } catch (error) {
          if (!isAppError(error)) throw error;
          settle(result, error);
        }
      }
      for (const { rows: group, outcome } of await writeUnitTargetGroups(tx, actor, unitTargets)) {
        for (const { result } of group) settle(result, outcome);
      }
      if (mode === 'dry-run' || preChecked > 0 || pending.some((p) => p.result.status === 'error'))
        throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }

  const count = (s: ImportRowResult['status']) => rows.filter((r) => r.status === s).length;
  const result: ImportResult = {
    kind,
    mode,
    format: upload.format,
    committed: false,
    rows,
    okCount: count('ok'),
    errorCount: count('error'),
    unchangedCount: count('unchanged'),
  };
  if (mode === 'commit' && result.errorCount > 0) {
    const first = rows
      .filter((r) => r.status === 'error')
      .slice(0, 3)
      .flatMap((r) => r.messages.slice(0, 1));
    throw new AppError(
      'invalid_input',
      `导入未执行，未保存任何数据：共 ${result.errorCount} 行有错误（${first.join('；')}${result.errorCount > 3 ? '…' : ''}），请修正后重新上传`,
      { file: [`共 ${result.errorCount} 行有错误`] },
      { preview: result },
    );
  }
  return { ...result, committed: mode === 'commit' };
}
