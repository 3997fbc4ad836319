/**
 * The 5,000-figure import used by the integration test and the benchmark: 500 monthly indicators of one
 * department × 10 months. The indicators are inserted directly (fixture data, not the path under test).
 */
import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '@/db/client';
import { departments, indicators } from '@/db/schema';

export const BULK_INDICATORS = 500;
export const BULK_MONTHS = 10;

export const bulkCode = (i: number) => `BULK-${String(i).padStart(3, '0')}`;

export async function createBulkIndicators(db: Db, departmentCode: string): Promise<void> {
  const [department] = await db.select().from(departments).where(eq(departments.code, departmentCode));
  if (!department) throw new Error(`no department ${departmentCode}`);
  const rows = Array.from({ length: BULK_INDICATORS }, (_, i) => ({
    code: bulkCode(i),
    name: `批量导入测试指标${i + 1}`,
    unit: '个',
    kind: 'cumulative' as const,
    frequency: 'monthly' as const,
    departmentId: department.id,
    areaId: 1,
    sortOrder: 10_000 + i,
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insert(indicators).values(rows.slice(i, i + 100));
}

/** One row per indicator and month (year-to-date values that grow), in the actuals template's columns. */
export function bulkRows(year: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < BULK_INDICATORS; i += 1) {
    for (let m = 1; m <= BULK_MONTHS; m += 1) {
      rows.push([
        bulkCode(i),
        `批量导入测试指标${i + 1}`,
        '个',
        `${year}-${String(m).padStart(2, '0')}`,
        m * 10 + (i % 7),
      ]);
    }
  }
  return rows;
}

export const ACTUALS_HEADER = ['指标编码', '指标名称', '单位', '填报期', '数值', '限定词', '备注'];

/** An XLSX written with exceljs's streaming writer (shared strings, as Excel writes them). */
export async function xlsxOf(rows: (string | number)[][], header: string[] = ACTUALS_HEADER): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(header).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
