import { describe, expect, it } from 'vitest';
import { readWebStream } from '@/tests/helpers/export-read';
import { ExportOutput } from './output';
import { createXlsxWriter } from './xlsx';

describe('XLSX pacing', () => {
  it('can see how much sheet XML waits for the compressor (exceljs 4.4 layout)', async () => {
    const output = new ExportOutput();
    const writer = createXlsxWriter(output);
    const reading = readWebStream(output.toWebStream());
    await writer.startTable('数据', [{ header: '列' }]);
    const rows = Array.from({ length: 2000 }, (_, i) => [`第${i}行，用于测试压缩进度`, i]);
    await writer.writeRows(rows);
    // Measured after the writer paced itself: known (not null) and within the limit.
    const pending = writer.pendingBytes();
    expect(pending).not.toBeNull();
    expect(pending).toBeLessThanOrEqual(1024 * 1024);
    await writer.finish([]);
    output.end();
    expect((await reading).byteLength).toBeGreaterThan(0);
  });
});
