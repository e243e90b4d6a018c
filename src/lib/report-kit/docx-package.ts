// Word packages written without docx's own zipping, for the drafts the build writes by the hundred.
//
// A unit's draft is the outline (the same for every unit) plus a landscape table of its figures,
// which is 85–90% of its XML with 50 indicators. docx builds and serialises every table cell as an
// object tree and deflates the package in JavaScript: about 65 ms a draft, 13 s of a 200-unit build
// (docs/benchmarks.md). Here docx still lays out the document, with one marker paragraph where the
// table goes; the table's XML is written directly (`dataTableXml`, kept byte-identical to docx's
// output by tests/docx-package.test.ts), and the package is zipped with Node's native deflate.
import { Packer, type Document } from 'docx';
import { zipPackage } from './zip-writer.ts';

/** The documents' font (NĐ 30/2020: Times New Roman). */
export const FONT = 'Times New Roman';

// docx's escaping of text and attribute values (src/util/xml/stringify.ts in docx 9): the five
// entities, and control characters XML 1.0 forbids dropped.
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
export const escapeXml = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

export interface TableSpec {
  /** Column widths in mm. */
  widths: number[];
  header: string[];
  rows: { cells: string[]; bold?: boolean }[];
  /** Font size of the cells, in points. */
  size?: number;
}

/** Lengths in twentieths of a point (twips). */
export const MM = (mm: number) => Math.round((mm * 1440) / 25.4);
const THIN = '<w:top w:val="single" w:color="000000" w:sz="4"/><w:left w:val="single" w:color="000000" w:sz="4"/><w:bottom w:val="single" w:color="000000" w:sz="4"/><w:right w:val="single" w:color="000000" w:sz="4"/>';

/**
 * A bordered data table whose header row repeats on every printed page: the XML docx writes for
 * `dataTable(spec)` (docx.ts), cell by cell. Left-aligned first two columns, centred figures; a
 * cell's lines ("\n") are paragraphs of their own.
 */
export function dataTableXml(spec: TableSpec): string {
  const widths = spec.widths.map(MM);
  const halfPoints = (spec.size ?? 11) * 2;
  const size = `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
  const fonts = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;
  const runProps = { plain: `<w:rPr>${fonts}${size}<w:lang w:val="vi-VN"/></w:rPr>`, bold: `<w:rPr>${fonts}<w:b/><w:bCs/>${size}<w:lang w:val="vi-VN"/></w:rPr>` };
  const paragraphProps = (centre: boolean) => `<w:pPr><w:spacing w:after="20" w:before="20" w:line="240"/><w:jc w:val="${centre ? 'center' : 'left'}"/></w:pPr>`;
  const cellOpen = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/><w:tcBorders>${THIN}</w:tcBorders><w:vAlign w:val="center"/></w:tcPr>`);
  const cell = (text: string, i: number, bold: boolean, header: boolean) => {
    const pPr = paragraphProps(header || i > 1);
    const rPr = bold || header ? runProps.bold : runProps.plain;
    let xml = cellOpen[i]!;
    for (const line of text.split('\n')) xml += `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`;
    return `${xml}</w:tc>`;
  };
  const total = widths.reduce((a, b) => a + b, 0);
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${THIN}`
    + '<w:insideH w:val="single" w:color="000000" w:sz="4"/><w:insideV w:val="single" w:color="000000" w:sz="4"/></w:tblBorders></w:tblPr>'
    + `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
    + `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${spec.header.map((text, i) => cell(text, i, false, true)).join('')}</w:tr>`;
  for (const row of spec.rows) xml += `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.cells.map((text, i) => cell(text, i, row.bold ?? false, false)).join('')}</w:tr>`;
  return `${xml}</w:tbl>`;
}

/** The package's files as docx lays them out (path → XML text or bytes), before zipping. */
function compile(document: Document): Map<string, string | Uint8Array> {
  // Packer's compiler is not in docx's public types; its output is what Packer zips. Pinned by the
  // lockfile, and tests/docx-package.test.ts fails if a new docx writes different XML.
  const compiler = (Packer as unknown as { compiler: { compile(file: Document): Map<string, string | Uint8Array> } }).compiler;
  return compiler.compile(document);
}

/**
 * Packs a document, putting raw XML in place of marker paragraphs: each key of `replacements` is
 * the text of a paragraph in the body (made with `markerParagraph`), replaced whole by its value.
 * `made` is the creation and modification time docProps/core.xml carries, where docx writes the
 * time of packing: the date of what the file is made from, so the same inputs give the same bytes.
 */
export function packDocumentWith(document: Document, made: Date, replacements: Record<string, string> = {}): Buffer {
  const files = compile(document);
  let body = files.get('word/document.xml');
  if (typeof body !== 'string') throw new Error('docx: word/document.xml không phải văn bản');
  for (const [marker, xml] of Object.entries(replacements)) {
    const at = body.indexOf(`>${escapeXml(marker)}</w:t>`);
    const start = body.lastIndexOf('<w:p>', at);
    const end = body.indexOf('</w:p>', at);
    if (at < 0 || start < 0 || end < 0) throw new Error(`docx: không thấy đoạn đánh dấu ${marker}`);
    body = body.slice(0, start) + xml + body.slice(end + '</w:p>'.length);
  }
  // docx numbers drawings with a counter that runs on from document to document in a process: the
  // same draft made after another had other ids. Numbered from 1 in each document instead.
  let drawing = 0;
  files.set('word/document.xml', body.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${(drawing += 1)}"`));
  const core = files.get('docProps/core.xml');
  if (typeof core !== 'string' || !/<dcterms:created\b/.test(core)) throw new Error('docx: docProps/core.xml không có ngày tạo');
  files.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${made.toISOString()}`));
  return zipPackage(files);
}

