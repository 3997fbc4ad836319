/**
 * The XLSX table writer, on exceljs's streaming WorkbookWriter: rows are committed as they come and never
 * kept, shared strings are off (that table would grow with the file), and every value is typed — text is
 * always a string cell (never a formula, whatever it begins with), figures are number cells.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { numericText, type ExportValue } from './cells';
import type { ExportOutput } from './output';
import type { ExportColumn } from './columns';
import type { ExportInfo, TableWriter } from './table-writer';

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet';
}

/** Sheet XML that may wait for the zip compressor before more rows are made. */
export const PENDING_LIMIT_BYTES = 1024 * 1024;

/**
 * The worksheet's output buffer (exceljs's StreamBuf) and the compressor it feeds, as exceljs 4.4 lays them out.
 * exceljs writes rows into them without waiting, so this is the only place to see how far behind zlib is.
 */
const sheetStreamShape = z.object({
  stream: z.object({
    buffers: z.array(z.object({ length: z.number() })),
    // A readable-stream PassThrough in archiver: `_writableState.length` is what zlib has not read yet.
    pipes: z.array(z.object({ _writableState: z.object({ length: z.number() }) })),
  }),
});

/** Bytes of sheet XML made but not yet taken by the compressor; null when exceljs is laid out differently. */
function pendingBytes(sheet: ExcelJS.Worksheet): number | null {
  const parsed = sheetStreamShape.safeParse(sheet);
  if (!parsed.success) return null;
  const { buffers, pipes } = parsed.data.stream;
  return buffers.reduce((sum, b) => sum + b.length, 0) + pipes.reduce((sum, p) => sum + p._writableState.length, 0);
}

/**
 * Waits until the compressor has caught up. zlib works on the thread pool and reports back through the event
 * loop, so this also yields: without it, rows made from an in-process database (PGlite, whose queries never
 * wait for I/O) would pile up in memory and no other request would be served until the export ended.
 */
async function settle(sheet: ExcelJS.Worksheet, output: ExportOutput): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (;;) {
    // Rejects once the reader is gone, so a cancelled download never waits here forever.
    await output.drained();
    const pending = pendingBytes(sheet);
    if (pending === null || pending <= PENDING_LIMIT_BYTES) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}

function cellValue(value: ExportValue): string | number | null {
  const number = numericText(value);
  if (number !== null) return Number(number);
  return typeof value === 'string' ? value : null;
}

/** The XLSX writer; `pendingBytes` (sheet XML not yet compressed) is exposed so a test can tell pacing works. */
export function createXlsxWriter(output: ExportOutput): TableWriter & { pendingBytes(): number | null } {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output.writable,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '抓手平台';
  let sheet: ExcelJS.Worksheet | null = null;

  const addSheet = (title: string, columns: readonly { header: string; width?: number }[]) => {
    const ws = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 14 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    return ws;
  };

  return {
    pendingBytes: () => (sheet ? pendingBytes(sheet) : null),
    async startTable(title: string, columns: readonly ExportColumn[]) {
      sheet?.commit();
      sheet = addSheet(title, columns);
      await output.drained();
    },
    async writeRows(rows) {
      const ws = sheet;
      if (!ws) throw new Error('startTable before writeRows');
      for (const row of rows) ws.addRow(row.map(cellValue)).commit();
      // exceljs waits neither for the compressor nor for the reader: pace it here, once per batch.
      await settle(ws, output);
    },
    async finish(info: ExportInfo) {
      sheet?.commit();
      sheet = null;
      const ws = addSheet('导出信息', [
        { header: '项目', width: 18 },
        { header: '内容', width: 80 },
      ]);
      for (const [label, value] of info) ws.addRow([label, value]).commit();
      ws.commit();
      await workbook.commit();
    },
  };
}
