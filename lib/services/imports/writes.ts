/**
 * The write of one checked import row, per kind, through the one write path of its figure (`writeActual`,
 * `writeTarget`), its input parsed by the same zod schema as the form's. A row equal to what is stored is
 * not written (no version bump, no audit event).
 */
import type { Db } from '@/db/client';
import { listFiguresOf } from '@/db/queries/catalog';
import type { Actor } from '@/lib/domain/actor';
import { formatPeriod } from '@/lib/domain/period';
import type { CheckedRow } from '@/lib/import/row-checks';
import { saveActualSchema } from '@/lib/validation/actuals';
import { parseOrThrow } from '@/lib/validation/parse';
import { upsertTargetSchema } from '@/lib/validation/targets';
import { plainDecimal } from '../dashboards/catalog';
import { writeActual } from '../reporting/actual-entry';
import { inferPhasing } from '../admin/target-list';
import { writeTarget } from '../admin/targets';

export type WriteOutcome = 'written' | 'unchanged';
export type RowWriter = (tx: Db, row: CheckedRow) => Promise<WriteOutcome>;

/** Loads the stored figures the rows touch (once, inside the transaction) and returns the per-row writer. */
export async function actualsWriter(transaction: Db, actor: Actor, rows: CheckedRow[], now: Date): Promise<RowWriter> {
  const stored = await listFiguresOf(transaction, {
    indicatorIds: [...new Set(rows.map((r) => r.indicator.id))],
    years: [...new Set(rows.map((r) => r.year))],
  });
  const byKey = new Map(stored.map((a) => [`${a.indicatorId}:${a.year}:${a.month}`, a]));
  return async (tx, row) => {
    if (!row.period) throw new Error('actual import row without a period');
    const existing = byKey.get(`${row.indicator.id}:${row.period.year}:${row.period.month}`);
    const note = row.record.note;
    if (
      existing &&
      plainDecimal(existing.value) === row.value &&
      existing.qualifier === (row.qualifier ?? existing.qualifier) &&
      (note === '' || note === existing.note)
    ) {
      return 'unchanged';
    }
    const input = parseOrThrow(saveActualSchema, {
      indicatorCode: row.indicator.code,
      period: formatPeriod(row.period),
      value: row.value,
      qualifier: row.qualifier,
      note: note === '' ? undefined : note,
      version: null,
      action: 'draft',
    });
    await writeActual(tx, actor, input, now, 'import');
    return 'written';
  };
}

export function targetsWriter(actor: Actor, now: Date): RowWriter {
  return async (tx, row) => {
    const input = parseOrThrow(upsertTargetSchema, {
      indicatorCode: row.indicator.code,
      year: row.year,
      value: row.value,
      qualifier: row.qualifier,
      phasing: inferPhasing(row.record.phases.map((p) => p.month)),
      phases: row.record.phases,
      version: null,
      reason: row.record.note === '' ? undefined : row.record.note,
    });
    const result = await writeTarget(tx, actor, input, now, 'import');
    return result.status === 'unchanged' ? 'unchanged' : 'written';
  };
}
