// The report kit's Word files, laid out as Vietnamese administrative documents (Nghị định
// 30/2020/NĐ-CP, Phụ lục I) as union offices send them: A4, Times New Roman 14, margins 20/20/30/20
// mm; the header block as a borderless two-column table (parent body above the issuing body on the
// left, the national motto on the right, each with a short rule under it; number and symbol upright,
// place and date in italics); justified body paragraphs with a first-line indent; page numbers from
// page 2, top centre; "Nơi nhận" on the left, the signature block on the right; every run in
// Vietnamese (vi-VN) so Word checks Vietnamese spelling.
//
// Two documents are built from the outline (content/van-ban/de-cuong-bao-cao.mdx): the blank
// template, and a unit's (or the province's) draft with its own figures in the indicators section.
import {
  AlignmentType, BorderStyle, Document, Header, HeadingLevel, ImageRun, PageNumber, PageOrientation, Paragraph,
  Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions, type IRunOptions,
} from 'docx';
import type { OutlineBlock } from './outline.ts';
import { dataTableXml, FONT, MM, packDocumentWith, type TableSpec } from './docx-package.ts';

const LANGUAGE = { value: 'vi-VN' } as const;
/** Sizes in half-points. */
const PT = (points: number) => points * 2;

export const PAGE = {
  width: MM(210), height: MM(297),
  margin: { top: MM(20), bottom: MM(20), left: MM(30), right: MM(20) },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** The motto column: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 12 pt bold takes about 88 mm. */
export const MOTTO_COLUMN = MM(100);
const ISSUER_COLUMN = TEXT_WIDTH - MOTTO_COLUMN;
/** First-line indent of body paragraphs (1.25 cm) and the space after them (6 pt). */
export const BODY = { indent: MM(12.5), after: 120, line: 312 } as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Every run carries the font and the Vietnamese language, whatever style it is in. */
export const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: FONT, language: LANGUAGE, ...options });

const centred = (text: string, options: Omit<IRunOptions, 'text'> = {}, spacing?: { before?: number; after?: number }) =>
  new Paragraph({ alignment: AlignmentType.CENTER, ...(spacing ? { spacing } : {}), children: [run(text, options)] });

/** A centred short rule: an empty paragraph whose bottom border spans `lengthMm`. */
function shortRule(columnTwips: number, lengthMm: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - MM(lengthMm)) / 2) - 108);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** Body text: justified, first-line indent, 6 pt after. */
export const bodyParagraph = (children: TextRun[], style?: string) =>
  new Paragraph({
    ...(style ? { style } : {}),
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.indent },
    spacing: { after: BODY.after, line: BODY.line },
    children,
  });

const placeholder = (text: string) => bodyParagraph([run(text, { color: '595959', highlight: 'lightGray' })]);

function fixedTable(widths: number[], rows: Paragraph[][][], borders = NO_BORDERS): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: rows.map((cells) => new TableRow({
      children: cells.map((children, i) => new TableCell({ children, borders, width: { size: widths[i]!, type: WidthType.DXA } })),
    })),
  });
}

export interface HeaderBlock {
  /** The issuing body's parent ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"). */
  parentBody: string;
  /** The issuing body ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN CẨM MỸ"). */
  issuer: string;
  /** "Số: …/BC-…" */
  number: string;
  /** "[Địa danh], ngày … tháng … năm 20…" */
  placeDate: string;
}

/** The header block of an administrative document, ≥ 95 mm for the motto so it stays on one line. */
export function headerBlock(h: HeaderBlock): Table {
  return fixedTable([ISSUER_COLUMN, MOTTO_COLUMN], [[
    [
      centred(h.parentBody.toLocaleUpperCase('vi'), { size: PT(12) }),
      centred(h.issuer.toLocaleUpperCase('vi'), { bold: true, size: PT(12) }),
      shortRule(ISSUER_COLUMN, 20),
      centred(h.number, { size: PT(13) }),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: PT(12) }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: PT(13) }),
      shortRule(MOTTO_COLUMN, 60),
      centred(h.placeDate, { italics: true, size: PT(13) }),
    ],
  ]]);
}

export interface Signature {
  recipients: string[];
  /** "TM. BAN THƯỜNG VỤ" */
  onBehalfOf: string;
  position: string;
  name: string;
}

export function signatureBlock(s: Signature): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const recipient = (text: string) => new Paragraph({ children: [run(text, { size: PT(11) })] });
  return fixedTable([half, TEXT_WIDTH - half], [[
    [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: PT(12) })] }), ...s.recipients.map(recipient)],
    [
      centred(s.onBehalfOf, { bold: true }),
      centred(s.position, { bold: true }),
      centred('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true }),
      centred(s.name, { bold: true }, { before: 1400 }),
    ],
  ]]);
}

