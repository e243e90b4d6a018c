// `npm run check` (scripts/check.ts), exactly as the README writes it, on a project copy broken in
// one way per pre-build rule: the edition file, front matter, MDX syntax, a schedule anchor, an
// explicit link, the data. Each is refused with file:line and rule, and nothing is written (the
// harness compares content/ and dist/ byte for byte). The good copy is tests/check-command.test.ts.
import { readFileSync } from 'node:fs';
import { at as placeAt, lineOf, memoWithStrayBrace, memoWithUnknownKey, plant, type RedTeamCase } from './harness';

const EDITION = 'content/cau-hinh.yaml';
const PLAN = 'content/van-ban/ke-hoach-so-ket.mdx';
const MEMO = 'content/van-ban/cong-van-xin-y-kien.mdx';
const CSV_2019 = 'content/so-lieu/2019.csv';
// `npm run check` prints each problem on a line of its own: the place starts the line.
const at = (file: string, line: number, column?: number) => placeAt(file, line, column, true);

const plan = readFileSync(PLAN, 'utf8');
const memo = readFileSync(MEMO, 'utf8');
const edition = readFileSync(EDITION, 'utf8');
const csv2019 = readFileSync(CSV_2019, 'utf8');

const badEdition = edition.replace(/^(\s+)reportRecipient:/m, '$1reportrecipient:');
const badKey = memoWithUnknownKey(memo);
const badMdx = memoWithStrayBrace(memo);
const badAnchor = plan.replace(/^(\s+)anchor: \S+$/m, '$1anchor: khong-co-neo-nay');
const badLink = `${memo}\nXem [chương trình](/chuong-trinh/9999-ctr-tld-2030/).\n`;
const csvLines = csv2019.split(/\r?\n/);
const negativeLine = csvLines.findIndex((l, i) => i > 0 && /^[^,]+,\d{4},[^,]+,\d+,,,/.test(l)) + 1;
// Issue 25 point 5: the edition file's holes.
const withEdition = (from: RegExp | string, to: string) => edition.replace(from, to);
const scopeIsUnit = withEdition('slug: toan-tinh', 'slug: cam-my');
const jsUrl = withEdition(/^( {2}url: ).*$/m, '$1"javascript:alert(1)"');
const pathUrl = withEdition(/^( {2}url: ).*$/m, '$1https://congdoan.example.vn/so-ket/');
const longTerm = withEdition('term: { from: 2018, to: 2023 }', 'term: { from: 1900, to: 2100 }');
const wideYears = withEdition('years: { from: 2018, to: 2020 }', 'years: { from: 1900, to: 2100 }');
const lateUntil = withEdition('until: 2020-12', 'until: 2099-12');
const badCsv = csvLines.map((l, i) => (i === negativeLine - 1 ? l.replace(/^([^,]+,\d{4},[^,]+,)\d+/, '$1-312') : l)).join(csv2019.includes('\r\n') ? '\r\n' : '\n');


