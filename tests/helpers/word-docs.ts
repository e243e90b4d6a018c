// Word files as an office writes them, made with the `docx` package in layouts unlike the site's
// own writer (src/lib/report-kit/docx.ts): the header block as a bordered-less two-column table or
// as stacked paragraphs, headings in bold body text (no Heading styles), Word's automatic
// numbering, footnotes, a table, a signature table or stacked signature lines.
import {
  AlignmentType, DeletedTextRun, Document, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType, type ParagraphChild,
} from 'docx';

export interface WordSpec {
  /** Header block as a two-column table (default) or as stacked paragraphs. */
  header?: 'table' | 'stacked' | 'none';
  parentBody?: string;
  issuingBody?: string;
  number?: string;
  placeDate?: string;
  /** The kind line ("KẾ HOẠCH"); absent for a memo, which has `subject`. */
  kind?: string;
  abstract?: string[];
  subject?: string;
  kinhGui?: string[];
  /** Body paragraphs: a string, or a spec. */
  body: BodyItem[];
  recipients?: string[];
  signer?: string[];
  /** Ending as a two-column table (default) or stacked lines. */
  ending?: 'table' | 'stacked';
  footnotes?: Record<number, string>;
}

export type BodyItem =
  | string
  | { text: string; bold?: boolean; italic?: boolean; center?: boolean }
  | { runs: { text?: string; bold?: boolean; italic?: boolean; note?: number; inserted?: boolean; deleted?: boolean; br?: boolean; link?: string }[] }
  | { auto: 'roman' | 'decimal' | 'letter'; text: string; bold?: boolean; level?: 0 | 1 | 2 }
  | { table: string[][] };

const p = (text: string, opts: { bold?: boolean; italic?: boolean; center?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italic ?? false, font: 'Times New Roman', size: 28 })] });

const noBorders = { top: { style: 'none' as const, size: 0, color: 'FFFFFF' }, bottom: { style: 'none' as const, size: 0, color: 'FFFFFF' }, left: { style: 'none' as const, size: 0, color: 'FFFFFF' }, right: { style: 'none' as const, size: 0, color: 'FFFFFF' } };

function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: [new TableCell({ children: left, borders: noBorders }), new TableCell({ children: right, borders: noBorders })] })],
  });
}

export async function wordFile(spec: WordSpec): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const left = [
    ...(spec.parentBody ? [p(spec.parentBody, { center: true })] : []),
    ...(spec.issuingBody ? [p(spec.issuingBody, { bold: true, center: true })] : []),
    p(`Số: ${spec.number ?? '……'}`, { center: true }),
    ...(spec.subject ? [p(`V/v ${spec.subject}`, { center: true })] : []),
  ];
  const right = [
    p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
    p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
    ...(spec.placeDate ? [p(spec.placeDate, { italic: true, center: true })] : []),
  ];
  if (spec.header === 'stacked') children.push(...right.slice(0, 2), ...left, ...right.slice(2));
  else if (spec.header !== 'none') children.push(twoColumns(left, right));
  if (spec.kind) children.push(p(''), p(spec.kind, { bold: true, center: true }), ...(spec.abstract ?? []).map((a) => p(a, { bold: true, center: true })));
  children.push(p(''));
  for (const k of spec.kinhGui ?? []) children.push(p(k, { center: true }));
  for (const item of spec.body) {
    if (typeof item === 'string') children.push(p(item));
    else if ('table' in item) {
      children.push(new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: item.table.map((row, i) => new TableRow({ children: row.map((cell) => new TableCell({ children: [p(cell, { bold: i === 0 })] })) })),
      }));
    } else if ('auto' in item) {
      children.push(new Paragraph({
        numbering: { reference: item.auto, level: item.level ?? 0 },
        children: [new TextRun({ text: item.text, bold: item.bold ?? false })],
      }));
    } else if ('runs' in item) {
      const runs: ParagraphChild[] = item.runs.map((r) => (r.note !== undefined ? new FootnoteReferenceRun(r.note)
        : r.link ? new ExternalHyperlink({ link: r.link, children: [new TextRun({ text: r.text ?? '', style: 'Hyperlink' })] })
        : r.inserted ? new InsertedTextRun({ text: r.text ?? '', id: 1, author: 'Văn phòng', date: '2026-01-01T00:00:00Z' })
          : r.deleted ? new DeletedTextRun({ text: r.text ?? '', id: 2, author: 'Văn phòng', date: '2026-01-01T00:00:00Z' })
            : new TextRun({ text: r.text ?? '', bold: r.bold ?? false, italics: r.italic ?? false, ...(r.br ? { break: 1 } : {}) })));
      children.push(new Paragraph({ children: runs }));
    } else children.push(p(item.text, item));
  }
  const recipients = spec.recipients ? [p('Nơi nhận:', { bold: true, italic: true }), ...spec.recipients.map((r) => p(`- ${r}`))] : [];
  const signer = (spec.signer ?? []).map((s, i) => p(s, { bold: i !== 2, center: true }));
  if (spec.ending === 'stacked') children.push(...signer, ...recipients);
  else if (recipients.length || signer.length) children.push(twoColumns(recipients.length ? recipients : [p('')], signer.length ? signer : [p('')]));
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'roman', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }] },
        {
          reference: 'decimal',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'letter', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.LEFT }] },
      ],
    },
    footnotes: Object.fromEntries(Object.entries(spec.footnotes ?? {}).map(([n, text]) => [n, { children: [p(text)] }])),
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
