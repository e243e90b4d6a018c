// The outline as a Word template (.docx): the unit's title block with placeholders, the outline's
// headings in Word heading styles (Heading 1 = Phần, Heading 2 = I., Heading 3 = 1.), each
// guidance line as an italic hint with room to write under it, and the signature block.
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { OutlineBlock } from './outline.ts';

const FONT = 'Times New Roman';
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export interface TemplateOptions {
  /** Where the indicator form is downloaded, printed in the note on figures. */
  formUrl: string;
  /** Shown in the document's properties. */
  sourceTitle: string;
}

const centred = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, ...options })] });

const placeholder = (text: string) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, color: '595959', highlight: 'lightGray' })] });

/** Two borderless half-width columns side by side, as official title and signature blocks are laid out. */
function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[]) => new TableCell({ children, borders: NO_BORDERS, width: { size: 50, type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });
}

function headerBlock(): Table {
  return twoColumns(
    [
      centred('[TÊN CÔNG ĐOÀN CẤP TRÊN]', { size: 26 }),
      centred('[TÊN ĐƠN VỊ BÁO CÁO]', { bold: true, size: 26 }),
      centred('Số: …/BC-…', { size: 26 }),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 26 }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 }),
      centred('[Địa danh], ngày … tháng … năm 20…', { italics: true, size: 26 }),
    ],
  );
}

function signatureBlock(): Table {
  const left = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, size: 22, ...options })] });
  return twoColumns(
    [left('Nơi nhận:', { bold: true, italics: true }), left('- Văn phòng LĐLĐ tỉnh Đồng Nai;'), left('- [Nơi nhận khác];'), left('- Lưu: VT.')],
    [
      centred('TM. [BAN THƯỜNG VỤ / BAN CHẤP HÀNH]', { bold: true }),
      centred('[CHỨC VỤ NGƯỜI KÝ]', { bold: true }),
      centred('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true }),
      new Paragraph({ spacing: { before: 1200 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '[Họ và tên người ký]', bold: true })] }),
    ],
  );
}

export function outlineTemplate(blocks: OutlineBlock[], options: TemplateOptions): Document {
  const children: (Paragraph | Table)[] = [headerBlock(), new Paragraph({ text: '' })];
  const title = blocks.find((b): b is Extract<OutlineBlock, { kind: 'title' }> => b.kind === 'title');
  children.push(centred('BÁO CÁO', { bold: true, size: 30 }));
  for (const line of title?.lines.slice(1) ?? []) children.push(centred(line, { bold: true }));
  children.push(
    new Paragraph({
      spacing: { before: 240, after: 240 },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '7A4B00' }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '7A4B00' } },
      children: [
        new TextRun({ text: 'Lưu ý về số liệu: ', bold: true }),
        new TextRun({
          text: `báo cáo cần có số liệu minh họa tại các mục đánh giá, có so sánh đối chiếu với đầu nhiệm kỳ và kết quả thực hiện tương ứng của nhiệm kỳ trước. Số liệu các chỉ tiêu năm 2018, 2019 và 2020 ghi vào Biểu mẫu kèm theo (tải tại ${options.formUrl}). Các dòng in nghiêng là gợi ý của Đề cương; xóa sau khi viết.`,
          italics: true,
        }),
      ],
    }),
  );
  let afterHints = false;
  for (const block of blocks) {
    if (block.kind === 'title') continue;
    if (block.kind === 'heading') {
      if (afterHints) children.push(placeholder('[Nội dung báo cáo của đơn vị]'));
      afterHints = false;
      children.push(
        new Paragraph({
          heading: HEADINGS[block.level],
          children: [
            new TextRun({ text: block.text }),
            ...block.subtitle.flatMap((line) => [new TextRun({ text: line, break: 1 })]),
          ],
        }),
      );
    } else {
      children.push(new Paragraph({ style: 'GoiY', children: [new TextRun({ text: `– ${block.text}` })] }));
      afterHints = true;
    }
  }
  if (afterHints) children.push(placeholder('[Nội dung báo cáo của đơn vị]'));
  children.push(new Paragraph({ text: '' }), signatureBlock());

  return new Document({
    creator: 'Liên đoàn Lao động tỉnh Đồng Nai',
    title: `Mẫu báo cáo theo ${options.sourceTitle}`,
    description: 'Tạo tự động từ Đề cương báo cáo đăng trên trang sơ kết giữa nhiệm kỳ.',
    styles: {
      default: { document: { run: { font: FONT, size: 28 }, paragraph: { spacing: { after: 80, line: 300 } } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 28, bold: true, allCaps: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 120 }, keepNext: true } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: 28, bold: true, italics: false, color: '000000' }, paragraph: { spacing: { before: 180, after: 80 }, keepNext: true } },
        { id: 'GoiY', name: 'Gợi ý đề cương', basedOn: 'Normal', next: 'Normal', run: { font: FONT, size: 26, italics: true, color: '404040' }, paragraph: { indent: { left: 360 } } },
      ],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
}

export function outlineTemplateBuffer(blocks: OutlineBlock[], options: TemplateOptions): Promise<Buffer> {
  return Packer.toBuffer(outlineTemplate(blocks, options));
}
