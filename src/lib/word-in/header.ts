// The parts of an administrative document around its body (Nghị định 30/2020/NĐ-CP): the header
// block (a two-column table, or the same lines stacked), the title line with the kind of document
// and its abstract, "Kính gửi", and at the end "Nơi nhận" and the signature block (again a table or
// stacked lines). Each line is recognised by its own wording, wherever the layout puts it; a line
// of the header or ending that matches nothing is returned in `unplaced`, never dropped.
import type { Block, Paragraph } from './read.ts';

/** The kinds a title line names, with the site's `docType` where it has one. */
export const KINDS: { words: RegExp; label: string }[] = [
  { words: /^KẾ HOẠCH$/, label: 'Kế hoạch' },
  { words: /^HƯỚNG DẪN$/, label: 'Hướng dẫn' },
  { words: /^ĐỀ CƯƠNG( BÁO CÁO| HƯỚNG DẪN)?$/, label: 'Đề cương' },
  { words: /^BÁO CÁO$/, label: 'Báo cáo' },
  { words: /^QUYẾT ĐỊNH$/, label: 'Quyết định' },
  { words: /^THÔNG BÁO$/, label: 'Thông báo' },
  { words: /^CHƯƠNG TRÌNH$/, label: 'Chương trình' },
  { words: /^NGHỊ QUYẾT$/, label: 'Nghị quyết' },
  { words: /^CHỈ THỊ$/, label: 'Chỉ thị' },
  { words: /^TỜ TRÌNH$/, label: 'Tờ trình' },
  { words: /^CÔNG VĂN$/, label: 'Công văn' },
];

export interface HeaderFields {
  parentBody?: string;
  issuingBody?: string;
  /** "Số: 12/KH-LĐLĐ" → "12/KH-LĐLĐ"; absent when the line is blank dots. */
  number?: string;
  place?: string;
  /** YYYY-MM-DD when the line gives day, month and year in figures. */
  issueDate?: string;
  /** The place-and-date line as printed. */
  placeDateLine?: string;
  motto: boolean;
  /** "V/v …" of a memo. */
  subject?: string;
  draft: boolean;
}

export interface Signer {
  onBehalf?: string;
  position?: string;
  name?: string;
  signedMark?: string;
}

export interface Recipient {
  text: string;
  mark?: 'Báo cáo';
}

export interface Parts {
  header: HeaderFields;
  /** The kind line as printed ("KẾ HOẠCH") and its label ("Kế hoạch"); absent for a memo without one. */
  kind?: { line: string; label: string };
  /** The lines under the kind line (trích yếu), as printed. */
  abstract: string[];
  /** "Kính gửi" lines, as printed, kept in the body as the site's memos do. */
  addressees: string[];
  body: Block[];
  recipients: Recipient[];
  signer: Signer;
  /** Lines of the header or the ending that matched nothing: reported, and kept in the body. */
  unplaced: string[];
  /** Decoration left out (rules of dashes, "oOo"), for the report. */
  decoration: string[];
}

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
const MOTTO_1 = /^CỘNG HO?[ÀÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM$/;
const MOTTO_2 = /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/i;
const NUMBER = /^Số\s*:\s*(.*)$/;
const SUBJECT = /^V\/v[:.]?\s*(.+)$/i;
const PLACE_DATE = /^(.+?),\s*ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\S+?)\.?$/;
const DECORATION = /^[\s\-_–—=*.~]*(o\s*O\s*o)?[\s\-_–—=*.~]*$/;
const DOTS = /^[.…\s]*$/;
const DRAFT = /^\(?DỰ THẢO\)?$/i;
const ON_BEHALF = /^(TM|KT|TL|TUQ|Q|TQ)\.\s*\S/;
const SIGNED = /^\(?(đã ký|Đã ký|ĐÃ KÝ|Ký tên[^)]*|ký, ghi rõ họ tên[^)]*|đã ký và đóng dấu)\)?$/i;
const RECIPIENTS = /^Nơi nhận\s*:?\s*(.*)$/i;
const KINH_GUI = /^Kính gửi\s*:?/;

