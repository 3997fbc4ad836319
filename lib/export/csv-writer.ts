/** The CSV table writer: a BOM, then each table's header and rows (several tables: each under a 【title】 row). */
import { CSV_BOM, csvRecord, padRecord } from './csv';
import type { ExportOutput } from './output';
import type { ExportColumn } from './columns';
import type { TableWriter, WriterOptions } from './table-writer';

export function createCsvWriter(output: ExportOutput, options: WriterOptions): TableWriter {
  let tables = 0;
  let width = 0;
  const record = (values: Parameters<typeof csvRecord>[0]) =>
    csvRecord(options.multiTable ? padRecord(values, width) : values);
  return {
    async startTable(title: string, columns: readonly ExportColumn[]) {
      width = Math.max(options.csvWidth ?? 0, columns.length);
      let text = tables === 0 ? CSV_BOM : '';
      if (options.multiTable) {
        if (tables > 0) text += record([]);
        text += record([`【${title}】`]);
      }
      text += record(columns.map((c) => c.header));
      tables += 1;
      await output.write(text);
    },
    async writeRows(rows) {
      if (rows.length === 0) return;
      let text = '';
      for (const row of rows) text += record(row);
      await output.write(text);
    },
    // A multi-table file pads each record to the widest table: records made elsewhere are not.
    writeCsvRecords: options.multiTable ? undefined : (records) => output.write(records),
    async finish() {
      // CSV has no second sheet: the export's audit event records the filters, the row count and the hash.
      if (tables === 0) await output.write(CSV_BOM);
    },
  };
}
