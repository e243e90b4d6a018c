// Recognises citations of Vietnamese official documents in running text:
//   "Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 của …"   (state and union order: number/SYMBOL-ISSUER)
//   "Chỉ thị 05-CT/TW của Bộ Chính trị"                      (Party order: number-SYMBOL/ISSUER)
//   "Kế hoạch số 104-KH-TU ngày 22/5/2017"                    (hyphens only, as some documents print it)
// A document's identity is number + symbol + year: numbers restart every year.

export const citationTypes = [
  'Chương trình',
  'Kế hoạch',
  'Nghị quyết',
  'Chỉ thị',
  'Quyết định',
  'Hướng dẫn',
  'Thông báo',
  'Báo cáo',
  'Kết luận',
  'Công văn',
] as const;

export type CitationType = (typeof citationTypes)[number];

export interface Citation {
  /** Exact text from the type word through the symbol, e.g. "Chương trình số 2494/CTr-TLĐ". */
  text: string;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
  type: CitationType;
  /** "2494", "05", "4a" */
  number: string;
  /** Symbol with spaces removed, Ð → Đ, TƯ → TW: "CTr-TLĐ", "CT/TW", "KH-TU". */
  symbol: string;
  /** Number and symbol as one would cite them: "2494/CTr-TLĐ", "05-CT/TW". */
  label: string;
  /** Identity without the year, case-folded: "2494/CTR-TLĐ". */
  key: string;
  year?: number;
  /** Date as printed after "ngày": "19/12/2018", "9-10-2019", "15 tháng 5 năm 2016". */
  dateText?: string;
  /** The same date as yyyy-mm-dd. */
  date?: string;
  /** Issuing body as cited ("của …"), e.g. "Ban Chấp hành LĐLĐ tỉnh … (khóa …)". */
  issuer?: string;
}

const LETTERS = '[\\p{L}]';
const SEP = '\\s*[/-]\\s*';
const TYPE_WORDS = citationTypes.map((t) => t.replace(' ', '\\s+')).join('|');

// Type word (whole word), optional "số"/"Số:", number, then a symbol of 2–4 letter groups.
const CITATION = new RegExp(
  `(?<![\\p{L}\\d])(${TYPE_WORDS})\\s+(?:số\\s*:?\\s*)?(\\d{1,5}[a-z]?)(?:\\s*\\/\\s*((?:19|20)\\d{2}))?(${SEP}${LETTERS}{1,8}(?:${SEP}${LETTERS}{1,8}){1,3})(?![\\p{L}\\d])`,
  'giu',
);
const DATE_NUMERIC = /^\s*,?\s+ngày\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/iu;
const DATE_WORDS = /^\s*,?\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)/iu;
const ISSUER_START = /^\s+của\s+/iu;
/** Where an issuer's name ends: the subject ("về …"), a following clause, or punctuation. */
const ISSUER_END = /\s+(?:về|thực hiện|gắn với|triển khai|và|nhằm|xây dựng|theo|tại|đối với)\s|[;,.:)\]“"\n]|\s+\(/iu;
const TERM_IN_BRACKETS = /\((?:khóa|khoá)\s+[IVXLC]+\)/giu;

// Changing the case of Vietnamese needs no locale (special rules exist only for Turkish, Azeri and
// Lithuanian), and the locale-aware calls cost 0.3 s of a 10,000-document build.
const typeByLowerCase = new Map(citationTypes.map((t) => [t.toLowerCase(), t]));

