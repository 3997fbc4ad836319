/**
 * The 通报 as a Word document (.docx, through the `docx` library: pure JavaScript). A4 landscape, so the seven-column
 * tables read without wrapping every cell. Fonts are named as offices name them — 仿宋 for the text, 黑体 for
 * headings — with Latin fallbacks; Word and WPS substitute a CJK font of their own where one is not installed
 * (LibreOffice on Linux: Noto CJK). Table header rows repeat on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { BulletinModel } from '@/lib/domain/bulletin';
import { AREA_HEADERS, AREA_WIDTHS, LIST_HEADERS, LIST_WIDTHS, RANKING_HEADERS, RANKING_WIDTHS } from './bulletin-html';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

/** Half-points: 三号 16pt for the text, 二号 22pt for the title, 10.5pt (五号) in tables. */
const SIZE = { title: 44, heading: 32, body: 28, table: 21, meta: 24 };

function text(
  content: string,
  options: { heading?: boolean; size?: number; color?: string; bold?: boolean } = {},
): TextRun {
  return new TextRun({
    text: content,
    font: options.heading ? HEADING_FONT : BODY_FONT,
    size: options.size ?? SIZE.body,
    color: options.color,
    bold: options.bold,
  });
}

function paragraph(
  content: string,
  options: Omit<IParagraphOptions, 'heading'> & { isHeading?: boolean; size?: number; color?: string } = {},
): Paragraph {
  const { isHeading, size, color, ...rest } = options;
  return new Paragraph({
    spacing: { after: 120, line: 360 },
    ...rest,
    children: [text(content, { heading: isHeading, size, color })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

function tableCell(content: string, options: { header?: boolean; right?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.header ? AlignmentType.CENTER : options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [text(content, { heading: options.header, size: SIZE.table })],
      }),
    ],
  });
}

function table(
  headers: readonly string[],
  rows: readonly string[][],
  widths: readonly number[],
  numeric: ReadonlySet<number> = new Set(),
): Table {
  const width = (i: number) => widths[i] ?? Math.floor(100 / headers.length);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => tableCell(h, { header: true, width: width(i) })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => tableCell(c, { right: numeric.has(i), width: width(i) })),
          }),
      ),
    ],
  });
}

/** The bulletin as .docx bytes. `generatedText` is the line under the title (when and by whom). */
export async function renderBulletinDocx(model: BulletinModel, generatedText: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    paragraph(model.title, {
      isHeading: true,
      size: SIZE.title,
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
    }),
    paragraph(generatedText, {
      size: SIZE.meta,
      alignment: AlignmentType.CENTER,
      color: '444444',
      spacing: { after: 240 },
    }),
  ];
  if (model.sampleNotice) children.push(paragraph(model.sampleNotice, { size: SIZE.meta, color: '92400E' }));
  children.push(paragraph(model.summary, { indent: { firstLine: 560 } }));
  for (const area of model.areas) {
    children.push(
      paragraph(area.heading, {
        isHeading: true,
        size: SIZE.heading,
        spacing: { before: 240, after: 120 },
        keepNext: true,
      }),
    );
    children.push(paragraph(area.summary, { indent: { firstLine: 560 }, keepNext: area.rows.length > 0 }));
    if (area.rows.length) {
      children.push(
        table(
          AREA_HEADERS,
          area.rows.map((r) => [r.name, r.target, r.actual, r.expected, r.completion, r.status, r.department]),
          AREA_WIDTHS,
          new Set([1, 2, 3, 4]),
        ),
      );
    }
  }
  const list = (heading: string, items: BulletinModel['lagging'], none: string) => {
    children.push(
      paragraph(heading, { isHeading: true, size: SIZE.heading, spacing: { before: 240, after: 120 }, keepNext: true }),
    );
    if (items.length === 0) children.push(paragraph(none, { indent: { firstLine: 560 } }));
    else
      children.push(
        table(
          LIST_HEADERS,
          items.map((x) => [x.name, x.department, x.detail, x.explanation]),
          LIST_WIDTHS,
        ),
      );
  };
  list(model.laggingHeading, model.lagging, '本期无滞后指标。');
  list(model.overdueHeading, model.overdue, '本期无逾期未报指标。');
  children.push(
    paragraph(model.rankingHeading, {
      isHeading: true,
      size: SIZE.heading,
      spacing: { before: 240, after: 120 },
      keepNext: true,
    }),
  );
  children.push(paragraph(model.rankingFormula, { size: SIZE.meta, keepNext: true }));
  if (model.ranking.length) {
    children.push(
      table(
        RANKING_HEADERS,
        model.ranking.map((r) => [r.rank, r.department, r.onTrack, r.counted, r.share]),
        RANKING_WIDTHS,
        new Set([0, 2, 3, 4]),
      ),
    );
  } else {
    children.push(paragraph('本期无参与排名的责任单位。', { indent: { firstLine: 560 } }));
  }
  if (model.unrankedText) children.push(paragraph(model.unrankedText, { size: SIZE.meta, spacing: { before: 120 } }));

  const document = new Document({
    title: model.title,
    creator: 'zhuashou',
    description: generatedText,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 (twips); docx swaps width and height for landscape.
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
