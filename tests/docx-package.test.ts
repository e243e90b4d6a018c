// The drafts' fast packing writes what docx itself would write: the table of figures byte for byte,
// every other part of the package untouched, and the same bytes at every build.
import { describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { dataTableXml, type TableSpec } from '../src/lib/report-kit/docx-package';
import { draftDocument, draftPackage, type DraftOptions } from '../src/lib/report-kit/docx';
import { outlineBlocks } from '../src/lib/report-kit/outline';
import { TINY_PNG } from './helpers/tiny-png';
import { pythonZipTest } from './helpers/python-zip';

/** The table as docx's own objects build it: the reference `dataTableXml` must match. */
function docxTable(spec: TableSpec): Table {
  const MM = (mm: number) => Math.round((mm * 1440) / 25.4);
  const widths = spec.widths.map(MM);
  const size = (spec.size ?? 11) * 2;
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const grid = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
  const cell = (text: string, i: number, options: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: grid,
      children: text.split('\n').map((line) => new Paragraph({
        alignment: options.header || i > 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 20, after: 20, line: 240 },
        children: [new TextRun({ text: line, font: 'Times New Roman', language: { value: 'vi-VN' }, size, bold: options.bold || options.header })],
      })),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: grid,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: spec.header.map((text, i) => cell(text, i, { header: true })) }),
      ...spec.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((text, i) => cell(text, i, { bold: r.bold ?? false })) })),
    ],
  });
}

async function partsOf(buffer: Buffer | Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('base64'));
  return parts;
}
const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

const spec: TableSpec = {
  widths: [10, 52, 22, 22, 22, 18],
  size: 10,
  header: ['STT', 'Chỉ tiêu (đơn vị tính)', '2018', '2019', 'Lũy kế', 'Đánh giá'],
  rows: [
    { cells: ['I', 'Nhóm chỉ tiêu chính', '', '', '', ''], bold: true },
    { cells: ['1', 'Kết nạp đoàn viên mới (người)', '26.338', 'chưa báo cáo', '52.676', 'Đạt'] },
    { cells: ['2', 'Tỷ lệ "CĐCS" & <vững mạnh> \'A\'', '85,0%\n(170/200)', '—', 'x\u0001y', ''] },
  ],
};

describe('the table of figures', () => {
  test('dataTableXml writes byte for byte what docx writes for the same table', async () => {
    const reference = await partsOf(await Packer.toBuffer(new Document({ sections: [{ children: [docxTable(spec)] }] })));
    const xml = text(reference.get('word/document.xml')!);
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
    expect(table).toContain('85,0%</w:t>');
    expect(table).toContain('&quot;CĐCS&quot; &amp; &lt;vững mạnh&gt; &apos;A&apos;');
    expect(dataTableXml(spec)).toBe(table);
  });
});

describe('a draft package', () => {
  // outlineBlocks reads the file as it is, front matter and all.
  const blocks = outlineBlocks(readFileSync('content/van-ban/de-cuong-bao-cao.mdx', 'utf8'));
  const options: DraftOptions = {
    formUrl: '/tai-ve/bieu-mau/cam-my.xlsx', sourceTitle: 'Đề cương báo cáo', organisation: 'Tổ chức thử', issuer: 'Đơn vị thử',
    parentBody: 'Cấp trên thử', recipient: 'Văn phòng thử', evaluationWindow: 'từ đầu nhiệm kỳ.',
    deadlines: [{ task: 'Gửi báo cáo', who: 'đơn vị', when: 'Trước ngày 01/02' }], indicatorsHeading: /CHỈ TIÊU/i,
    table: spec, notes: ['Ghi chú 1.'], figureNotes: ['1. Ghi chú của đơn vị.'], illustrativeNote: 'SỐ LIỆU MINH HỌA',
    // The province's draft carries chart images, stored in the package as they are.
    charts: [{ png: TINY_PNG, width: 1600, height: 900, caption: 'Biểu đồ thử' }],
    made: new Date('2021-03-15T00:00:00Z'),
  };

  test('every part is what docx writes, with the table in place of its marker', async () => {
    const mine = await partsOf(draftPackage(blocks, options));
    const docx = await partsOf(await Packer.toBuffer(draftDocument(blocks, options)));
    expect([...mine.keys()]).toEqual([...docx.keys()]);
    expect([...mine.keys()].some((name) => name.startsWith('word/media/'))).toBe(true);
    for (const [name, data] of docx) {
      if (name === 'word/document.xml' || name === 'docProps/core.xml') continue;
      expect(mine.get(name), name).toBe(data);
    }
    const theirs = text(docx.get('word/document.xml')!).replace(/<w:p>(?:(?!<w:p>)[\s\S])*?⟦bảng số liệu của đơn vị⟧[\s\S]*?<\/w:p>/, dataTableXml(spec));
    expect(theirs).not.toContain('⟦');
    // docx numbers drawings with a counter that runs on from document to document.
    const ids = (xml: string) => xml.replace(/<wp:docPr id="\d+"/g, '<wp:docPr id=""');
    expect(ids(text(mine.get('word/document.xml')!))).toBe(ids(theirs));
    // docx stamps the time of packing in core.xml; the draft carries `made` there, and the rest is the same.
    const stamp = (xml: string) => xml.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1><');
    const core = text(mine.get('docProps/core.xml')!);
    expect(stamp(core)).toBe(stamp(text(docx.get('docProps/core.xml')!)));
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-15T00:00:00.000Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-03-15T00:00:00.000Z</dcterms:modified>');
  });

  test('the same inputs give the same bytes whenever the draft is made', () => {
    // Two builds a day apart, by the clock docx reads: the build id of the offline copies and the
    // caches between builds key on these bytes.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-04T08:00:00Z'));
      const first = draftPackage(blocks, options);
      vi.setSystemTime(new Date('2026-12-05T17:30:00Z'));
      const second = draftPackage(blocks, options);
      expect(first.equals(second)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a standard unzip reads the file, names in UTF-8, [Content_Types].xml first', () => {
    const first = draftPackage(blocks, options);
    expect(first.subarray(30, 30 + '[Content_Types].xml'.length).toString()).toBe('[Content_Types].xml');
    const check = pythonZipTest(first, 'draft.docx');
    expect(check.status, check.stderr).toBe(0);
  });
});