function isUpper(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

function placeDate(line: string): Pick<HeaderFields, 'place' | 'issueDate' | 'placeDateLine'> | undefined {
  const m = PLACE_DATE.exec(line);
  if (!m) return undefined;
  const [d, mo, y] = [m[2]!, m[3]!, m[4]!].map((s) => s.replace(/[^\d]/g, ''));
  const valid = d && mo && y && y.length === 4 && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31;
  return { place: clean(m[1]!), placeDateLine: line, ...(valid ? { issueDate: `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}` } : {}) };
}

const paragraphsOf = (block: Block): Paragraph[] => (block.kind === 'p' ? [block] : block.rows.flat(2));

/** The header lines: a leading table of two columns, or the stacked lines before the title. */
function headerLines(blocks: Block[]): { lines: Paragraph[]; rest: Block[] } {
  const first = blocks.findIndex((b) => b.kind === 'table' || b.text.trim() !== '');
  const lead = blocks[first];
  const isHeaderLine = (t: string) => MOTTO_1.test(t) || MOTTO_2.test(t) || NUMBER.test(t) || !!PLACE_DATE.exec(t) || SUBJECT.test(t) || DECORATION.test(t) || DRAFT.test(t);
  if (lead?.kind === 'table' && lead.rows.length <= 3 && paragraphsOf(lead).some((p) => isHeaderLine(clean(p.text)))) {
    // Column by column (left: bodies, number, subject; right: motto, place and date), as read.
    const columns: Paragraph[] = [];
    const width = Math.max(...lead.rows.map((r) => r.length));
    for (let c = 0; c < width; c++) for (const row of lead.rows) columns.push(...(row[c] ?? []));
    const after = blocks.slice(first + 1);
    // A number or place line stacked right under the table still belongs to the header.
    let k = 0;
    while (k < after.length && after[k]!.kind === 'p' && (clean((after[k] as Paragraph).text) === '' || isHeaderLine(clean((after[k] as Paragraph).text)))) k++;
    return { lines: [...columns, ...(after.slice(0, k) as Paragraph[])], rest: after.slice(k) };
  }
  // Stacked: everything before the title line, or before the first line that reads as body text.
  const lines: Paragraph[] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'p') break;
    const t = clean(b.text);
    if (KINDS.some((k) => k.words.test(t)) || KINH_GUI.test(t)) break;
    if (t !== '' && !isHeaderLine(t) && !isUpper(t)) break;
    lines.push(b);
  }
  // Nothing that looks like a header (no motto, no number, no date): the body starts at once.
  if (!lines.some((p) => isHeaderLine(clean(p.text)) && !DECORATION.test(clean(p.text)))) return { lines: [], rest: blocks };
  return { lines, rest: blocks.slice(i) };
}

function readHeader(lines: Paragraph[], unplaced: string[], decoration: string[]): HeaderFields {
  const header: HeaderFields = { motto: false, draft: false };
  const bodies: Paragraph[] = [];
  for (const p of lines) {
    const t = clean(p.text);
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if (MOTTO_1.test(t) || MOTTO_2.test(t)) header.motto = true;
    else if ((m = NUMBER.exec(t))) { if (!DOTS.test(m[1]!)) header.number = clean(m[1]!); }
    else if ((m = SUBJECT.exec(t))) header.subject = header.subject ? `${header.subject} ${clean(m[1]!)}` : clean(m[1]!);
    else if (placeDate(t)) Object.assign(header, placeDate(t));
    else if (DRAFT.test(t)) header.draft = true;
    else if (DECORATION.test(t)) decoration.push(t);
    else if (isUpper(t)) bodies.push(p);
    else if (header.subject && !header.placeDateLine) header.subject += ` ${t}`; // the subject runs on
    else unplaced.push(t);
  }
  // Parent body above the issuing one; the issuing body is the bold one (Nghị định 30: in đậm).
  if (bodies.length === 1) header.issuingBody = clean(bodies[0]!.text);
  else if (bodies.length >= 2) {
    const firstBold = bodies.findIndex((b) => b.bold);
    const split = firstBold > 0 ? firstBold : 1;
    header.parentBody = bodies.slice(0, split).map((b) => clean(b.text)).join(' ');
    header.issuingBody = bodies.slice(split).map((b) => clean(b.text)).join(' ');
  }
  return header;
}

