/** One interface over the two formats, so that each export describes its tables once. */
import type { ExportValue } from './cells';
import type { ExportColumn } from './columns';
import { createCsvWriter } from './csv-writer';
import type { ExportOutput } from './output';
import { createXlsxWriter } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

/** The second sheet of an XLSX file: what was exported, by whom, when, how many rows, the chain head. */
export type ExportInfo = [label: string, value: string | number][];

export interface TableWriter {
  /** Starts a table: a sheet in XLSX, a titled section in a multi-table CSV. */
  startTable(title: string, columns: readonly ExportColumn[]): Promise<void>;
  /** Writes rows; resolves when the reader has room for more. */
  writeRows(rows: readonly (readonly ExportValue[])[]): Promise<void>;
  /**
   * CSV of one table only: rows already written as records (csvRecord, UTF-8) elsewhere — the audit export's worker
   * threads — put out as they are; resolves when the reader has room for more. Absent where rows need cells (XLSX).
   */
  writeCsvRecords?(records: Uint8Array): Promise<void>;
  /** Completes the file (XLSX: adds the information sheet). The output itself is ended by its owner. */
  finish(info: ExportInfo): Promise<void>;
}

export interface WriterOptions {
  /** Several tables in one file (the indicator bundle): CSV writes each under a title row. */
  multiTable?: boolean;
  /** CSV with several tables: the widest table's column count, so every record has as many fields. */
  csvWidth?: number;
}

export function createTableWriter(
  format: ExportFormat,
  output: ExportOutput,
  options: WriterOptions = {},
): TableWriter {
  return format === 'csv' ? createCsvWriter(output, options) : createXlsxWriter(output);
}

export const FORMAT_INFO: Record<ExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};
