// The header block a Vietnamese administrative document opens with (Nghị định 30/2020/NĐ-CP,
// and the trade-union variant that puts the parent body above the issuing one): issuing body on
// the left, national motto on the right, then number/symbol and place/date. The published sources
// carry no header block; where they give no number or date the line is left blank with dots, as
// a template would, and the page says so in an editor's note.
import { isPartialDate, parsePartialDate } from './dates';

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'] as const;

/** The union system's parent body for a provincial federation. */
export const PARENT_BODY = 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM';
export const ISSUING_BODY = 'LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI';
export const PLACE = 'Đồng Nai';

const BLANK = '……';

export interface DocHeader {
  parentBody: string;
  issuingBody: string;
  motto: readonly [string, string];
  /** "Số: 12/KH-LĐLĐ" or "Số: ……" when the source has none. */
  numberLine: string;
  /** "Đồng Nai, ngày 05 tháng 8 năm 2020", blanks where the source has none. */
  placeDateLine: string;
  /** What the source leaves blank, for the editor's note (empty when nothing is). */
  blanks: ('số, ký hiệu' | 'ngày ban hành')[];
}

/** Day and month under 10 written with a leading zero, as in "ngày 05 tháng 01 năm 2021"; month 3–12 plain. */
function placeDate(issueDate: string | undefined): string {
  const parsed = issueDate ? parsePartialDate(issueDate) : undefined;
  if (!parsed || !isPartialDate(parsed)) return `${PLACE}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const date = parsed;
  const day = date.day ? String(date.day).padStart(2, '0') : BLANK;
  const month = date.month < 3 ? String(date.month).padStart(2, '0') : String(date.month);
  return `${PLACE}, ngày ${day} tháng ${month} năm ${date.year}`;
}

export function docHeader(doc: { number?: string; issueDate?: string }): DocHeader {
  const blanks: DocHeader['blanks'] = [];
  if (!doc.number) blanks.push('số, ký hiệu');
  if (!doc.issueDate) blanks.push('ngày ban hành');
  return {
    parentBody: PARENT_BODY,
    issuingBody: ISSUING_BODY,
    motto: NATIONAL_MOTTO,
    numberLine: `Số: ${doc.number ?? BLANK}`,
    placeDateLine: placeDate(doc.issueDate),
    blanks,
  };
}
