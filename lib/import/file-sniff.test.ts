import { describe, expect, it } from 'vitest';
import { decodeText, sniffFileKind } from './file-sniff';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
// "指标编码,数值" in GB18030 (GBK) bytes.
const GBK = bytes('d6b8b1eab1e0c2eb2ccafdd6b5');

describe('what an upload is, from its bytes', () => {
  it('a ZIP container, an old .xls, text or other binary', () => {
    expect(sniffFileKind(bytes('504b0304140000000800'))).toBe('xlsx-zip');
    expect(sniffFileKind(bytes('d0cf11e0a1b11ae10000'))).toBe('xls');
    expect(sniffFileKind(new TextEncoder().encode('指标编码,数值\r\nA,1'))).toBe('text');
    expect(sniffFileKind(bytes('89504e470d0a1a0a0000000d49484452'))).toBe('binary');
    expect(sniffFileKind(bytes('255044462d312e340a25e2e3cfd30a'))).toBe('text'); // "%PDF-1.4" header alone reads as text…
    expect(sniffFileKind(bytes('255044462d312e340a00000000'))).toBe('binary'); // …but a PDF's binary body does not
  });

  it('decodes UTF-8 with or without BOM, UTF-16 with BOM, and GB18030 when not valid UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('指标编码')]))).toBe('指标编码');
    expect(decodeText(new TextEncoder().encode('指标编码'))).toBe('指标编码');
    expect(decodeText(new Uint8Array(Buffer.from('\ufeff指标', 'utf16le')))).toBe('指标');
    expect(decodeText(GBK)).toBe('指标编码,数值');
  });

  it('refuses text with control characters (NUL, escape…)', () => {
    expect(decodeText(new TextEncoder().encode('a,b\u0000c'))).toBeNull();
    expect(decodeText(new TextEncoder().encode('a\u001bb'))).toBeNull();
    expect(decodeText(new TextEncoder().encode('a\tb\r\nc'))).toBe('a\tb\r\nc');
  });
});
