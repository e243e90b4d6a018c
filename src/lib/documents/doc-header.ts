// The header block a Vietnamese administrative document opens with (Nghị định 30/2020/NĐ-CP,
// and the trade-union variant that puts the parent body above the issuing one): issuing body on
// the left, national motto on the right, then number/symbol and place/date. The published sources
// carry no header block; where they give no number or date the line is left blank with dots, as
// a template would, and the page says so in an editor's note.
// The bodies and the place come from the edition (organisation.parentBody, name, place).
import { isPartialDate, parsePartialDate } from './dates.ts';

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'] as const;

/** Who issues, and where: the edition's organisation. */
export interface Issuer {
  /** The parent body, as written ("Tổng Liên đoàn Lao động Việt Nam"); printed in capitals. */
  parentBody: string;
  /** The issuing organisation, as written; printed in capitals. */
  name: string;
  /** The place of the "…, ngày … tháng … năm …" line. */
  place: string;
}

const BLANK = '……';

/** A body's name as printed: `tail`, its place or country, is kept on one line. */
export interface BodyLine {
  head: string;
  tail: string;
}

export interface DocHeader {
  parentBody: string;
  issuingBody: string;
  /** The two bodies split for printing: a narrow column must not break a place name in two. */
  parentBodyLine: BodyLine;
  issuingBodyLine: BodyLine;
  /** Null when the issued document prints none (a document imported from Word records whether it does). */
  motto: readonly [string, string] | null;
  /** "Số: 12/KH-LĐLĐ" or "Số: ……" when the source has none. */
  numberLine: string;
  /** "<place>, ngày 05 tháng 8 năm 2025", blanks where the source has none. */
  placeDateLine: string;
  /** What the source leaves blank, for the editor's note (empty when nothing is). */
  blanks: ('số, ký hiệu' | 'ngày ban hành')[];
}

/** Day and month under 10 written with a leading zero, as in "ngày 05 tháng 01 năm 2026"; month 3–12 plain. */
function placeDate(place: string, issueDate: string | undefined): string {
  const parsed = issueDate ? parsePartialDate(issueDate) : undefined;
  if (!parsed || !isPartialDate(parsed)) return `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const date = parsed;
  const day = date.day ? String(date.day).padStart(2, '0') : BLANK;
  const month = date.month < 3 ? String(date.month).padStart(2, '0') : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/**
 * Splits a name in capitals so that its place is printed whole: the edition's place when the name
 * ends with it, otherwise its last two words (Vietnamese place names have two syllables or more).
 */
export function keepPlaceTogether(name: string, place = ''): BodyLine {
  const upperPlace = place.toLocaleUpperCase('vi');
  if (upperPlace && name.endsWith(` ${upperPlace}`)) return { head: name.slice(0, -upperPlace.length), tail: upperPlace };
  const words = name.split(' ');
  if (words.length <= 2) return { head: '', tail: name };
  return { head: `${words.slice(0, -2).join(' ')} `, tail: words.slice(-2).join(' ') };
}

export function docHeader(doc: { number?: string | undefined; issueDate?: string | undefined; header?: { motto?: boolean } | undefined }, issuer: Issuer): DocHeader {
  const blanks: DocHeader['blanks'] = [];
  if (!doc.number) blanks.push('số, ký hiệu');
  if (!doc.issueDate) blanks.push('ngày ban hành');
  return {
    parentBody: issuer.parentBody.toLocaleUpperCase('vi'),
    issuingBody: issuer.name.toLocaleUpperCase('vi'),
    parentBodyLine: keepPlaceTogether(issuer.parentBody.toLocaleUpperCase('vi')),
    issuingBodyLine: keepPlaceTogether(issuer.name.toLocaleUpperCase('vi'), issuer.place),
    motto: doc.header?.motto === false ? null : NATIONAL_MOTTO,
    numberLine: `Số: ${doc.number ?? BLANK}`,
    placeDateLine: placeDate(issuer.place, doc.issueDate),
    blanks,
  };
}
