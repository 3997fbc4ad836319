/**
 * RFC 4180 CSV: comma-separated fields, records ended by CRLF (LF or a lone CR accepted too), fields in
 * double quotes may hold commas, line breaks and doubled quotes (""). Lenient where Excel is: a quote
 * inside an unquoted field is kept as text; text after a closing quote is appended. Pure: text in, rows out.
 */

export interface CsvOptions {
  /** Stop with `too_many_records` once more than this many records have been read. */
  maxRecords?: number;
  /** Stop with `cell_too_long` at the first field longer than this. */
  maxCellChars?: number;
}

export type CsvResult =
  | { ok: true; records: string[][] }
  | { ok: false; reason: 'unterminated_quote'; record: number; column: number }
  | { ok: false; reason: 'too_many_records'; record: number }
  | { ok: false; reason: 'cell_too_long'; record: number; column: number };

const DELIMITER = /[,\r\n]/g;

/** Parses CSV text into records of fields (1-based record and column numbers in errors; a final line break adds no record). */
export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const maxCell = options.maxCellChars ?? Number.POSITIVE_INFINITY;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** The current field opened with a quote (so a later quote is literal text, not a new quoted section). */
  let wasQuoted = false;
  let i = 0;
  const n = text.length;

  const tooLong = (): CsvResult => ({
    ok: false,
    reason: 'cell_too_long',
    record: records.length + 1,
    column: record.length + 1,
  });

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '' && !wasQuoted) {
      const column = record.length + 1;
      let start = i + 1;
      let closed = false;
      while (start <= n) {
        const q = text.indexOf('"', start);
        if (q === -1) break;
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          start = q + 2;
        } else {
          field += text.slice(start, q);
          i = q + 1;
          closed = true;
          break;
        }
        if (field.length > maxCell) return tooLong();
      }
      if (!closed) return { ok: false, reason: 'unterminated_quote', record: records.length + 1, column };
      if (field.length > maxCell) return tooLong();
      wasQuoted = true;
      continue;
    }
    if (c === ',' || c === '\r' || c === '\n') {
      record.push(field);
      field = '';
      wasQuoted = false;
      if (c === ',') {
        i += 1;
        continue;
      }
      records.push(record);
      record = [];
      if (records.length > maxRecords) return { ok: false, reason: 'too_many_records', record: records.length };
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // Unquoted text (or text after a closing quote): up to the next comma or line break.
    DELIMITER.lastIndex = i;
    const next = DELIMITER.exec(text);
    const end = next ? next.index : n;
    field += text.slice(i, end);
    if (field.length > maxCell) return tooLong();
    i = end;
  }
  // The last record, unless the text ended with a line break (or is empty).
  if (field !== '' || wasQuoted || record.length > 0) {
    record.push(field);
    records.push(record);
    if (records.length > maxRecords) return { ok: false, reason: 'too_many_records', record: records.length };
  }
  return { ok: true, records };
}
