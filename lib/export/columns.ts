/**
 * An exported table's columns. Apart from the writers, so that what describes a table (lib/services/exports/tables.ts,
 * which the audit log's worker threads load) does not load the XLSX writer and its packages.
 */
export interface ExportColumn {
  header: string;
  /** Column width in characters (XLSX only). */
  width?: number;
}

/** A column: its header, and its width in characters (XLSX only), 14 unless told. */
export const col = (header: string, width = 14): ExportColumn => ({ header, width });
