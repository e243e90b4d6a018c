// What the rules of the data files (content/so-lieu/: results, unit targets, indicators, receipts),
// of the content files (YAML, front matter, MDX), of the documents' fidelity check and calendar, and
// of the edition file say, written here once from their values; spread into MESSAGES (messages.ts).
// Kept in a file of its own so the data's wording is easy to find. Where one rule is worded in more
// than one place (a CSV cell, a YAML field, an .ics line), the values say which, and each wording
// is kept as the editors already read it.
import type { RuleId } from './rules.ts';

const count = (n: number) => n.toLocaleString('vi-VN');

/** A whole number's rules, for a results cell or (`target`) a count indicator's target in muc-tieu-don-vi.csv. */
interface NumberCell {
  target?: boolean;
}
const ofNumber = (v: NumberCell, text: string) => (v.target ? `mục tiêu của chỉ tiêu đếm: ${text}` : text);

const UTF8_HINT = 'trong Excel hãy chọn "Lưu thành" → "CSV UTF-8"';

// csv-parse's own messages are English; each error it can raise here is told in Vietnamese.
const CSV_ERRORS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'dấu ngoặc kép nằm giữa ô; ô có dấu ngoặc kép phải được bao trọn trong ngoặc kép, mỗi dấu ngoặc kép bên trong viết hai lần ("")',
  CSV_INVALID_CLOSING_QUOTE: 'sau dấu ngoặc kép đóng ô phải là dấu phân cách hoặc xuống dòng; dấu ngoặc kép bên trong ô phải viết hai lần ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'sau dấu ngoặc kép đóng ô phải là dấu phân cách hoặc xuống dòng; dấu ngoặc kép bên trong ô phải viết hai lần ("")',
  CSV_MAX_RECORD_SIZE: 'dòng quá dài',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'số ô của dòng khác dòng tiêu đề',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'số ô của dòng khác dòng tiêu đề',
};

/**
 * Where an unsafe character was found: a CSV cell (`char`: its position), a YAML or MDX text named
 * by `what` (with the MDX line's `excerpt`), or an .ics line.
 */
type UnsafeAt = { in: 'cell'; char: number } | { in: 'text'; what: string; excerpt?: string } | { in: 'ics'; char: number };
/** A form's cell (the form import and the check page), the character described in words. */
type FormCellUnsafe = { in: 'form'; description: string };
const formCellUnsafe = (v: FormCellUnsafe) => `ô chứa ${v.description}; hãy xoá ký tự đó (thường do dán từ phần mềm khác) rồi lưu lại`;
const excerptOf = (v: UnsafeAt) => ('excerpt' in v && v.excerpt !== undefined ? ` — đoạn "${v.excerpt}"` : '');

/** What is wrong with the edition's site address (`site.url`), by case. */
type SiteUrlProblem =
  | { siteUrl: 'not-url' | 'no-host' | 'credentials' }
  | { siteUrl: 'protocol'; protocol: string }
  | { siteUrl: 'path'; rest: string; hostname: string };

function siteUrlText(v: SiteUrlProblem): string {
  switch (v.siteUrl) {
    case 'not-url':
      return 'địa chỉ trang phải là một địa chỉ đầy đủ, bắt đầu bằng https:// (ví dụ "https://soket.congdoan.vn")';
    case 'protocol':
      return `địa chỉ trang phải bắt đầu bằng https:// hoặc http://, không phải "${v.protocol}"`;
    case 'no-host':
      return 'địa chỉ trang phải có tên miền (ví dụ "https://soket.congdoan.vn")';
    case 'credentials':
      return 'địa chỉ trang không được chứa tên đăng nhập hay mật khẩu';
    case 'path':
      return `địa chỉ trang chỉ gồm giao thức và tên miền, không có đường dẫn ("${v.rest}"): mọi liên kết của trang bắt đầu từ gốc tên miền, nên trang phải đặt ở gốc (ví dụ một tên miền con "https://soket.${v.hostname}")`;
  }
}

