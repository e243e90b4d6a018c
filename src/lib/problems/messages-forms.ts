// What the rules of the forms' readers (report-kit: zip, .xlsx, import, the browser's check) and of
// the Word import (word-in) say, written here once from their values; spread into MESSAGES
// (messages.ts), where the rules shared with content files ('khong-doc-duoc', 'tep-qua-lon') take
// the variants worded here. Kept in a file of its own so the forms' wording is easy to find.
import type { RuleId } from './rules.ts';

/** A zip part's size as the archive messages give it: KB rounded up below 1 MB, else MB to one decimal. */
export function zipSize(n: number): string {
  return n < 1048576 ? `${Math.ceil(n / 1024).toLocaleString('vi-VN')} KB` : `${(n / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

const count = (n: number) => n.toLocaleString('vi-VN');

/** How a file is damaged ('khong-doc-duoc' with `damage`): each case the readers find. */
export type Damage =
  | { case: 'no-directory' | 'directory-outside' | 'directory-broken' }
  | { case: 'part-twice' | 'part-missing-at' | 'part-cut' | 'part-inflate' | 'part-not-utf8'; part: string }
  | { case: 'part-size'; part: string; produced: number; declared: number }
  /** An .xlsx part or sheet whose XML does not parse. */
  | { case: 'xml' | 'sheet-not-utf8' | 'sheet-xml' | 'no-sheet-part' }
  | { case: 'row-number'; row: string }
  | { case: 'row-order'; row: number; after: number }
  | { case: 'cell-ref'; ref: string }
  | { case: 'cell-row'; ref: string; row: number }
  | { case: 'cell-order'; ref: string; after: string }
  | { case: 'too-many-columns' }
  | { case: 'cell-twice'; ref: string }
  | { case: 'shared-string'; index: string; strings: number }
  | { case: 'cell-type'; type: string }
  | { case: 'missing-part'; part: string; what?: string };

/** The member of Damage whose `case` can be C. */
type DamageOf<C extends Damage['case']> = Damage extends infer D ? (D extends { case: infer K } ? (C extends K ? D : never) : never) : never;

const DAMAGES: { [C in Damage['case']]: (v: DamageOf<C>) => string } = {
  'no-directory': () => 'không thấy mục lục của tệp nén (tệp bị cắt cụt hoặc không phải tệp nén)',
  'directory-outside': () => 'mục lục của tệp nén trỏ ra ngoài tệp',
  'directory-broken': () => 'mục lục của tệp nén bị hỏng',
  'part-twice': (v) => `phần "${v.part}" có hai lần trong tệp nén`,
  'part-missing-at': (v) => `không thấy phần "${v.part}" ở chỗ mục lục ghi`,
  'part-cut': (v) => `phần "${v.part}" bị cắt cụt`,
  'part-inflate': (v) => `không giải nén được phần "${v.part}"`,
  'part-not-utf8': (v) => `phần "${v.part}" không phải văn bản UTF-8`,
  'part-size': (v) => `phần "${v.part}" bung ra ${count(v.produced)} byte, mục lục ghi ${count(v.declared)}`,
  xml: () => 'không phải XML hợp lệ',
  'sheet-not-utf8': () => 'phần dữ liệu của trang không phải văn bản UTF-8',
  'sheet-xml': () => 'phần dữ liệu của trang không phải XML hợp lệ',
  'no-sheet-part': () => 'sổ tính không chỉ ra phần dữ liệu của trang',
  'row-number': (v) => `số dòng "${v.row}" không hợp lệ`,
  'row-order': (v) => `dòng ${v.row} ghi sau dòng ${v.after} (các dòng phải theo thứ tự)`,
  'cell-ref': (v) => `địa chỉ ô "${v.ref}" không hợp lệ`,
  'cell-row': (v) => `ô ${v.ref} nằm trong dòng ${v.row}`,
  'cell-order': (v) => `ô ${v.ref} ghi sau ô ${v.after} (các ô phải theo thứ tự)`,
  'too-many-columns': () => 'dòng có quá 16.384 cột',
  'cell-twice': (v) => `ô ${v.ref} ghi hai lần`,
  'shared-string': (v) => `ô trỏ tới chữ số ${v.index} trong bảng chữ dùng chung, bảng chỉ có ${count(v.strings)} mục`,
  'cell-type': (v) => `kiểu ô "${v.type}" không có trong chuẩn`,
  'missing-part': (v) => `không thấy phần "${v.part}"${v.what ? ` (${v.what})` : ''}`,
};

/**
 * 'khong-doc-duoc' for a file that opens but cannot be read: damaged (`damage`, "tệp .xlsx hỏng: …"),
 * a part encrypted or compressed in an unknown way, or a Word file whose body does not parse.
 */
export type Unreadable =
  | { ext: string; damage: Damage }
  | { part: string; encrypted: true }
  | { part: string; method: number; app: string }
  | { docxBody: true }
  | { xlsx: 'empty' | 'unknown' };

export function unreadableText(v: Unreadable): string {
  if ('damage' in v) {
    const say = DAMAGES[v.damage.case] as (d: Damage) => string;
    return `tệp ${v.ext} hỏng: ${say(v.damage)}`;
  }
  if ('encrypted' in v) return `phần "${v.part}" của tệp bị mã hoá (đặt mật khẩu); hãy bỏ mật khẩu rồi lưu lại`;
  if ('method' in v) return `phần "${v.part}" nén theo kiểu ${v.method}, ${v.app} không dùng kiểu này`;
  if ('docxBody' in v) return 'tệp .docx hỏng: phần nội dung (word/document.xml) không phải XML hợp lệ hoặc thiếu phần cần thiết; hãy mở bằng Word, lưu lại thành tệp mới rồi nhập tệp đó';
  return v.xlsx === 'empty' ? 'không mở được tệp .xlsx: tệp rỗng (0 byte)' : 'không mở được tệp .xlsx (tệp hỏng hoặc không phải Excel)';
}

/** 'tep-qua-lon' for a form or a Word file, checked by its size before it is read. */
export type FileTooLarge = { size: number; limit: number; of: 'form' | 'word' };

export function fileTooLargeText(v: FileTooLarge): string {
  const MB = 1048576;
  return v.of === 'form'
    ? `tệp nặng ${(v.size / MB).toFixed(0)} MB, quá giới hạn ${v.limit / MB} MB của một biểu mẫu; đây không phải biểu mẫu tải từ trang`
    : `tệp quá lớn (${Math.round(v.size / MB)} MB); giới hạn của một văn bản Word là ${v.limit / MB} MB`;
}

/** 'zip-qua-lon': the archive's numbers over the limits (ZIP_LIMITS, WORD_LIMITS), by case. */
export type ZipTooLarge =
  | { case: 'zip64'; noun: string; part?: string }
  | { case: 'entries'; entries: number; limit: number; noun: string }
  | { case: 'part'; part: string; size: number; limit: number }
  | { case: 'ratio'; part: string; size: number; compressed: number; ratio: number }
  | { case: 'total'; part: string; limit: number; noun: string }
  | { case: 'lying'; part: string; declared: number }
  | { case: 'part-limit'; part: string; limit: number; noun: string }
  | { case: 'sheets'; limit: number }
  | { case: 'word-file'; size: number; limit: number };

function zipTooLargeText(v: ZipTooLarge): string {
  switch (v.case) {
    case 'zip64':
      return v.part === undefined
        ? `tệp nén dạng ZIP64 (dành cho tệp trên 4 GB); ${v.noun} không bao giờ lớn như vậy`
        : `phần "${v.part}" của tệp nén dùng ZIP64 (trên 4 GB); ${v.noun} không bao giờ lớn như vậy`;
    case 'entries':
      return `tệp nén có ${count(v.entries)} phần, quá giới hạn ${count(v.limit)} phần của một ${v.noun}`;
    case 'part':
      return `phần "${v.part}" của tệp nén bung ra ${zipSize(v.size)}, quá giới hạn ${zipSize(v.limit)} cho một phần (quả bom nén?)`;
    case 'ratio':
      return `phần "${v.part}" của tệp nén bung ra ${zipSize(v.size)} từ ${zipSize(v.compressed)} (gấp ${count(Math.round(v.size / Math.max(1, v.compressed)))} lần, quá tỷ lệ ${v.ratio} lần; quả bom nén?)`;
    case 'total':
      return `các phần của tệp nén bung ra hơn ${zipSize(v.limit)} (đến phần "${v.part}"), quá giới hạn của một ${v.noun}`;
    case 'lying':
      return `phần "${v.part}" của tệp nén bung ra nhiều hơn cỡ mục lục ghi (${zipSize(v.declared)}); tệp bị sửa để lừa giới hạn (quả bom nén?)`;
    case 'part-limit':
      return `phần "${v.part}" bung ra hơn ${zipSize(v.limit)}, quá giới hạn cho phần này của ${v.noun}`;
    case 'sheets':
      return `vùng biểu mẫu của các trang chiếm hơn ${v.limit / 1048576} MB dữ liệu XML (một biểu mẫu thật chỉ vài chục KB); tệp không phải biểu mẫu tải từ trang hoặc đã bị độn thêm`;
    case 'word-file':
      return `tệp lớn ${(v.size / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB, quá giới hạn ${v.limit / 1048576} MB của một văn bản; hãy bỏ ảnh, tệp nhúng rồi lưu lại`;
  }
}

/** What a file given as a form is instead: `expected` its extension, `is` what its bytes say it is. */
export type NotForm = { expected: 'xlsx' | 'csv'; is: 'xls' | 'zip-as-csv' | 'xml' | 'text' | 'ods' | 'zip' | 'docx' | 'pptx' | 'office' | 'opendocument'; subtype?: string };

/** Said of a file that is no .xlsx by its first bytes ("mở tệp bằng"), and of an archive that is no workbook. */
const SAVE_AS_XLSX_FILE = 'hãy mở tệp bằng Excel hay LibreOffice và lưu lại dạng Excel Workbook (.xlsx), hoặc tải lại biểu mẫu từ trang của đơn vị';
const SAVE_AS_XLSX = 'hãy mở bằng Excel hay LibreOffice và lưu lại dạng Excel Workbook (.xlsx), hoặc tải lại biểu mẫu từ trang của đơn vị';

const NOT_FORM: Record<NotForm['is'], (subtype?: string) => [what: string, fix: string]> = {
  xls: () => ['bảng tính Excel 97–2003 (.xls) hay tệp Office cũ', SAVE_AS_XLSX_FILE],
  'zip-as-csv': () => ['một tệp nén (có thể là .xlsx, .ods hay .docx đổi tên thành .csv)', 'hãy đổi lại đuôi tệp cho đúng, hoặc gửi biểu mẫu .xlsx như đã tải về'],
  xml: () => ['một tệp XML hay HTML, không phải bảng tính Excel', SAVE_AS_XLSX_FILE],
  text: () => ['một tệp văn bản (có thể là CSV đổi tên thành .xlsx)', 'nếu đó là biểu mẫu .csv, hãy đổi lại đuôi tệp thành .csv; nếu không, tải lại biểu mẫu .xlsx từ trang của đơn vị'],
  ods: () => ['bảng tính OpenDocument (.ods, của LibreOffice hay OpenOffice)', SAVE_AS_XLSX],
  opendocument: (subtype) => [`tài liệu OpenDocument (${subtype ?? ''})`, SAVE_AS_XLSX],
  zip: () => ['một tệp nén (.zip) không phải bảng tính Excel', SAVE_AS_XLSX],
  docx: () => ['văn bản Word (.docx)', SAVE_AS_XLSX],
  pptx: () => ['bài trình chiếu PowerPoint (.pptx)', SAVE_AS_XLSX],
  office: () => ['một tệp nén Office không phải bảng tính Excel', SAVE_AS_XLSX],
};

/** What a number cell of an .xlsx holds instead of a number written to the standard. */
const NOT_A_NUMBER = {
  infinite: 'giá trị vô cực hay "không phải số" (INF, NaN)',
  comma: 'số viết có dấu phẩy, không theo chuẩn của tệp Excel',
  text: 'chữ không đọc được thành số',
} as const;

const SAVE_AS_DOCX = 'hãy mở bằng Word (hoặc LibreOffice Writer) và lưu lại dạng Word Document (.docx) rồi nhập tệp đó';

/** What a file given to the Word import is instead of a .docx, recognised by its bytes. */
export type NotDocx = 'pdf' | 'doc' | 'rtf' | 'odt' | 'opendocument' | 'xlsx' | 'pptx' | 'zip' | 'other';

const NOT_DOCX: Record<NotDocx, string> = {
  pdf: 'tệp là PDF, không phải văn bản Word: PDF không giữ đoạn, tiêu đề hay bảng để nhập nguyên văn; hãy lấy tệp Word (.docx) gốc của văn bản',
  doc: `tệp là Word 97–2003 (.doc), định dạng cũ không nhập được; ${SAVE_AS_DOCX}`,
  rtf: `tệp là RTF, không phải .docx; ${SAVE_AS_DOCX}`,
  odt: `tệp là văn bản OpenDocument (.odt, của LibreOffice hay OpenOffice); ${SAVE_AS_DOCX}`,
  opendocument: `tệp là tệp OpenDocument (.ods/.odp), không phải văn bản; ${SAVE_AS_DOCX}`,
  xlsx: 'tệp là bảng tính Excel (.xlsx), không phải văn bản Word (.docx); hãy chọn đúng tệp .docx của văn bản',
  pptx: 'tệp là bản trình chiếu PowerPoint (.pptx), không phải văn bản Word (.docx); hãy chọn đúng tệp .docx của văn bản',
  zip: 'tệp là một tệp nén không phải văn bản Word, không phải văn bản Word (.docx); hãy chọn đúng tệp .docx của văn bản',
  other: `tệp không phải văn bản Word (.docx); ${SAVE_AS_DOCX}`,
};

export const FORM_MESSAGES = {
  'zip-qua-lon': (v: ZipTooLarge) => zipTooLargeText(v),
  'loai-tep': () => 'chỉ nhập được tệp .xlsx hoặc .csv',
  'dinh-dang-khac': (v: NotForm) => {
    const [what, fix] = NOT_FORM[v.is](v.subtype);
    return `tệp mang đuôi .${v.expected} nhưng là ${what}; ${fix}`;
  },
  // The workbook's sheets and cells (report-kit/xlsx-reader.ts).
  'khong-phai-bieu-mau': (v: { sheet: string }) => `không có trang "${v.sheet}": đây không phải biểu mẫu của trang sơ kết`,
  /** `rows`, `lastColumn`: the form's area (its first rows, columns A to lastColumn). */
  'ngoai-vung-bieu-mau': (v: { rows: number; lastColumn: string }) =>
    `ô nằm ngoài vùng của biểu mẫu (${count(v.rows)} dòng đầu, cột A–${v.lastColumn}) nhưng có nội dung; Văn phòng không biết số này thuộc chỉ tiêu nào. Hãy xoá ô đó hoặc chuyển số vào đúng ô của biểu mẫu`,
  'o-so-sai-chuan': (v: { found: keyof typeof NOT_A_NUMBER }) =>
    `ô kiểu số nhưng chứa ${NOT_A_NUMBER[v.found]}; tệp không do Excel ghi đúng chuẩn. Hãy gõ lại số trong ô (số nguyên, không dấu phân cách) rồi lưu lại bằng Excel hay LibreOffice`,
  /** `other`: the sheet holding figures; `code`, `codeRef`: an indicator code there and its cell; `sheet`: the form's sheet. */
  'trang-khac-co-so-lieu': (v: { other: string; code: string; codeRef: string; sheet: string }) =>
    `trang "${v.other}" có số liệu cho chỉ tiêu ${v.code} (ô ${v.codeRef}), nhưng chỉ trang "${v.sheet}" được nhập; hãy chép số liệu vào trang "${v.sheet}" và xoá trang "${v.other}"`,
  // The form's layout and cells (report-kit/import.ts).
  'ngay-trong-o-so': () => 'ô số liệu chứa ngày tháng (Excel lưu ngày thành số); hãy ghi số nguyên và đặt định dạng ô là Number',
  'o-dung-sai': () => 'ô số liệu chứa giá trị Đúng/Sai (TRUE/FALSE), không phải số; hãy ghi số nguyên',
  'o-loi-excel': () => 'ô số liệu chứa lỗi của Excel (công thức tính hỏng: #DIV/0!, #REF!, #N/A …); hãy ghi số nguyên thay cho công thức',
  /** `current`, `legacy`: the layouts' labels (LAYOUTS in report-kit). */
  'bo-cuc': (v: { current: string; legacy: string }) => `không nhận ra bố cục của biểu mẫu; cần ${v.current} hoặc ${v.legacy}. Hãy tải lại biểu mẫu từ trang của đơn vị`,
  'o-gop': () => 'các ô trong vùng số liệu bị gộp (Merge); hãy bỏ gộp ô và ghi mỗi số vào ô riêng của nó',
  'dau-van-tay': () => 'phần kiểm tra ẩn của biểu mẫu đã bị sửa, không biết biểu mẫu được tải về với số liệu nào; hãy tải lại biểu mẫu từ trang',
  'don-vi-khong-khop': (v: { issued: string }) => `biểu mẫu này được tải về cho "${v.issued}" nhưng ô đơn vị đã bị đổi; mỗi đơn vị dùng biểu mẫu tải từ trang của chính mình`,
  'chi-tieu-trung-dong': (v: { firstRow: number }) => `chỉ tiêu đã có ở dòng ${v.firstRow}; mỗi chỉ tiêu chỉ ghi một dòng (xoá dòng chép thừa)`,
  /** `codeCell`: the cell of the code ("B7"); `name`: the indicator's name that code has. */
  'ma-khong-khop-ten': (v: { code: string; codeCell: string; name: string }) =>
    `tên chỉ tiêu không khớp với mã ${v.code} ở ô ${v.codeCell} (cần "${v.name}"); không sửa hay đổi chỗ cột Mã chỉ tiêu`,
  /** `nothingToImport`: a form whose rows are all empty, said with what follows for the import. */
  'bieu-mau-trong': (v: { nothingToImport: boolean }) => `biểu mẫu chưa có số liệu nào${v.nothingToImport ? '; không có gì để nhập' : ''}`,
  'nhieu-don-vi': () => 'một biểu mẫu chỉ được chứa số liệu của một đơn vị',
  /** `first`: where the same year and indicator were first given ("dòng 5", 'trang "Biểu mẫu", ô D7'). */
  'dong-trung': (v: { first: string }) => `năm và chỉ tiêu này đã có ở ${v.first}; mỗi năm của một chỉ tiêu chỉ ghi một lần`,
  'don-vi-khac': (v: { formUnit: string; chosen: string }) =>
    `biểu mẫu này là của "${v.formUnit}", không phải của đơn vị đã chọn "${v.chosen}"; hãy chọn đúng tệp biểu mẫu của đơn vị mình (hoặc đổi đơn vị đã chọn)`,
  'van-ban-dinh-dang-khac': (v: { format: NotDocx }) => NOT_DOCX[v.format],
  'van-ban-mat-khau': () => 'tệp được đặt mật khẩu (mã hoá), không đọc được nội dung; hãy mở bằng Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu › Mã hoá bằng mật khẩu: để trống) rồi lưu lại',
  'van-ban-sua-doi': (v: { insertions: number; deletions: number; moves: number }) =>
    `văn bản còn ${v.insertions + v.deletions + v.moves} chỗ sửa đổi chưa chấp nhận (Track Changes: ${v.insertions} chỗ thêm, ${v.deletions} chỗ xoá, ${v.moves} chỗ chuyển); hãy mở bằng Word, Xem lại › Chấp nhận tất cả thay đổi rồi lưu, hoặc chạy lại với --chap-nhan-sua-doi để nhập văn bản như khi mọi sửa đổi được chấp nhận`,
  'van-ban-chua-xep': () =>
    'không nhận ra loại văn bản: không có dòng tên loại (KẾ HOẠCH, HƯỚNG DẪN, BÁO CÁO, ĐỀ CƯƠNG, QUYẾT ĐỊNH, THÔNG BÁO, CHƯƠNG TRÌNH …) dưới khối tiêu đề, cũng không có dòng "V/v" của công văn; hãy sửa tệp Word cho có dòng ấy (một dòng, chữ in hoa) rồi nhập lại',
  'van-ban-thieu-nguon': (v: { sourceFile: string }) => `không có tệp nguồn ${v.sourceFile} để đối chiếu nguyên văn`,
  'van-ban-da-co': (v: { target: string; slug: string }) => `đã có văn bản ${v.target} cùng mã "${v.slug}"`,
} as const satisfies Partial<Record<RuleId, (values: never) => string>>;