/** The ending: "Nơi nhận" and the signature block, from a trailing table or the last lines. */
function readEnding(blocks: Block[], unplaced: string[]): { body: Block[]; recipients: Recipient[]; signer: Signer } {
  const recipients: Recipient[] = [];
  const signer: Signer = {};
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.kind === 'p' && clean((blocks[end - 1] as Paragraph).text) === '') end--;
  const tail: Paragraph[] = [];
  const last = blocks[end - 1];
  const ending = (p: Paragraph) => {
    const t = clean(p.text);
    return RECIPIENTS.test(t) || ON_BEHALF.test(t) || SIGNED.test(t);
  };
  if (last?.kind === 'table' && paragraphsOf(last).some(ending)) {
    const width = Math.max(...last.rows.map((r) => r.length));
    for (let c = 0; c < width; c++) for (const row of last.rows) tail.push(...(row[c] ?? []));
    end -= 1;
  } else {
    // Stacked: from "Nơi nhận" or the signature's first line (TM./KT./TL.), whichever comes first.
    let start = end;
    for (let i = end - 1; i >= 0 && i >= end - 40; i--) {
      const b = blocks[i]!;
      if (b.kind !== 'p') break;
      const t = clean(b.text);
      if (RECIPIENTS.test(t) || ON_BEHALF.test(t)) start = i;
    }
    // A signature without TM./KT.: the last lines from a position in capitals down to the name.
    if (start === end) {
      for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
        const b = blocks[i]!;
        if (b.kind === 'p' && SIGNED.test(clean(b.text))) start = Math.max(0, i - 1);
      }
    }
    tail.push(...(blocks.slice(start, end) as Paragraph[]));
    end = start;
  }
  let inRecipients = false;
  const sig: string[] = [];
  for (const p of tail) {
    for (const raw of p.text.split('\n')) {
      const t = clean(raw);
      if (t === '') continue;
      const r = RECIPIENTS.exec(t);
      if (r) {
        inRecipients = true;
        if (r[1]) recipients.push(recipient(r[1]));
        continue;
      }
      if (inRecipients && /^[-–+•]/.test(t)) {
        recipients.push(recipient(t.replace(/^[-–+•]\s*/, '')));
        continue;
      }
      inRecipients = false;
      sig.push(t);
    }
  }
  for (const t of sig) {
    if (ON_BEHALF.test(t) && !signer.onBehalf) signer.onBehalf = t;
    else if (SIGNED.test(t) && !signer.signedMark) signer.signedMark = t;
    else if (isUpper(t) && signer.onBehalf && !signer.position && !signer.signedMark) signer.position = t;
    else if (isUpper(t) && !signer.position && !signer.onBehalf) signer.position = t;
    else if (!signer.name && (isUpper(t) || signer.signedMark || signer.position)) signer.name = t;
    else unplaced.push(t);
  }
  return { body: blocks.slice(0, end), recipients, signer };
}

function recipient(text: string): Recipient {
  const m = /^(.*?)\s*\((?:để\s*)?(?:b\/c|báo cáo)\)\s*;?$/i.exec(text);
  return m ? { text: m[1]!, mark: 'Báo cáo' } : { text };
}

/** Splits the document into its header, title, addressees, body and ending. */
export function splitParts(blocks: Block[]): Parts {
  const unplaced: string[] = [];
  const decoration: string[] = [];
  const { lines, rest } = headerLines(blocks);
  const header = readHeader(lines, unplaced, decoration);
  let i = 0;
  while (i < rest.length && rest[i]!.kind === 'p' && clean((rest[i] as Paragraph).text) === '') i++;
  let kind: Parts['kind'];
  const abstract: string[] = [];
  const first = rest[i];
  if (first?.kind === 'p') {
    const t = clean(first.text);
    const found = KINDS.find((k) => k.words.test(t));
    if (found) {
      kind = { line: t, label: found.label };
      i++;
      // The abstract: the centred (or bold) lines right under the kind line.
      while (i < rest.length && rest[i]!.kind === 'p') {
        const p = rest[i] as Paragraph;
        const pt = clean(p.text);
        if (pt === '') { i++; if (abstract.length > 0) break; continue; }
        // A sentence (ending in a full stop) under the title is a note or the text, not the abstract.
        if (!(p.center || p.bold) || KINH_GUI.test(pt) || DECORATION.test(pt) || (abstract.length > 0 && /[.;:!?]$/.test(pt))) break;
        abstract.push(pt);
        i++;
      }
    }
  }
  while (i < rest.length && rest[i]!.kind === 'p' && DECORATION.test(clean((rest[i] as Paragraph).text))) {
    const t = clean((rest[i] as Paragraph).text);
    if (t) decoration.push(t);
    i++;
  }
  const addressees: string[] = [];
  const afterTitle = rest.slice(i);
  let j = 0;
  while (j < afterTitle.length && afterTitle[j]!.kind === 'p' && clean((afterTitle[j] as Paragraph).text) === '') j++;
  if (afterTitle[j]?.kind === 'p' && KINH_GUI.test(clean((afterTitle[j] as Paragraph).text))) {
    for (const line of (afterTitle[j] as Paragraph).text.split('\n')) if (clean(line)) addressees.push(clean(line));
    j++;
    for (; j < afterTitle.length; j++) {
      const b = afterTitle[j]!;
      const t = b.kind === 'p' ? clean(b.text) : '';
      if (b.kind !== 'p') break;
      if (t === '') continue;
      if (DOTS.test(t) || /^[-–+•]\s/.test(t) || (/;$/.test(t) && t.length < 150)) addressees.push(t);
      else break;
    }
  } else j = 0;
  const ending = readEnding(afterTitle.slice(addressees.length ? j : 0), unplaced);
  return { header, ...(kind ? { kind } : {}), abstract, addressees, body: ending.body, recipients: ending.recipients, signer: ending.signer, unplaced, decoration };
}