/** The `yaml` package's error codes, explained in Vietnamese (its English messages are never shown). */
const YAML_ERRORS: Record<string, string | ((maxDepth: number) => string)> = {
  ALIAS_PROPS: 'bí danh (*tên) không được mang thẻ hay neo',
  BAD_ALIAS: 'bí danh hoặc neo (*tên, &tên) không hợp lệ',
  BAD_DIRECTIVE: 'chỉ thị YAML (dòng bắt đầu bằng %) không hợp lệ',
  BAD_DQ_ESCAPE: 'chuỗi trong ngoặc kép có dãy thoát (dấu \\) không hợp lệ',
  BAD_INDENT: 'thụt lề không đúng: các trường cùng cấp phải thẳng cột',
  BAD_PROP_ORDER: 'neo hoặc thẻ đặt sai chỗ',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này (như @, ` hoặc %); hãy đặt giá trị trong ngoặc kép',
  BLOCK_AS_IMPLICIT_KEY: 'khoá (tên trường) không được là một khối nhiều dòng',
  BLOCK_IN_FLOW: 'không được đặt khối nhiều dòng bên trong [ ] hoặc { }',
  DUPLICATE_KEY: 'trường bị lặp lại',
  IMPOSSIBLE: 'cấu trúc YAML không đọc được',
  KEY_OVER_1024_CHARS: 'tên trường dài quá 1.024 ký tự (có thể thiếu dấu : sau tên trường)',
  MISSING_CHAR: 'thiếu ký tự đóng (ngoặc kép, ] hoặc }) hoặc thiếu dấu :',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được xuống dòng (có thể thiếu dấu : hoặc thụt lề sai ở dòng trên)',
  MULTIPLE_ANCHORS: 'một giá trị chỉ được có một neo (&tên)',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML (có thêm một dòng --- hoặc ...)',
  MULTIPLE_TAGS: 'một giá trị chỉ được có một thẻ (!tên)',
  NON_STRING_KEY: 'tên trường phải là chữ',
  RESOURCE_EXHAUSTION: (maxDepth) => `cấu trúc lồng nhau quá sâu (tối đa ${maxDepth} cấp)`,
  TAB_AS_INDENT: 'không dùng phím Tab để thụt lề; hãy dùng dấu cách',
  TAG_RESOLVE_FAILED: 'thẻ (!tên) không được hỗ trợ',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ (kiểm tra dấu :, dấu -, ngoặc và thụt lề)',
  BAD_COLLECTION_TYPE: 'kiểu danh sách hoặc bảng không hợp lệ',
};

/** A syntax error of the `yaml` package (`code`), under the rule its code belongs to. */
type YamlSyntax = { code: string; maxDepth: number };
function yamlSyntaxText(v: YamlSyntax): string {
  const known = YAML_ERRORS[v.code];
  return `YAML không hợp lệ: ${known === undefined ? `lỗi cú pháp (mã ${v.code})` : typeof known === 'string' ? known : known(v.maxDepth)}`;
}

/** An MDX syntax error as the parser reports it (`source`, `ruleId`, its English `reason`, never shown). */
export interface MdxSyntax {
  source: string;
  ruleId: string;
  reason: string;
}

const TAG = /`<\/?([^`>]*)>`/g;

/** The MDX parser's message, said in Vietnamese. */
function mdxSyntaxText(v: MdxSyntax): string {
  const rule = `${v.source}:${v.ruleId}`;
  const tags = [...v.reason.matchAll(TAG)].map((m) => m[1]);
  const character = /^Unexpected character `(.+?)` \(U\+/.exec(v.reason)?.[1];
  switch (rule) {
    case 'micromark-extension-mdx-expression:unexpected-eof':
      return 'dấu { không có dấu } đóng: trong MDX, { mở một biểu thức; muốn in chính ký tự { hãy gõ \\{';
    case 'micromark-extension-mdx-expression:acorn':
      return 'biểu thức trong { } không hợp lệ: trong MDX, { mở một biểu thức; muốn in chính ký tự { hãy gõ \\{';
    case 'micromark-extension-mdx-expression:unexpected-empty-expression':
    case 'micromark-extension-mdx-expression:non-spread':
    case 'micromark-extension-mdx-expression:spread-extra':
      return 'biểu thức trong thẻ JSX không hợp lệ';
    case 'micromark-extension-mdx-expression:unexpected-lazy':
    case 'micromark-extension-mdx-jsx:unexpected-lazy':
      return 'thẻ JSX hoặc biểu thức { } trong trích dẫn (>) hay danh sách phải thụt lề như dòng đầu';
    case 'micromark-extension-mdxjs-esm:acorn':
    case 'micromark-extension-mdxjs-esm:non-esm':
      return 'dòng bắt đầu bằng import hoặc export phải là lệnh JavaScript hợp lệ; nếu là chữ thường, hãy đổi từ đầu dòng';
    case 'micromark-extension-mdx-jsx:unexpected-eof':
      return 'thẻ JSX chưa đóng: thiếu dấu > (muốn in chính ký tự < hãy gõ \\<)';
    case 'micromark-extension-mdx-jsx:unexpected-character':
      return `ký tự ${character ? `"${character}" ` : ''}không hợp lệ trong thẻ JSX: trong MDX, < mở một thẻ; muốn in chính ký tự < hãy gõ \\< hoặc &lt;`;
    case 'mdast-util-mdx-jsx:end-tag-mismatch':
      if (v.reason.startsWith('Expected a closing tag')) return `thẻ <${tags[0] ?? ''}> chưa được đóng: cần </${tags[0] ?? ''}> trong cùng đoạn văn`;
      return `thẻ đóng </${tags[0] ?? ''}> không khớp với thẻ mở <${tags[1] ?? ''}>`;
    case 'mdast-util-mdx-jsx:unexpected-closing-slash':
      return 'thẻ đóng không có thẻ mở tương ứng';
    case 'mdast-util-mdx-jsx:unexpected-attribute':
      return 'thẻ đóng không được có thuộc tính';
    case 'mdast-util-mdx-jsx:unexpected-self-closing-slash':
      return 'thẻ đóng không được kết thúc bằng />';
    default:
      return `lỗi cú pháp MDX (mã ${rule})`;
  }
}

type Term = { from: number; to: number };

export const DATA_MESSAGES = {
  // A whole number in a results cell (parseWholeNumber) or a count's target.
  'so-qua-lon': (v: NumberCell) => ofNumber(v, 'số quá lớn'),
  'so-khong-am': (v: NumberCell) => ofNumber(v, 'số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0'),
  'cong-thuc': (v: NumberCell) => ofNumber(v, 'ô chứa công thức hoặc ký tự đầu dòng không hợp lệ; hãy ghi giá trị số'),
  'dau-phan-cach-hang-nghin': (v: NumberCell) => ofNumber(v, 'số có dấu phân cách hàng nghìn; hãy ghi số liền, không dấu chấm hay khoảng trắng (ví dụ 1234)'),
  'so-nguyen': (v: NumberCell) => ofNumber(v, 'số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số)'),
  'khong-ghi-phan-tram': (v: NumberCell) => ofNumber(v, 'không ghi tỷ lệ phần trăm; hãy ghi tử số (tu_so) và mẫu số (mau_so)'),
  'khong-phai-so': (v: NumberCell) => ofNumber(v, 'không phải là số nguyên'),
  /** A rate's target: in the indicator's YAML, or (`csv`) in muc-tieu-don-vi.csv, where "%" is refused too. */
  'muc-tieu-ty-le': (v: { csv?: boolean }) =>
    v.csv ? 'mục tiêu tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân, không ghi dấu %' : 'mục tiêu tỷ lệ phải từ 0 đến 100, tối đa hai chữ số thập phân',
  'muc-tieu-so-nguyen': () => 'mục tiêu của chỉ tiêu đếm phải là số nguyên',

  // Reading a CSV file.
  /** UTF-16, or another encoding (`byte`: the first invalid byte, `char`: its position in its line, when found). */
  'ma-hoa-utf8': (v: { utf16: true } | { utf16?: false; byte?: number; char?: number }) =>
    v.utf16
      ? `tệp được lưu bằng bảng mã UTF-16 (Excel gọi là "Unicode Text"), không phải UTF-8; ${UTF8_HINT}`
      : `tệp không phải UTF-8 (có thể đã lưu bằng bảng mã Windows)${v.byte === undefined ? '' : `: byte 0x${v.byte.toString(16).toUpperCase().padStart(2, '0')} ở ký tự thứ ${v.char} của dòng`}; ${UTF8_HINT}`,
  'qua-nhieu-dong': (v: { max: number }) =>
    `tệp có hơn ${count(v.max)} dòng số liệu (gấp 10 lần tệp một năm của 200 đơn vị × 50 chỉ tiêu); hãy tách theo năm hoặc kiểm tra tệp có bị lỗi khi lưu`,
  /** A quote opened and never closed, or csv-parse's error `code`. */
  csv: (v: { unclosedQuote: true } | { code?: string }) =>
    `không đọc được tệp CSV: ${'unclosedQuote' in v ? 'dấu ngoặc kép mở ở dòng này không được đóng' : ((v.code === undefined ? undefined : CSV_ERRORS[v.code]) ?? 'cấu trúc ô và dấu ngoặc kép không hợp lệ')}`,
  'o-qua-dai': (v: { length: number; max: number }) => `ô dài ${count(v.length)} ký tự, quá giới hạn ${count(v.max)} ký tự của một ô; ghi chú dài hãy đưa vào văn bản báo cáo`,
  'ky-tu-dieu-khien': (v: (UnsafeAt & { codePoint: string }) | FormCellUnsafe) =>
    v.in === 'form'
      ? formCellUnsafe(v)
      : v.in === 'cell'
      ? `ô có ký tự điều khiển ${v.codePoint} ở ký tự thứ ${v.char} (ký tự vô hình, thường do chép từ phần mềm khác); hãy xoá ký tự này`
      : v.in === 'text'
        ? `${v.what} chứa ký tự điều khiển ${v.codePoint} (chỉ cho phép Tab và xuống dòng); có thể do dán từ phần mềm khác, hãy gõ lại${excerptOf(v)}`
        : `có ký tự điều khiển ${v.codePoint} ở ký tự thứ ${v.char}, tệp lịch (.ics) không chứa được`,
  'ky-tu-khong-hop-le': (v: (Exclude<UnsafeAt, { in: 'ics' }> & { description: string }) | FormCellUnsafe) =>
    v.in === 'form'
      ? formCellUnsafe(v)
      : v.in === 'cell'
      ? `ô có ${v.description}, ở ký tự thứ ${v.char} (thường do chép từ phần mềm khác); hãy xoá ký tự này`
      : `${v.what} chứa ${v.description}; có thể do dán từ phần mềm khác, hãy xoá ký tự này hoặc gõ lại${excerptOf(v)}`,
  /** The header line: no separator found, or the first `column` missing or wrong. */
  'tieu-de': (v: { formHeader: string } | { columns: readonly string[]; noDelimiter: true } | { columns: readonly string[]; delimiter: string; column: number; missing: boolean }) =>
    'formHeader' in v
      ? `dòng tiêu đề của biểu mẫu đã bị sửa; ô này phải là "${v.formHeader}" (tải lại biểu mẫu từ trang nếu cần)`
      : 'noDelimiter' in v
      ? `dòng tiêu đề phải là ${v.columns.join(',')} (phân cách bằng dấu phẩy hoặc dấu chấm phẩy, không lẫn cả hai)`
      : `dòng tiêu đề phải đúng ${v.columns.length} cột theo thứ tự ${v.columns.join(v.delimiter)}; cột ${v.column} ${v.missing ? 'bị thiếu' : 'không đúng'}${v.columns[v.column - 1] ? ` (cần "${v.columns[v.column - 1]}")` : ' (thừa cột)'}`,
  'so-cot': (v: { cells: number; columns: readonly string[]; delimiter: string }) => `dòng có ${v.cells} ô, cần đúng ${v.columns.length} ô (${v.columns.join(v.delimiter)})`,
  /** `formUnit`: the form's unit cell. */
  'o-trong': (v: { formUnit?: true }) => (v.formUnit ? 'chưa ghi tên đơn vị báo cáo' : 'ô không được để trống'),
  /** A unit code in a CSV cell, or a unit named in nop-bao-cao.yaml (`unit`). */
  'don-vi-khong-co': (v: { unit?: string; inForm?: true }) =>
    v.inForm ? 'đơn vị không có trong danh sách đơn vị của trang (content/don-vi/)' : v.unit === undefined ? 'đơn vị không có trong content/don-vi/ (ghi mã đơn vị, là tên tệp không có đuôi .yaml)' : `đơn vị "${v.unit}" không có trong content/don-vi/`,
  'chi-tieu-khong-co': () => 'chỉ tiêu không có trong content/chi-tieu/ (ghi mã chỉ tiêu, là tên tệp không có đuôi .yaml)',
  /** A results year (`baselineKey`: the previous term's key, also allowed), or a target's period (`termPeriod`). */
  'nam-khong-hop-le': (v: { baselineKey?: string } | { termPeriod: string }) =>
    'termPeriod' in v
      ? `kỳ phải là "${v.termPeriod}" (mục tiêu nhiệm kỳ) hoặc một năm có 4 chữ số (phân bổ năm)`
      : `năm phải có 4 chữ số${v.baselineKey ? ` hoặc là "${v.baselineKey}" (số liệu nhiệm kỳ trước)` : ''}`,
  /** A data row's year, or the edition's evaluation `years` or last month (`until`). */
  'nam-ngoai-nhiem-ky': (v: { term: Term } | { term: Term; years: Term } | { term: Term; until: string }) =>
    'years' in v
      ? `các năm đánh giá ${v.years.from} – ${v.years.to} phải nằm trong nhiệm kỳ ${v.term.from} – ${v.term.to}`
      : 'until' in v
        ? `tháng cuối của thời gian đánh giá (${v.until}) phải nằm trong nhiệm kỳ ${v.term.from} – ${v.term.to}`
        : `năm nằm ngoài nhiệm kỳ ${v.term.from} – ${v.term.to}`,
  /** In a results row (`csv`), or an indicator's YAML. */
  'dem-khong-tu-mau': (v: { csv?: boolean }) => (v.csv ? 'chỉ tiêu đếm chỉ ghi gia_tri; để trống tu_so và mau_so' : 'chỉ tiêu đếm không có tử số, mẫu số'),
  'ty-le-khong-gia-tri': () => 'chỉ tiêu tỷ lệ ghi tu_so và mau_so; để trống gia_tri (trang tự tính tỷ lệ)',
  'mau-so-duong': () => 'mẫu số phải lớn hơn 0',
  'tu-so-vuot-mau-so': (v: { denominator: string }) => `tử số lớn hơn mẫu số (${v.denominator})`,
  /** A results row seen before in `file` at `line`, or a target row seen before at `line` of the same file. */
  'trung-dong': (v: { file: string; line: number } | { line: number }) =>
    'file' in v ? `cùng đơn vị, năm và chỉ tiêu đã có ở ${v.file} dòng ${v.line}` : `cùng đơn vị, chỉ tiêu và kỳ đã có ở dòng ${v.line}`,
  // The dataset's files (bo-du-lieu.yaml, chi-tieu/, nop-bao-cao.yaml, muc-tieu-don-vi.csv).
  'ten-tep': () => 'tên tệp (mã) chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối',
  'nhiem-ky-an-ban': (v: { term: Term; edition: Term }) =>
    `nhiệm kỳ ${v.term.from} – ${v.term.to} khác nhiệm kỳ của ấn bản (congress.term trong content/cau-hinh.yaml: ${v.edition.from} – ${v.edition.to})`,
  'chuong-trinh-khong-co': (v: { id: string }) => `chương trình "${v.id}" không có trong content/chuong-trinh/`,
  'ke-hoach-khong-co-han': () =>
    'không tìm thấy hạn gửi báo cáo (mục "gui-bao-cao") và ngày ban hành trong lịch của Kế hoạch (văn bản `review.plan` của content/cau-hinh.yaml), nên không đối chiếu được ngày nhận',
  /** `entry`: the 1-based entry where the unit was first written. */
  'don-vi-trung': (v: { unit: string; entry: number }) => `đơn vị "${v.unit}" đã ghi ở mục thứ ${v.entry}; mỗi đơn vị ghi một ngày nhận`,
  /** `reason`: why the day does not exist, as dates.ts words it. */
  'ngay-co-that': (v: { reason: string }) => `ngày không có thật: ${v.reason}`,
  /** Both days as dd/mm/yyyy. */
  'ngay-truoc-ke-hoach': (v: { day: string; issued: string }) => `ngày ${v.day} trước khi có Kế hoạch (${v.issued}); hãy kiểm tra lại năm, tháng`,
  /** bo-du-lieu.yaml without `unitTargets` while `targetsFile` exists. */
  'thieu-truong': (v: { targetsFile: string }) =>
    `có tệp ${v.targetsFile} nhưng thiếu trường unitTargets (status: minh-hoa hoặc chinh-thuc, và source) cho biết các mục tiêu ấy là gì`,
  // An indicator's definition (chi-tieu/*.yaml).
  'ty-le-phan-tram': () => 'chỉ tiêu tỷ lệ phải có đơn vị tính phan-tram',
  'ty-le-tu-mau': (v: { numerator: boolean }) => `chỉ tiêu tỷ lệ phải nêu ${v.numerator ? 'tử số' : 'mẫu số'}`,
  'dem-khong-phan-tram': () => 'chỉ tiêu đếm không dùng đơn vị tính phan-tram',
  /** The dataset's term (`order`: its first year after its last), or the edition's term longer than `maxYears`. */
  'nhiem-ky': (v: { order: true } | { term: Term; maxYears: number }) =>
    'order' in v
      ? 'năm đầu nhiệm kỳ phải nhỏ hơn hoặc bằng năm cuối'
      : `nhiệm kỳ ${v.term.from} – ${v.term.to} dài ${v.term.to - v.term.from} năm; một nhiệm kỳ dài nhiều nhất ${v.maxYears} năm (kiểm tra lại năm đầu, năm cuối)`,
  // YAML files and front matter (content/yaml-load.ts, frontmatter-check.ts) and MDX bodies.
  /** A key (`key`) or value longer than `max` characters. */
  'gia-tri-qua-dai': (v: { key: boolean; length: number; max: number }) => `${v.key ? 'tên trường' : 'giá trị'} dài ${count(v.length)} ký tự, quá giới hạn ${count(v.max)} ký tự`,
  /** An alias without its anchor, or another syntax error. */
  yaml: (v: { alias: string } | YamlSyntax) => ('alias' in v ? `bí danh *${v.alias} chưa có neo &${v.alias} ở phía trên` : yamlSyntaxText(v)),
  /** Found nested deeper than `maxDepth` by the walk, or by the parser (`code`). */
  'yaml-long-qua-sau': (v: { maxDepth: number } | YamlSyntax) => ('code' in v ? yamlSyntaxText(v) : `cấu trúc lồng nhau quá sâu (hơn ${v.maxDepth} cấp)`),
  'yaml-qua-nhieu-truong': (v: { max: number }) => `tệp có quá nhiều trường và mục (hơn ${count(v.max)})`,
  /** A field written twice (`name`, already shortened for the message), or the parser's DUPLICATE_KEY. */
  'truong-lap': (v: { name: string } | YamlSyntax) => ('code' in v ? yamlSyntaxText(v) : `trường "${v.name}" đã có ở trên; mỗi trường chỉ được viết một lần`),
  /** More than `max` aliases, or one whose expansion is too large. */
  'yaml-bi-danh': (v: { aliases: number; max: number } | { expansion: true }) =>
    'expansion' in v
      ? 'bí danh (*tên) mở rộng thành quá nhiều giá trị (tệp kiểu "bom bí danh"); hãy viết thẳng giá trị thay vì dùng bí danh'
      : `tệp dùng quá nhiều bí danh (*tên): ${count(v.aliases)}, tối đa ${v.max}`,
  'front-matter': () => 'Tệp phải mở đầu bằng khối front matter giữa hai dòng ---',
  'truong-la': (v: { key: string }) => `trường "${v.key}" không có trong mẫu (có thể gõ sai tên trường); sửa tên hoặc xoá trường này`,
  'cu-phap-mdx': (v: MdxSyntax & { excerpt: string }) => `${mdxSyntaxText(v)} — đoạn "${v.excerpt}"`,

  // A document's text against its source (documents/fidelity.ts).
  /** Page text the source does not have, before a sentence or (`atEnd`) at the end of the page. */
  'nguyen-van-thua-chu': (v: { atEnd: boolean }) => `trang có chữ không có trong văn bản gốc${v.atEnd ? ' (ở cuối trang)' : ''}`,
  'nguyen-van-thieu-cau': () => 'câu của văn bản gốc không có trên trang (hoặc sai thứ tự)',

  // The edition file (content/cau-hinh.yaml, edition/schema.ts).
  /** A span of years whose last is before its first, or the evaluation's last month before its first year (`fromYear`). */
  'khoang-nam': (v: { span: true } | { fromYear: number }) =>
    'span' in v ? 'năm cuối phải lớn hơn hoặc bằng năm đầu' : `tháng cuối của thời gian đánh giá phải từ năm ${v.fromYear} trở đi`,
  'dinh-dang': (v: SiteUrlProblem) => siteUrlText(v),
  'danh-muc-trong': (v: { what: string }) => `danh mục ${v.what} phải có ít nhất một mục`,
} as const satisfies Partial<Record<RuleId, (values: never) => string>>;
