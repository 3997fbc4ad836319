/**
 * Exported files in tests: a table written through the export's writer, and read back — the web stream's bytes,
 * CSV through a real parser, XLSX through exceljs.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportValue } from '@/lib/export/cells';
import { ExportOutput } from '@/lib/export/output';
import { createTableWriter, type ExportFormat, type ExportInfo } from '@/lib/export/table-writer';

export async function readWebStream(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** Rows of a CSV file (BOM stripped), every field as the text the parser read: exceljs's CSV reader (fast-csv). */
export async function readCsv(bytes: Buffer): Promise<string[][]> {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([body]), { map: (datum: string) => datum });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let i = 1; i <= row.cellCount; i += 1) values.push(String(row.getCell(i).value ?? ''));
    rows.push(values);
  });
  return rows;
}

/** An XLSX file's sheets, with the type of each cell as exceljs reads it. */
export async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: { value: unknown; type: ExcelJS.ValueType }[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: { value: unknown; type: ExcelJS.ValueType }[] = [];
      for (let i = 1; i <= row.cellCount; i += 1) {
        const cell = row.getCell(i);
        cells.push({ value: cell.value, type: cell.type });
      }
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

/**
 * One table (`title`, its `headers` and `rows`, the information sheet's `info`) written through the export's table writer as `format`, read back as the bytes a download gets, and the
 * writer's SHA-256 of them (taken before the stream ends, as the export records it).
 */
export async function writeExport(
  format: ExportFormat,
  title: string,
  headers: string[],
  rows: readonly (readonly ExportValue[])[],
  info: ExportInfo = [],
): Promise<{ bytes: Buffer; digest: string; byteCount: number }> {
  const output = new ExportOutput();
  const writer = createTableWriter(format, output);
  const done = (async () => {
    await writer.startTable(
      title,
      headers.map((header) => ({ header })),
    );
    await writer.writeRows(rows);
    await writer.finish(info);
    const digest = output.digest();
    output.end();
    return digest;
  })();
  const bytes = await readWebStream(output.toWebStream());
  return { bytes, digest: await done, byteCount: output.bytes };
}