/** Page numbers from page 2, top centre; the first page's header is empty or holds `firstPageNote`. */
function headers(note?: string): Pick<ISectionOptions, 'headers' | 'properties'> & { properties: { titlePage: boolean } } {
  const noteLine = note ? [centred(note, { italics: true, size: PT(10), color: '7A4B00' })] : [];
  return {
    properties: { titlePage: true },
    headers: {
      first: new Header({ children: noteLine.length ? noteLine : [new Paragraph({ children: [] })] }),
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13), language: LANGUAGE })] }), ...noteLine] }),
    },
  };
}

export interface DocumentProperties {
  organisation: string;
  title: string;
  description: string;
}

const STYLES = {
  default: {
    document: { run: { font: FONT, size: PT(14), language: LANGUAGE }, paragraph: { spacing: { after: BODY.after, line: BODY.line } } },
  },
  paragraphStyles: [
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: PT(14), bold: true, allCaps: true, color: '000000', language: LANGUAGE }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 120 }, keepNext: true } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: PT(14), bold: true, color: '000000', language: LANGUAGE }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.indent }, spacing: { before: 240, after: 120 }, keepNext: true } },
    { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: PT(14), bold: true, italics: false, color: '000000', language: LANGUAGE }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.indent }, spacing: { before: 180, after: 120 }, keepNext: true } },
    { id: 'GoiY', name: 'Gợi ý đề cương', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: PT(13), italics: true, color: '404040', language: LANGUAGE }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: BODY.indent }, spacing: { after: BODY.after, line: BODY.line } } },
  ],
};

const page = (orientation: 'portrait' | 'landscape' = 'portrait') => ({
  size: orientation === 'portrait'
    ? { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }
    : { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
  margin: PAGE.margin,
});

export type Block = Paragraph | Table;

export interface OfficialDocument {
  properties: DocumentProperties;
  header: HeaderBlock;
  /** Title lines: "BÁO CÁO" first, bold, centred. */
  title: string[];
  /** Body sections in order; a landscape section holds wide tables. */
  sections: { orientation?: 'portrait' | 'landscape'; children: Block[] }[];
  signature: Signature;
  /** Printed in every page's header (e.g. that the figures are illustrative). */
  pageNote?: string;
}

export function officialDocument(d: OfficialDocument): Document {
  const opening: Block[] = [headerBlock(d.header), new Paragraph({ children: [] })];
  d.title.forEach((line, i) => opening.push(centred(line, { bold: true, size: PT(i === 0 ? 15 : 14) }, i === d.title.length - 1 ? { after: 240 } : undefined)));
  const sections = d.sections.map((s, i) => ({
    ...(i === 0 ? {} : {}),
    children: [...(i === 0 ? opening : []), ...s.children, ...(i === d.sections.length - 1 ? [new Paragraph({ children: [] }), signatureBlock(d.signature)] : [])],
    orientation: s.orientation ?? 'portrait',
  }));
  const pageHeaders = headers(d.pageNote);
  return new Document({
    creator: d.properties.organisation,
    lastModifiedBy: d.properties.organisation,
    title: d.properties.title,
    subject: d.properties.title,
    description: d.properties.description,
    keywords: 'sơ kết giữa nhiệm kỳ; báo cáo',
    styles: STYLES,
    sections: sections.map((s, i) => ({
      properties: { page: page(s.orientation), ...(i === 0 ? { titlePage: true } : {}) },
      headers: i === 0 ? pageHeaders.headers : { default: pageHeaders.headers!.default! },
      children: s.children,
    })),
  });
}

// ——— The outline as blocks of a report ———

export interface OutlineOptions {
  /** Where the indicator form is downloaded, printed in the note on figures. */
  formUrl: string;
  /** Replaces the placeholder under the indicators heading (a unit's table of results). */
  indicatorSection?: { heading: RegExp; blocks: Block[]; orientation: 'landscape' };
}

/** Numbered guidance ("1. Từ kết quả …") keeps its own number; other guidance lines get a dash. */
const hintText = (text: string) => (/^\d+\.\s/.test(text) ? text : `– ${text}`);

/** The outline's headings and guidance as sections of body blocks. */
export function outlineSections(blocks: OutlineBlock[], options: OutlineOptions): { orientation?: 'portrait' | 'landscape'; children: Block[] }[] {
  const sections: { orientation?: 'portrait' | 'landscape'; children: Block[] }[] = [{ children: [] }];
  const current = () => sections.at(-1)!.children;
  current().push(
    new Paragraph({
      spacing: { before: 240, after: 240 },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '7A4B00' }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '7A4B00' } },
      alignment: AlignmentType.JUSTIFIED,
      children: [
        run('Lưu ý về số liệu: ', { bold: true, size: PT(13) }),
        run(`báo cáo cần có số liệu minh họa tại các mục đánh giá, có so sánh đối chiếu với đầu nhiệm kỳ và kết quả thực hiện tương ứng của nhiệm kỳ trước. Số liệu các chỉ tiêu ghi vào Biểu mẫu kèm theo (tải tại ${options.formUrl}). Các dòng in nghiêng là gợi ý của Đề cương; xóa sau khi viết.`, { italics: true, size: PT(13) }),
      ],
    }),
  );
  let afterHints = false;
  let inIndicators = false;
  for (const block of blocks) {
    if (block.kind === 'title') continue;
    if (block.kind === 'heading') {
      if (afterHints) current().push(placeholder('[Nội dung báo cáo của đơn vị]'));
      afterHints = false;
      if (inIndicators) {
        sections.push({ children: [] });
        inIndicators = false;
      }
      const heading = new Paragraph({
        heading: HEADINGS[block.level],
        children: [run(block.text), ...block.subtitle.map((line) => run(line, { break: 1 }))],
      });
      if (options.indicatorSection && block.level === 2 && options.indicatorSection.heading.test(block.text)) {
        sections.push({ orientation: options.indicatorSection.orientation, children: [heading, ...options.indicatorSection.blocks] });
        inIndicators = true;
        continue;
      }
      current().push(heading);
    } else {
      if (inIndicators) continue; // the unit's own table takes the place of the guidance
      current().push(bodyParagraph([run(hintText(block.text))], 'GoiY'));
      afterHints = true;
    }
  }
  if (afterHints) current().push(placeholder('[Nội dung báo cáo của đơn vị]'));
  return sections;
}