function canonicalType(word: string): CitationType {
  const found = typeByLowerCase.get(word.replace(/\s+/g, ' ').toLowerCase());
  if (!found) throw new Error(`Loại văn bản không xác định: ${word}`);
  return found;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(day: number, month: number, year: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Symbol parts and separators, normalised: no spaces, Ð (U+00D0) → Đ, TƯ → TW. */
function normaliseSymbol(raw: string): { separator: string; symbol: string } {
  const compact = raw.replace(/\s+/g, '').replace(/\u00D0/g, 'Đ');
  const separator = compact[0] as string;
  const symbol = compact
    .slice(1)
    .split(/([/-])/)
    .map((part) => (/^tư$/iu.test(part) ? 'TW' : part))
    .join('');
  return { separator, symbol };
}

function readIssuer(rest: string): string | undefined {
  const start = ISSUER_START.exec(rest);
  if (!start) return undefined;
  const tail = rest.slice(start[0].length);
  // An issuer may carry its term in brackets ("(khóa …)"): hide those before looking for the end.
  const masked = tail.replace(TERM_IN_BRACKETS, (term) => 'x'.repeat(term.length));
  const end = ISSUER_END.exec(masked);
  const issuer = (end ? tail.slice(0, end.index) : tail).replace(/\s+/g, ' ').trim();
  return issuer === '' || issuer.split(' ').length > 14 ? undefined : issuer;
}

/** Every citation in `text`, in order. */
export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  // Every citation has a number; most text has none, and this test is far cheaper than CITATION.
  if (!/\d/.test(text)) return found;
  for (const match of text.matchAll(CITATION)) {
    const [whole, typeWord, number, yearInNumber, symbolRaw] = match as unknown as [string, string, string, string | undefined, string];
    const start = match.index ?? 0;
    const end = start + whole.length;
    const { separator, symbol } = normaliseSymbol(symbolRaw);
    // Party order puts a "/" after a hyphenated symbol ("05-CT/TW"); state order leads with "/".
    // Legal documents carry their year in the number: "15/2019/QĐ-TTg".
    const label = `${number}${yearInNumber ? `/${yearInNumber}` : ''}${separator}${symbol}`;
    const citation: Citation = {
      text: whole,
      start,
      end,
      type: canonicalType(typeWord),
      number,
      symbol,
      label,
      key: label.toUpperCase(),
    };
    if (yearInNumber) citation.year = Number(yearInNumber);
    let rest = text.slice(end);
    const numeric = DATE_NUMERIC.exec(rest);
    const words = numeric ? null : DATE_WORDS.exec(rest);
    // "ngày 19/12/2018" or "ngày 15 tháng 5 năm 2016": the same day, month and year either way.
    const date = numeric
      ? { all: numeric[0], d: numeric[1], m: numeric[3], y: numeric[4] }
      : words
        ? { all: words[0], d: words[1], m: words[2], y: words[3] }
        : null;
    const iso = date ? isoDate(Number(date.d), Number(date.m), Number(date.y)) : undefined;
    if (date && iso) {
      citation.dateText = date.all.replace(/^\s*,?\s+ngày\s+/iu, '');
      citation.date = iso;
      citation.year = Number(date.y);
      rest = rest.slice(date.all.length);
    }
    const issuer = readIssuer(rest);
    if (issuer) citation.issuer = issuer;
    found.push(citation);
  }
  return found;
}

export interface KnownDocument {
  id: string;
  number: string;
  symbol: string;
  year?: number;
}

export type Resolution = { status: 'resolved'; id: string } | { status: 'unresolved'; reason: string };

const symbolKey = (symbol: string) => normaliseSymbol(`/${symbol}`).symbol.toUpperCase();

/**
 * Finds the published document a citation means. With a date, number + symbol + year must match;
 * without one, the citation resolves only when exactly one known document has that number and symbol.
 */
export function resolveCitation(citation: Citation, known: KnownDocument[]): Resolution {
  const wanted = symbolKey(citation.symbol);
  const sameNumber = known.filter(
    (doc) => doc.number.toLowerCase() === citation.number.toLowerCase() && symbolKey(doc.symbol) === wanted,
  );
  if (citation.year !== undefined) {
    const exact = sameNumber.filter((doc) => doc.year === citation.year);
    if (exact.length === 1) return { status: 'resolved', id: (exact[0] as KnownDocument).id };
    if (exact.length > 1) return { status: 'unresolved', reason: `có ${exact.length} văn bản cùng số, ký hiệu và năm` };
    return { status: 'unresolved', reason: 'không có văn bản nào trên trang khớp số, ký hiệu và năm' };
  }
  if (sameNumber.length === 1) return { status: 'resolved', id: (sameNumber[0] as KnownDocument).id };
  if (sameNumber.length > 1) {
    return { status: 'unresolved', reason: `có ${sameNumber.length} văn bản cùng số, ký hiệu; cần ngày ban hành để phân biệt` };
  }
  return { status: 'unresolved', reason: 'không có văn bản nào trên trang khớp' };
}
