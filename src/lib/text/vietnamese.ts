// Vietnamese text folding: the one place that decides how "Công Đoàn", "cong doan"
// and "CÔNG ĐOÀN" become the same key (slugs, anchors, search).

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, no tone or vowel marks, đ → d. NFC and NFD input fold alike. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ\u00D0]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** ASCII slug for URLs and heading anchors: "I. MỤC ĐÍCH, YÊU CẦU" → "i-muc-dich-yeu-cau". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slugs that stay unique within one page: the second "1-hinh-thuc" becomes "1-hinh-thuc-2". */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base = slugify(text) || 'muc';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}

/** "PHÓ CHỦ TỊCH THƯỜNG TRỰC" → "Phó chủ tịch thường trực": a title written in capitals, read in normal case. */
export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return upperFirst(lower);
}

/** "NÔNG VĂN DŨNG" → "Nông Văn Dũng": every word of a person's name starts with a capital. */
export function nameCase(text: string): string {
  return text.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));
}

/** The first letter in capitals, the rest as written ("nâng cao…" → "Nâng cao…"). */
export function upperFirst(text: string): string {
  return text.replace(/^(\P{L}*)(\p{L})/u, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));
}