export interface TemplateOptions {
  formUrl: string;
  sourceTitle: string;
  organisation: string;
  recipient: string;
  /** While the dataset is illustrative, the template says so on its first page. */
  illustrative: boolean;
  /** The file's creation and modification time (docProps/core.xml): the date of the figures it goes with, as the forms carry. */
  made: Date;
}

export function outlineTemplate(blocks: OutlineBlock[], options: TemplateOptions): Document {
  const title = blocks.find((b): b is Extract<OutlineBlock, { kind: 'title' }> => b.kind === 'title');
  const sections = outlineSections(blocks, { formUrl: options.formUrl });
  if (options.illustrative) {
    sections[0]!.children.unshift(bodyParagraph([run('Danh mục chỉ tiêu và mục tiêu trên trang hiện là số liệu minh họa, chưa phải số liệu chính thức.', { italics: true, bold: true, color: '7A4B00', size: PT(13) })]));
  }
  return officialDocument({
    properties: { organisation: options.organisation, title: `Mẫu báo cáo theo ${options.sourceTitle}`, description: 'Tạo tự động từ Đề cương báo cáo đăng trên trang sơ kết giữa nhiệm kỳ.' },
    header: { parentBody: '[Tên công đoàn cấp trên]', issuer: '[Tên đơn vị báo cáo]', number: 'Số: …/BC-…', placeDate: '[Địa danh], ngày … tháng … năm 20…' },
    title: ['BÁO CÁO', ...(title?.lines.slice(1) ?? [])],
    sections,
    signature: { recipients: [`- ${options.recipient};`, '- [Nơi nhận khác];', '- Lưu: VT.'], onBehalfOf: 'TM. [BAN THƯỜNG VỤ / BAN CHẤP HÀNH]', position: '[CHỨC VỤ NGƯỜI KÝ]', name: '[Họ và tên người ký]' },
  });
}

/** The outline as a .docx, zipped as the drafts are (docx-package.ts), so its parts are well-formed whatever its text. */
export function outlineTemplateBuffer(blocks: OutlineBlock[], options: TemplateOptions): Promise<Buffer> {
  return Promise.resolve(packDocumentWith(outlineTemplate(blocks, options), options.made));
}

// ——— Tables and images for drafts ———

export type { TableSpec };

/** Stands where a draft's table of figures goes; `draftPackage` puts the table's XML in its place. */
const TABLE_MARKER = '⟦bảng số liệu của đơn vị⟧';

