/** Writing PostgreSQL's COPY text format as COPY … TO does, for tests of what reads it. */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** One field: \N for null, else the text with backslash, tab, line breaks and \b \f \v escaped. */
export function copyField(text: string | null): string {
  return text === null ? '\\N' : text.replace(/[\\\b\f\n\r\t\v]/g, (c) => ESCAPES[c] ?? c);
}

/** One line of fields, as COPY writes it. */
export const copyLine = (fields: (string | null)[]) => `${fields.map(copyField).join('\t')}\n`;

/** Texts that CSV, COPY and spreadsheets each treat specially, to draw random fields from. */
export const AWKWARD_PIECES = [
  '=',
  '+',
  '-',
  '@',
  ',',
  '"',
  "'",
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\\',
  '\\N',
  ' ',
  '\u3000',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0085',
  '\u001c',
  '\b',
  '\f',
  '\v',
  '＝',
  '＋',
  '－',
  '＠',
  '﹦',
  '﹫',
  '中',
  '文',
  '😀',
  'a',
  'Z',
  '1',
  '0',
  '.',
  '{',
  '}',
  '[',
  ':',
  'null',
  '说明',
];

/** A random text of up to `max` pieces (empty sometimes). */
export function awkwardText(random: () => number, max = 6): string {
  let text = '';
  for (let n = Math.floor(random() * (max + 1)); n > 0; n -= 1)
    text += AWKWARD_PIECES[Math.floor(random() * AWKWARD_PIECES.length)] ?? '';
  return text;
}
