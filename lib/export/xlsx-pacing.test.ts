import { describe, expect, it } from 'vitest';
import { readWebStream } from '@/tests/helpers/export-read';
import { ExportOutput } from './output';
import { createXlsxWriter, PENDING_LIMIT_BYTES } from './xlsx';

describe('XLSX pacing', () => {
  it('a batch whose sheet XML is several times the limit is paced down to the limit before the next one', async () => {
    const output = new ExportOutput();
    const writer = createXlsxWriter(output);
    const reading = readWebStream(output.toWebStream());
    await writer.startTable('数据', [{ header: '说明' }, { header: '序号' }]);
    const text = '长治市七个主抓手目标任务进展情况，用于测试压缩进度的较长文字。'.repeat(4);
    const rows = Array.from({ length: 20_000 }, (_, i) => [`${text}${i}`, i]);
    // The batch's XML alone is far past the limit: without pacing, that much would wait for the compressor.
    const xmlBytes = rows.reduce((sum, [s]) => sum + Buffer.byteLength(String(s)), 0);
    expect(xmlBytes).toBeGreaterThan(4 * PENDING_LIMIT_BYTES);
    for (let batch = 0; batch < 3; batch += 1) {
      await writer.writeRows(rows);
      const pending = writer.pendingBytes();
      // Known (exceljs laid out as expected) and paced: within the limit when writeRows returns.
      expect(pending).not.toBeNull();
      expect(pending).toBeLessThanOrEqual(PENDING_LIMIT_BYTES);
    }
    await writer.finish([]);
    output.end();
    expect((await reading).byteLength).toBeGreaterThan(0);
  });
});
