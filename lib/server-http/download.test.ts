import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse } from './download';

describe('contentDisposition', () => {
  it('keeps a Chinese name in filename* and gives an ASCII fallback', () => {
    expect(contentDisposition('审计日志_20250101-20251231.csv')).toBe(
      `attachment; filename="20250101-20251231.csv"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97_20250101-20251231.csv`,
    );
  });

  it('percent-encodes quotes and parentheses, and falls back to "export" for an all-Chinese name', () => {
    expect(contentDisposition("检查点(1)'.json")).toBe(
      `attachment; filename="1.json"; filename*=UTF-8''%E6%A3%80%E6%9F%A5%E7%82%B9%281%29%27.json`,
    );
    expect(contentDisposition('审计.xlsx')).toContain('filename="export.xlsx"');
  });
});

describe('downloadResponse', () => {
  it('sends the file as an attachment, never cached and never re-encoded on the way (its SHA-256 is recorded)', () => {
    const res = downloadResponse('a,b\r\n', '审计日志.csv', 'text/csv; charset=utf-8');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(contentDisposition('审计日志.csv'));
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