export const cases: RedTeamCase[] = [
  { name: 'check: a misspelt field in the edition file', command: 'check', outcome: 'refused', setup: plant(EDITION, badEdition),
    message: /organisation\.reportRecipient: thiếu trường bắt buộc \(cần chữ\) \(quy tắc: thieu-truong\)\n.*organisation\.reportrecipient: trường "reportrecipient" không có trong mẫu.*\(quy tắc: truong-la\)/, where: at(EDITION, lineOf(badEdition, 'reportrecipient:')) },
  { name: 'check: an unknown front-matter key', command: 'check', outcome: 'refused', setup: plant(MEMO, badKey),
    message: /tieuDe: trường "tieuDe" không có trong mẫu.*\(quy tắc: truong-la\)/, where: at(MEMO, lineOf(badKey, 'tieuDe:')) },
  { name: 'check: a stray { in an MDX body', command: 'check', outcome: 'refused', setup: plant(MEMO, badMdx),
    message: /\(nội dung MDX\): dấu \{ không có dấu \} đóng.*\(quy tắc: cu-phap-mdx\)/, where: at(MEMO, lineOf(badMdx, 'dự { thảo'), 14) },
  { name: 'check: a schedule entry whose anchor is not in the document', command: 'check', outcome: 'refused', setup: plant(PLAN, badAnchor),
    message: /schedule\[\d+\]\.anchor: mốc "[a-z0-9-]+" trỏ tới neo "khong-co-neo-nay" không có trong văn bản.*\(quy tắc: neo-lich\)/, where: at(PLAN, lineOf(badAnchor, 'anchor: khong-co-neo-nay')) },
  { name: 'check: an explicit link to a programme the site does not have', command: 'check', outcome: 'refused', setup: plant(MEMO, badLink),
    message: /liên kết trỏ tới văn bản không có trên trang \(cần một tệp trong content\/chuong-trinh\/\) — giá trị "\/chuong-trinh\/9999-ctr-tld-2030\/" \(quy tắc: lien-ket-noi-bo\)/,
    where: at(MEMO, lineOf(badLink, '(/chuong-trinh/9999'), 5) },
  { name: 'check: a negative figure in a results file', command: 'check', outcome: 'refused', setup: plant(CSV_2019, badCsv),
    message: /\(cột gia_tri\): số âm không hợp lệ.*— giá trị "-312" \(quy tắc: so-khong-am\)/, where: at(CSV_2019, negativeLine, 4) },
  { name: 'check: organisation.scope.slug equal to a unit code', command: 'check', outcome: 'refused', setup: plant(EDITION, scopeIsUnit),
    message: /organisation\.scope\.slug: mã phạm vi "cam-my" trùng mã đơn vị content\/don-vi\/cam-my\.yaml: dự thảo báo cáo và biểu mẫu chung của cả tổ chức sẽ thay mất của đơn vị đó.*\(quy tắc: ma-pham-vi-trung\)/, where: at(EDITION, lineOf(scopeIsUnit, 'slug: cam-my')) },
  { name: 'check: site.url is a javascript: address', command: 'check', outcome: 'refused', setup: plant(EDITION, jsUrl),
    message: /site\.url: địa chỉ trang phải bắt đầu bằng https:\/\/ hoặc http:\/\/, không phải "javascript:" \(quy tắc: dinh-dang\)/, where: at(EDITION, lineOf(jsUrl, 'url:')) },
  { name: 'check: site.url with a path (the site would be published with broken links)', command: 'check', outcome: 'refused', setup: plant(EDITION, pathUrl),
    message: /site\.url: địa chỉ trang chỉ gồm giao thức và tên miền, không có đường dẫn \("\/so-ket\/"\): mọi liên kết của trang bắt đầu từ gốc tên miền.*\(quy tắc: dinh-dang\)/, where: at(EDITION, lineOf(pathUrl, 'url:')) },
  { name: 'check: a congress term of 200 years', command: 'check', outcome: 'refused', setup: plant(EDITION, longTerm),
    message: /congress\.term: nhiệm kỳ 1900 – 2100 dài 200 năm; một nhiệm kỳ dài nhiều nhất 10 năm.*\(quy tắc: nhiem-ky\)/, where: at(EDITION, lineOf(longTerm, 'term:')) },
  { name: 'check: evaluation years 1900–2100 (a 556 KB status page)', command: 'check', outcome: 'refused', setup: plant(EDITION, wideYears),
    message: /review\.evaluation\.years: các năm đánh giá 1900 – 2100 phải nằm trong nhiệm kỳ 2018 – 2023 \(quy tắc: nam-ngoai-nhiem-ky\)/, where: at(EDITION, lineOf(wideYears, 'years:')) },
  { name: 'check: until 2099-12, after the term', command: 'check', outcome: 'refused', setup: plant(EDITION, lateUntil),
    message: /review\.evaluation\.until: tháng cuối của thời gian đánh giá \(2099-12\) phải nằm trong nhiệm kỳ 2018 – 2023 \(quy tắc: nam-ngoai-nhiem-ky\)/, where: at(EDITION, lineOf(lateUntil, 'until:')) },
  { name: 'check: problems in the edition and a document are all reported in one run; the data wait for the edition', command: 'check', outcome: 'refused',
    setup: (dir) => { plant(EDITION, badEdition)(dir); plant(PLAN, badAnchor)(dir); plant(CSV_2019, badCsv)(dir); },
    // The misspelt field is also a missing one: two problems on two lines of the edition file. The
    // data are checked against the edition's vocabularies, so they wait until it is mended, and
    // the command says so.
    message: /: 3 lỗi\.\n.*\(quy tắc: thieu-truong\)\n.*\(quy tắc: truong-la\)\n.*\(quy tắc: neo-lich\)\nSố liệu chưa được kiểm tra: các danh mục để đối chiếu nằm trong tệp ấn bản/ },
];
