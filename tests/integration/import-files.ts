/** Builds upload files for the import tests: XLSX (streamed), CSV in UTF-8 (with BOM) or GB18030. */
import { ACTUALS_HEADER, xlsxOf } from '@/scripts/lib/bulk-import-fixture';

export { ACTUALS_HEADER, xlsxOf };

export type Cell = string | number;
export const TARGETS_HEADER = [
  '指标编码',
  '指标名称',
  '单位',
  '年份',
  '全年目标',
  '限定词',
  '修订原因',
  '指标类型',
  ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
];

const quote = (c: Cell) => {
  const s = String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvText(rows: Cell[][], header: string[] = ACTUALS_HEADER): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 with a BOM, as Excel's "CSV UTF-8" saves it. */
export function csvUtf8Bom(rows: Cell[][], header?: string[]): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows, header), 'utf8')]));
}

let gbMap: Map<string, number[]> | null = null;

/** GB18030 bytes of a text (Node has a decoder, no encoder: the two-byte table is built by decoding). */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbMap) {
    gbMap = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi += 1) {
      for (let lo = 0x40; lo <= 0xfe; lo += 1) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbMap.has(ch)) gbMap.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbMap.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
