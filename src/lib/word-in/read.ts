// The body of a .docx through mammoth: the parts openDocx() read within bounds, packed stored,
// numbers written in (numbering.ts), then mammoth's document model (paragraphs with their style,
// alignment and runs; tables; footnotes) turned into the import's own blocks. mammoth's HTML is
// not used: the blocks keep what the MDX needs and HTML would lose or guess (bold runs, line
// breaks, which paragraph is centred, a footnote's number).
import mammoth from 'mammoth';
import { writeInNumbers } from './numbering.ts';
import { storedArchive, type OpenedDocx } from './open.ts';

/** A piece of a paragraph's text with its emphasis. `\n` is a line break inside the paragraph. */
export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A footnote reference: `text` is empty and the note's number is here. */
  note?: number;
  /** The address of a hyperlink the text is part of. */
  href?: string;
}

export interface Paragraph {
  kind: 'p';
  spans: Span[];
  /** The paragraph's text as Word shows it (numbers written in, notes left out). */
  text: string;
  style: string | null;
  center: boolean;
  /** Every letter of it is in bold runs. */
  bold: boolean;
  italic: boolean;
}

export interface Table {
  kind: 'table';
  rows: Paragraph[][][];
}

export type Block = Paragraph | Table;

export interface WordBody {
  blocks: Block[];
  /** Footnotes in order of reference: number → paragraphs. */
  notes: Map<number, Paragraph[]>;
  /** What mammoth met and did not keep (images, comments), for the report. */
  leftOut: string[];
  numbered: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- mammoth's document model has no published types */
type Node = any;

function paragraphOf(node: Node, ctx: { noteNumbers: Map<string, number>; leftOut: string[] }): Paragraph {
  const spans: Span[] = [];
  let href: string | undefined;
  const push = (text: string, run: Node) => {
    const bold = !!run?.isBold;
    const italic = !!run?.isItalic;
    const last = spans[spans.length - 1];
    if (last && last.note === undefined && last.bold === bold && last.italic === italic && last.href === href) last.text += text;
    else spans.push({ text, bold, italic, ...(href ? { href } : {}) });
  };
  const walk = (n: Node, run: Node) => {
    switch (n.type) {
      case 'text': push(run?.isAllCaps ? n.value.toLocaleUpperCase('vi') : n.value, run); break;
      case 'tab': push('\t', run); break;
      case 'break': if (n.breakType === 'line' || !n.breakType) push('\n', run); break;
      case 'run': for (const c of n.children) walk(c, n); break;
      case 'hyperlink': {
        // External addresses are kept as links; an anchor inside the document (a bookmark) keeps its text.
        const outer = href;
        if (typeof n.href === 'string' && /^(https?:|mailto:)/i.test(n.href)) href = n.href;
        for (const c of n.children) walk(c, run);
        href = outer;
        break;
      }
      case 'noteReference': {
        const key = `${n.noteType}-${n.noteId}`;
        if (!ctx.noteNumbers.has(key)) ctx.noteNumbers.set(key, ctx.noteNumbers.size + 1);
        spans.push({ text: '', bold: false, italic: false, note: ctx.noteNumbers.get(key)! });
        break;
      }
      case 'image': ctx.leftOut.push(`ảnh${n.altText ? ` "${n.altText}"` : ''}`); break;
      case 'commentReference': break;
      case 'checkbox': push(n.checked ? '☒' : '☐', run); break;
      default: if (Array.isArray(n.children)) for (const c of n.children) walk(c, run);
    }
  };
  for (const c of node.children) walk(c, null);
  const text = spans.map((s) => s.text).join('');
  const letters = spans.filter((s) => s.note === undefined && /\p{L}/u.test(s.text));
  return {
    kind: 'p',
    spans,
    text,
    style: node.styleName ?? node.styleId ?? null,
    center: node.alignment === 'center',
    bold: letters.length > 0 && letters.every((s) => s.bold),
    italic: letters.length > 0 && letters.every((s) => s.italic),
  };
}

function blocksOf(children: Node[], ctx: { noteNumbers: Map<string, number>; leftOut: string[] }): Block[] {
  const out: Block[] = [];
  for (const n of children) {
    if (n.type === 'paragraph') out.push(paragraphOf(n, ctx));
    else if (n.type === 'table') {
      const rows: Paragraph[][][] = [];
      for (const row of n.children) {
        if (row.type !== 'tableRow') continue;
        const cells: Paragraph[][] = [];
        for (const cell of row.children) {
          if (cell.type !== 'tableCell') continue;
          // A table in a cell is read as its paragraphs, in order: nothing is dropped.
          const inner = blocksOf(cell.children, ctx).flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flat(2)));
          cells.push(inner);
          for (let i = 1; i < (cell.colSpan ?? 1); i++) cells.push([]);
        }
        rows.push(cells);
      }
      out.push({ kind: 'table', rows });
    } else if (Array.isArray(n.children)) out.push(...blocksOf(n.children, ctx));
  }
  return out;
}

/** Reads the body through mammoth. The archive it gets holds only text parts, stored. */
export async function readBody(opened: OpenedDocx): Promise<WordBody> {
  const parts = new Map(opened.parts);
  const { xml, numbered } = writeInNumbers(parts.get('word/document.xml') ?? '', parts.get('word/numbering.xml'), parts.get('word/styles.xml'));
  parts.set('word/document.xml', xml);
  let documentNode: Node;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(storedArchive(parts)) },
    {
      transformDocument: (doc: Node) => {
        documentNode = doc;
        return doc;
      },
      // Images are not in the stored archive: never read them.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      includeDefaultStyleMap: true,
    } as any,
  );
  void result;
  const ctx = { noteNumbers: new Map<string, number>(), leftOut: [] as string[] };
  const blocks = blocksOf(documentNode.children, ctx);
  const notes = new Map<number, Paragraph[]>();
  for (const [key, number] of ctx.noteNumbers) {
    const [noteType, noteId] = [key.slice(0, key.indexOf('-')), key.slice(key.indexOf('-') + 1)];
    const note = documentNode.notes.resolve({ noteType, noteId });
    notes.set(number, note ? blocksOf(note.body, ctx).flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flat(2))) : []);
  }
  if (documentNode.comments?.length) ctx.leftOut.push(`${documentNode.comments.length} nhận xét (comment)`);
  return { blocks, notes, leftOut: ctx.leftOut, numbered };
}