/** A PNG chart, full text width, with its caption. */
export function chartImage(png: Uint8Array, widthPx: number, heightPx: number, caption: string, landscape = false): Paragraph[] {
  const widthMm = landscape ? 200 : 160;
  const width = Math.round((widthMm / 25.4) * 96);
  const height = Math.round((width * heightPx) / widthPx);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: caption, title: caption, description: caption } })] }),
    centred(caption, { italics: true, size: PT(12) }, { after: 200 }),
  ];
}


// ——— A unit's (or the province's) draft ———

export interface DraftOptions {
  formUrl: string;
  sourceTitle: string;
  organisation: string;
  /** The issuing body of the draft and its parent. */
  issuer: string;
  parentBody: string;
  recipient: string;
  /** The period the unit evaluates, as the plan words it for this unit. */
  evaluationWindow: string;
  /** Deadlines of the plan that concern the unit: "what — by when (as printed)". */
  deadlines: { task: string; who: string; when: string }[];
  /** Which heading of the outline is the indicators section. */
  indicatorsHeading: RegExp;
  table: TableSpec;
  notes: string[];
  /** The units' notes on their figures, numbered; printed under the table. */
  figureNotes: string[];
  charts: { png: Uint8Array; width: number; height: number; caption: string }[];
  /** While the dataset is illustrative, every page's header says so. */
  illustrativeNote?: string;
  /** The file's creation and modification time (docProps/core.xml): the date of its figures, as the forms carry. */
  made: Date;
}

export function draftDocument(blocks: OutlineBlock[], options: DraftOptions): Document {
  const title = blocks.find((b): b is Extract<OutlineBlock, { kind: 'title' }> => b.kind === 'title');
  const indicatorBlocks: Block[] = [
    bodyParagraph([run(`Kết quả thực hiện các chỉ tiêu của ${options.issuer}, theo số liệu đăng trên trang sơ kết (bảng dưới đây; "chưa báo cáo" là năm đơn vị chưa gửi số liệu).`)]),
    new Paragraph({ children: [new TextRun(TABLE_MARKER)] }),
    ...options.notes.map((note) => new Paragraph({ spacing: { before: 60, after: 0 }, children: [run(note, { italics: true, size: PT(11) })] })),
    ...(options.figureNotes.length > 0
      ? [
          new Paragraph({ spacing: { before: 120, after: 0 }, children: [run('Ghi chú của đơn vị về số liệu:', { bold: true, size: PT(11) })] }),
          ...options.figureNotes.map((note) => new Paragraph({ spacing: { before: 20, after: 0 }, children: [run(note, { size: PT(11) })] })),
        ]
      : []),
    ...options.charts.flatMap((c) => chartImage(c.png, c.width, c.height, c.caption, true)),
  ];
  const sections = outlineSections(blocks, {
    formUrl: options.formUrl,
    indicatorSection: { heading: options.indicatorsHeading, blocks: indicatorBlocks, orientation: 'landscape' },
  });
  const schedule: Block[] = [
    bodyParagraph([run('Thời gian đánh giá: ', { bold: true }), run(options.evaluationWindow)]),
    ...(options.deadlines.length > 0
      ? [
          bodyParagraph([run('Các mốc thời gian theo Kế hoạch:', { bold: true })]),
          ...options.deadlines.map((d) => bodyParagraph([run(`– ${d.task} (${d.who}): `), run(d.when, { bold: true })])),
        ]
      : []),
  ];
  sections[0]!.children.unshift(...schedule);
  return officialDocument({
    properties: { organisation: options.organisation, title: `Dự thảo báo cáo sơ kết của ${options.issuer}`, description: `Dự thảo theo ${options.sourceTitle}, điền sẵn số liệu của đơn vị đăng trên trang sơ kết giữa nhiệm kỳ.` },
    header: { parentBody: options.parentBody, issuer: options.issuer, number: 'Số: …/BC-…', placeDate: '[Địa danh], ngày … tháng … năm 20…' },
    title: ['BÁO CÁO', ...(title?.lines.slice(1) ?? [])],
    sections,
    signature: { recipients: [`- ${options.recipient};`, '- [Nơi nhận khác];', '- Lưu: VT.'], onBehalfOf: 'TM. [BAN THƯỜNG VỤ / BAN CHẤP HÀNH]', position: '[CHỨC VỤ NGƯỜI KÝ]', name: '[Họ và tên người ký]' },
    ...(options.illustrativeNote ? { pageNote: options.illustrativeNote } : {}),
  });
}

/** A draft as a .docx: docx lays out the outline, the table of figures is written directly (docx-package.ts). */
export function draftPackage(blocks: OutlineBlock[], options: DraftOptions): Buffer {
  return packDocumentWith(draftDocument(blocks, options), options.made, { [TABLE_MARKER]: dataTableXml(options.table) });
}
