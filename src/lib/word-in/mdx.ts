// Writes an imported document the way the committed ones are written (README, "Thêm hoặc sửa một
// văn bản"): the title block as `<div className="doc-heading">`, "Kính gửi" as
// `<p className="kinh-gui">`, section headings as Markdown headings (`## I. …`, `### 1. …`,
// `#### a) …`; one level lower under "PHẦN …"), a numbered paragraph that is not a heading as
// `1\. …`, typed "-" and "+" items as list items with their own marker, bold and italic, tables
// and footnotes as plain HTML elements (MDX reads them under either Markdown processor), and every
// character MDX or Markdown would read as syntax escaped. Beside it, the source text
// (content/nguon/<mã>.txt): the body's lines as Word shows them, for the fidelity check.
import type { Block, Paragraph, Span, WordBody } from './read.ts';
import type { Parts } from './header.ts';
import { slugify } from '../text/vietnamese.ts';

const clean = (s: string) => s.replace(/[\t\u00a0 ]+/g, ' ').replace(/ *\n */g, '\n').trim();

/** Characters Markdown or MDX reads as syntax anywhere in a line. */
export function escapeMdx(text: string): string {
  return text.replace(/[\\`*_{}[\]<>&~|#]/g, (c) => `\\${c}`);
}

/** A line start that Markdown would read as a list, heading, quote or rule is escaped. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3')
    .replace(/^([-+])(\s|$)/, '\\$1$2')
    .replace(/^(=+|-+)$/, (m) => m.split('').map((c) => `\\${c}`).join(''));
}

function inline(spans: Span[], { plain = false } = {}): string {
  let out = '';
  for (const s of spans) {
    if (s.note !== undefined) {
      out += `<sup className="footnote-ref"><a href="#chu-thich-${s.note}" id="tham-chieu-${s.note}">${s.note}</a></sup>`;
      continue;
    }
    const parts = s.text.split('\n');
    const pieces = parts.map((part) => {
      const text = escapeMdx(part.replace(/[\t\u00a0]/g, ' ').replace(/ {2,}/g, ' '));
      if (plain || !(s.bold || s.italic) || text.trim() === '') return text;
      const mark = s.bold && s.italic ? '***' : s.bold ? '**' : '*';
      const lead = /^\s*/.exec(text)![0];
      const trail = /\s*$/.exec(text)![0];
      return `${lead}${mark}${text.trim()}${mark}${trail}`;
    });
    const joined = pieces.join('<br />');
    // A link keeps its address: <…> around it, so spaces and brackets in it need no escaping.
    out += s.href && !plain && joined.trim() ? `[${joined}](<${s.href.replace(/[<>\s]/g, encodeURIComponent)}>)` : joined;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

export type HeadingLevel = 2 | 3 | 4 | 5;

const ROMAN_HEAD = /^([IVXLC]+)\.\s+\S/;
const NUMBER_HEAD = /^(\d+)\.\s+\S/;
const LETTER_HEAD = /^([a-zđ])\)\s+\S/;
const PART_HEAD = /^PHẦN\b/;
const HEADING_STYLE = /^(heading|tiêu đề|title)\s*\d?/i;

/**
 * The project's heading rules: "PHẦN …" is a heading; "I." in capitals is a heading; "1." and
 * "a)" are headings when the whole paragraph is bold or has a Word heading style, otherwise they
 * are numbered paragraphs (the plan's "1. Đánh giá đúng thực trạng …" is a paragraph).
 */
export function headingOf(p: Paragraph, hasParts: boolean): { level: HeadingLevel } | null {
  const t = clean(p.text);
  if (t === '' || t.length > 300) return null;
  const base = hasParts ? 3 : 2;
  const marked = p.bold || (p.style !== null && HEADING_STYLE.test(p.style));
  if (PART_HEAD.test(t) && (marked || t === t.toLocaleUpperCase('vi'))) return { level: 2 };
  if (ROMAN_HEAD.test(t) && (marked || t === t.toLocaleUpperCase('vi'))) return { level: base as HeadingLevel };
  if (NUMBER_HEAD.test(t) && marked) return { level: (base + 1) as HeadingLevel };
  if (LETTER_HEAD.test(t) && marked) return { level: (base + 2) as HeadingLevel };
  return null;
}

export interface MdxBody {
  body: string;
  /** The source text, one line per paragraph as Word shows it. */
  sourceLines: string[];
  /** Headings' anchors, in order, for the schedule draft. */
  headings: { slug: string; index: number }[];
  /** Each paragraph's plain text with the anchor of the heading above it, for the schedule draft. */
  paragraphs: { text: string; anchor: string | null }[];
}

function cellHtml(paragraphs: Paragraph[], plain = false): string {
  return paragraphs.map((p) => inline(p.spans, { plain })).filter((t) => t !== '').join('<br />');
}

function tableMdx(rows: Paragraph[][][]): string {
  const headRow = rows.length > 1 && rows[0]!.every((cell) => cell.every((p) => clean(p.text) === '' || p.bold));
  const row = (cells: Paragraph[][], tag: 'td' | 'th') => `<tr>${cells.map((c) => `<${tag}>${cellHtml(c, tag === 'th')}</${tag}>`).join('')}</tr>`;
  const lines = ['<table className="bang-van-ban">'];
  if (headRow) lines.push(`<thead>${row(rows[0]!, 'th')}</thead>`);
  lines.push('<tbody>');
  for (const r of rows.slice(headRow ? 1 : 0)) lines.push(row(r, 'td'));
  lines.push('</tbody>', '</table>');
  return lines.join('\n');
}

/** The body blocks as MDX, with the source lines they come from. */
export function bodyMdx(parts: Parts, notes: WordBody['notes']): MdxBody {
  const out: string[] = [];
  const sourceLines: string[] = [];
  const headings: MdxBody['headings'] = [];
  const paragraphs: MdxBody['paragraphs'] = [];
  let anchor: string | null = null;
  if (parts.kind) {
    out.push(['<div className="doc-heading">', `  <p className="kind">${escapeMdx(parts.kind.line)}</p>`, ...parts.abstract.map((a) => `  <p>${escapeMdx(a)}</p>`), '</div>'].join('\n'));
    sourceLines.push(parts.kind.line, ...parts.abstract);
  }
  for (const a of parts.addressees) {
    out.push(`<p className="kinh-gui">${escapeMdx(a)}</p>`);
    sourceLines.push(a);
  }
  const hasParts = parts.body.some((b) => b.kind === 'p' && PART_HEAD.test(clean(b.text)) && headingOf(b, true)?.level === 2);
  let list: '-' | '+' | null = null;
  for (let i = 0; i < parts.body.length; i++) {
    const b: Block = parts.body[i]!;
    if (b.kind === 'table') {
      out.push(tableMdx(b.rows));
      for (const r of b.rows) for (const c of r) for (const p of c) if (clean(p.text)) sourceLines.push(clean(p.text).replace(/\n/g, ' '));
      list = null;
      continue;
    }
    const text = clean(b.text);
    if (text === '') continue;
    const heading = headingOf(b, hasParts);
    if (heading) {
      let line = inline(b.spans, { plain: true });
      const source = [text.replace(/\n/g, ' ')];
      // "PHẦN THỨ NHẤT" and the centred lines under it are one heading, as the outline prints it.
      if (heading.level === 2 && PART_HEAD.test(text)) {
        const [head, ...subs] = line.split('<br />');
        line = [head, ...subs.map((s) => `<span className="heading-sub">${s.trim()}</span>`)].join(' ');
        while (i + 1 < parts.body.length) {
          const n = parts.body[i + 1]!;
          if (n.kind !== 'p' || !n.center || headingOf(n, hasParts) || clean(n.text) === '') {
            if (n.kind === 'p' && clean(n.text) === '' && i + 2 < parts.body.length && (parts.body[i + 2] as Paragraph).center && !headingOf(parts.body[i + 2] as Paragraph, hasParts)) { i++; continue; }
            break;
          }
          line += ` <span className="heading-sub">${inline(n.spans, { plain: true })}</span>`;
          source.push(clean(n.text).replace(/\n/g, ' '));
          i++;
        }
      } else line = line.replace(/<br \/>/g, ' <br /> ');
      anchor = slugify(source.join(' '));
      headings.push({ slug: anchor, index: out.length });
      out.push(`${'#'.repeat(heading.level)} ${line.replace(/ {2,}/g, ' ')}`);
      sourceLines.push(...source);
      list = null;
      continue;
    }
    const marker = /^([-+•])\s+/.exec(text);
    if (marker) {
      const sign = marker[1] === '+' ? '+' : '-';
      const content = inline(trimLead(b.spans, marker[0].length));
      // A "+" item under "-" items is nested, as the plan writes its sub-points.
      const indent = sign === '+' && list === '-' ? '  ' : '';
      if (list !== null && !(sign === '+' && list === '-') && sign !== list && indent === '') out.push('');
      out.push(`${indent}${sign} ${content}`);
      if (indent === '') list = sign;
      sourceLines.push(`${sign} ${clean(text.slice(marker[0].length)).replace(/\n/g, ' ')}`);
    } else {
      list = null;
      out.push(escapeLineStart(inline(b.spans)));
      sourceLines.push(text.replace(/\n/g, ' '));
    }
    paragraphs.push({ text: text.replace(/\n/g, ' '), anchor });
  }
  if (notes.size > 0) {
    const items: string[] = [];
    for (const [n, paras] of notes) {
      items.push(`<li id="chu-thich-${n}">${paras.map((p) => inline(p.spans)).filter(Boolean).join('<br />')}</li>`);
      for (const p of paras) if (clean(p.text)) sourceLines.push(clean(p.text).replace(/\n/g, ' '));
    }
    out.push(['<section className="footnotes" aria-label="Chú thích">', '<ol>', ...items, '</ol>', '</section>'].join('\n'));
  }
  // Blocks are separated by a blank line, except the items of one list ('' ends a list).
  const joined: string[] = [];
  let prevItem = false;
  for (const block of out) {
    if (block === '') { prevItem = false; continue; }
    const item = /^\s*[-+] /.test(block);
    if (joined.length > 0 && !(item && prevItem)) joined.push('');
    joined.push(block);
    prevItem = item;
  }
  return { body: `${joined.join('\n')}\n`, sourceLines, headings, paragraphs };
}

/** Drops the first `n` characters of the text (a typed marker) from the spans. */
function trimLead(spans: Span[], n: number): Span[] {
  const out: Span[] = [];
  let left = n;
  for (const s of spans) {
    if (left > 0 && s.note === undefined) {
      const cut = Math.min(left, s.text.length);
      left -= cut;
      if (s.text.length > cut) out.push({ ...s, text: s.text.slice(cut) });
    } else out.push(s);
  }
  return out;
}
