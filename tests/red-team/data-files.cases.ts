// Issue 15, item 7 (data files): hostile files in content/ as an office or a fault would leave
// them. Each is refused with a Vietnamese message naming the file (and line, where there is one)
// or ignored, in bounded time and memory, through `npm run check:data` (or `npm run build`).
import { UNIT_TARGETS_FILE } from '../../src/lib/indicators/read';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RedTeamCase } from './harness';

const RESULTS = 'content/so-lieu';
const CSV_2019 = `${RESULTS}/2019.csv`;

/** Line n (1-based) of 2019.csv with its empty note (the last cell) replaced by `note`, as raw bytes. */
function setNote(dir: string, line: number, note: Buffer | string): void {
  const path = join(dir, CSV_2019);
  const lines = readFileSync(path, 'latin1').split('\r\n');
  const target = lines[line - 1];
  if (target === undefined || !target.endsWith(',')) throw new Error(`dòng ${line} của 2019.csv không có ô ghi chú trống`);
  const before = Buffer.from(lines.slice(0, line - 1).map((l) => `${l}\r\n`).join('') + target, 'latin1');
  const after = Buffer.from(`\r\n${lines.slice(line).join('\r\n')}`, 'latin1');
  writeFileSync(path, Buffer.concat([before, typeof note === 'string' ? Buffer.from(note, 'utf8') : note, after]));
}

const HEADER = 'don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu\r\n';
const write = (dir: string, rel: string, data: string | Buffer) => writeFileSync(join(dir, rel), data);
const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

/** Data lines (not blank, not the header) of the visible results files (not the units' targets): what check:data must count. */
function visibleRows(dir: string): number {
  return readdirSync(join(dir, RESULTS))
    .filter((n) => n.endsWith('.csv') && !n.startsWith('.') && `${RESULTS}/${n}` !== UNIT_TARGETS_FILE)
    .map((n) => readFileSync(join(dir, RESULTS, n), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.replace(/,/g, '').trim() !== '').length)
    .reduce((a, b) => a + b, 0);
}

export const cases: RedTeamCase[] = [
  { name: 'hidden draft .nhap.csv (a copy of 2019.csv with other figures) is ignored, not read', command: 'check:data', outcome: 'accepted', message: /Số liệu hợp lệ/, setup: (d) => write(d, `${RESULTS}/.nhap.csv`, readFileSync(join(d, CSV_2019), 'utf8').replace(/,(\d+),,,/g, ',9$1,,,')), after: (d, out) => expect(out).toContain(`Số liệu hợp lệ: ${visibleRows(d)} dòng kết quả`) },
  { name: 'hidden FIFO .khoa.csv (an editor lock) is ignored, never opened', command: 'check:data', outcome: 'accepted', message: /Số liệu hợp lệ/, setup: (d) => mkfifo(join(d, RESULTS, '.khoa.csv')) },
  { name: 'a folder named 2021.csv', command: 'check:data', outcome: 'refused', message: /là thư mục, không phải tệp.*khong-phai-tep/, where: /content\/so-lieu\/2021\.csv: /, setup: (d) => mkdirSync(join(d, RESULTS, '2021.csv')) },
  { name: 'a FIFO named 2021.csv is refused without being opened', command: 'check:data', outcome: 'refused', message: /đường ống \(FIFO\).*khong-phai-tep/, where: /content\/so-lieu\/2021\.csv: /, seconds: 10, setup: (d) => mkfifo(join(d, RESULTS, '2021.csv')) },
  { name: 'a FIFO named bo-du-lieu.yaml (the metadata)', command: 'check:data', outcome: 'refused', message: /đường ống \(FIFO\)/, where: /content\/so-lieu\/bo-du-lieu\.yaml: /, seconds: 10, setup: (d) => { rmSync(join(d, RESULTS, 'bo-du-lieu.yaml')); mkfifo(join(d, RESULTS, 'bo-du-lieu.yaml')); } },
  { name: 'a FIFO named x.yaml among the indicator definitions', command: 'check:data', outcome: 'refused', message: /đường ống \(FIFO\)/, where: /content\/chi-tieu\/x\.yaml: /, seconds: 10, setup: (d) => mkfifo(join(d, 'content/chi-tieu/x.yaml')) },
  { name: 'a symbolic link x.csv to /etc/passwd', command: 'check:data', outcome: 'refused', message: /ra ngoài thư mục content\/.*lien-ket-ngoai/, where: /content\/so-lieu\/x\.csv: /, setup: (d) => symlinkSync('/etc/passwd', join(d, RESULTS, 'x.csv')) },
  { name: 'a dangling symbolic link 2021.csv', command: 'check:data', outcome: 'refused', message: /không tồn tại.*lien-ket-hong/, where: /content\/so-lieu\/2021\.csv: /, setup: (d) => symlinkSync('khong-co.csv', join(d, RESULTS, '2021.csv')) },
  { name: 'a symbolic link 2021.csv that points at itself', command: 'check:data', outcome: 'refused', message: /vòng quanh chính nó.*lien-ket-hong/, where: /content\/so-lieu\/2021\.csv: /, setup: (d) => symlinkSync('2021.csv', join(d, RESULTS, '2021.csv')) },
  { name: 'a symbolic link to a results file elsewhere inside content/ is followed', command: 'check:data', outcome: 'accepted', message: /Số liệu hợp lệ: 648 dòng kết quả/, setup: (d) => { mkdirSync(join(d, 'content/luu-tru')); renameSync(join(d, CSV_2019), join(d, 'content/luu-tru/2019.csv')); symlinkSync('../luu-tru/2019.csv', join(d, CSV_2019)); } },
  { name: 'the results folder is a FIFO', command: 'check:data', outcome: 'refused', message: /phải là thư mục nhưng là đường ống/, where: /content\/so-lieu: /, seconds: 10, setup: (d) => { rmSync(join(d, RESULTS), { recursive: true }); mkfifo(join(d, RESULTS)); } },
  { name: 'the indicator folder is a dangling symbolic link', command: 'check:data', outcome: 'refused', message: /không tồn tại.*lien-ket-hong/, where: /content\/chi-tieu: /, setup: (d) => { rmSync(join(d, 'content/chi-tieu'), { recursive: true }); symlinkSync('/khong-co-thu-muc-nay', join(d, 'content/chi-tieu')); } },
  { name: 'a project root that does not exist', command: 'check:data', outcome: 'refused', message: /Không kiểm tra được số liệu: không mở được thư mục dự án ".*khong-co-du-an": không tồn tại\./, setup: (d) => [join(d, 'khong-co-du-an')] },
  { name: '50 MB of blank lines after the header', command: 'check:data', outcome: 'refused', message: /tệp quá lớn \(50 MB\); giới hạn cho loại tệp này là 10 MB.*tep-qua-lon/, where: /content\/so-lieu\/2021\.csv: /, seconds: 10, setup: (d) => write(d, `${RESULTS}/2021.csv`, HEADER + '\r\n'.repeat(25 * 1024 * 1024)) },
  { name: '9 MB of blank lines (under the size limit) are read as no data, in bounded memory', command: 'check:data', outcome: 'accepted', message: /Số liệu hợp lệ: 648 dòng kết quả/, seconds: 15, setup: (d) => write(d, `${RESULTS}/2021.csv`, HEADER + '\n'.repeat(9 * 1024 * 1024)) },
  { name: '200,000 data lines in one file', command: 'check:data', outcome: 'refused', message: /hơn 100\.000 dòng số liệu.*qua-nhieu-dong/, where: /content\/so-lieu\/2021\.csv:100002: /, seconds: 15, setup: (d) => write(d, `${RESULTS}/2021.csv`, HEADER + 'bien-hoa,2021,x,1,,,\r\n'.repeat(200_000)) },
  { name: 'a YAML definition over 256 KB', command: 'check:data', outcome: 'refused', message: /tệp quá lớn .*giới hạn cho loại tệp này là 256 KB/, where: /content\/chi-tieu\/lon\.yaml: /, setup: (d) => write(d, 'content/chi-tieu/lon.yaml', `name: x\n# ${'a'.repeat(300 * 1024)}\n`) },
  { name: 'a 1,000,000-character note', command: 'check:data', outcome: 'refused', message: /ô dài 1\.000\.000 ký tự, quá giới hạn 2\.000 ký tự.*giá trị "x{60}…" \(dài 1\.000\.000 ký tự\) \(quy tắc: o-qua-dai\)/, where: /content\/so-lieu\/2019\.csv:5:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 5, 'x'.repeat(1_000_000)) },
  { name: 'a NUL character in a note', command: 'check:data', outcome: 'refused', message: /ký tự điều khiển U\+0000 ở ký tự thứ 4.*giá trị "abc<U\+0000>def" \(quy tắc: ky-tu-dieu-khien\)/, where: /content\/so-lieu\/2019\.csv:7:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 7, 'abc\u0000def') },
  { name: 'an ESC (terminal escape) in a note', command: 'check:data', outcome: 'refused', message: /ký tự điều khiển U\+001B.*"<U\+001B>\[31mđỏ" \(quy tắc: ky-tu-dieu-khien\)/, where: /content\/so-lieu\/2019\.csv:8:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 8, '\u001b[31mđỏ') },
  { name: 'a control character on the second line of a quoted two-line note', command: 'check:data', outcome: 'refused', message: /U\+0007.*ky-tu-dieu-khien/, where: /content\/so-lieu\/2019\.csv:11:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 10, '"dòng một\r\ndòng hai\u0007"') },
  // Issue 25 point 3: characters XML cannot hold, bidi controls and zero-width characters.
  { name: 'U+FFFE in a note', command: 'check:data', outcome: 'refused', message: /ô có ký tự U\+FFFE \(noncharacter\), không có trong bảng ký tự của XML.*ở ký tự thứ 4.*giá trị "ghi<U\+FFFE>chú" \(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/2019\.csv:15:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 15, 'ghi\uFFFEchú') },
  { name: 'U+FFFF at the end of a note', command: 'check:data', outcome: 'refused', message: /ký tự U\+FFFF.*\(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/2019\.csv:16:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 16, 'đủ\uFFFF') },
  { name: 'a right-to-left override in a note (would show "12" as "21")', command: 'check:data', outcome: 'refused', message: /ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\), có thể làm chữ số hiện ngược thứ tự.*giá trị "tăng <U\+202E>12<U\+202C> người" \(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/2019\.csv:17:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 17, 'tăng \u202E12\u202C người') },
  { name: 'a right-to-left isolate in a note', command: 'check:data', outcome: 'refused', message: /U\+2067.*\(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/2019\.csv:18:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 18, '\u2067x\u2069') },
  { name: 'a zero-width space inside a unit code (two codes that look equal)', command: 'check:data', outcome: 'refused', message: /ký tự vô hình U\+200B \(ZERO WIDTH SPACE\).*giá trị "bien-<U\+200B>hoa" \(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/2019\.csv:2:1 \(cột don_vi\)/, setup: (d) => write(d, CSV_2019, readFileSync(join(d, CSV_2019), 'utf8').replace('\r\nbien-hoa,2019,', '\r\nbien-\u200Bhoa,2019,')) },
  { name: 'build: U+FFFF in a note stops the build and keeps the last good dist/', command: 'build', outcome: 'refused', message: /U\+FFFF.*ky-tu-khong-hop-le/, where: /content\/so-lieu\/2019\.csv:7:7/, setup: (d) => setNote(d, 7, 'abc\uFFFFdef') },
  // Issue 25 point 5: a CSV header error names its column (it said "cột undefined"; CRASH bans the word).
  { name: 'import:form: a CSV form whose header misspells a column', command: 'import:form', outcome: 'refused',
    message: /dòng 1, cột gia_tri \(ô D1\): dòng tiêu đề phải đúng 7 cột .*cột 4 không đúng \(cần "gia_tri"\) — giá trị "so_lieu" \(quy tắc: tieu-de\)/, where: /bieu-mau-sai-tieu-de\.csv › dòng 1, cột gia_tri/,
    setup: (d) => { write(d, 'bieu-mau-sai-tieu-de.csv', 'don_vi,nam,chi_tieu,so_lieu,tu_so,mau_so,ghi_chu\r\nbien-hoa,2019,gioi-thieu-doan-vien-uu-tu,250,,,\r\n'); return ['bieu-mau-sai-tieu-de.csv']; } },
  { name: 'import:form: a CSV form with an extra header column', command: 'import:form', outcome: 'refused',
    message: /dòng 1, cột 8 \(ô H1\): .*cột 8 không đúng \(thừa cột\) — giá trị "them" \(quy tắc: tieu-de\)/, where: /bieu-mau-thua-cot\.csv › dòng 1, cột 8/,
    setup: (d) => { write(d, 'bieu-mau-thua-cot.csv', 'don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu,them\r\nbien-hoa,2019,gioi-thieu-doan-vien-uu-tu,250,,,,\r\n'); return ['bieu-mau-thua-cot.csv']; } },
  { name: 'UTF-16LE with BOM (Excel "Unicode Text")', command: 'check:data', outcome: 'refused', message: /bảng mã UTF-16.*ma-hoa-utf8/, where: /content\/so-lieu\/2019\.csv: /, setup: (d) => write(d, CSV_2019, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(d, CSV_2019), 'utf8').replace(/^\ufeff/, ''), 'utf16le')])) },
  { name: 'UTF-16LE without BOM', command: 'check:data', outcome: 'refused', message: /bảng mã UTF-16.*ma-hoa-utf8/, where: /content\/so-lieu\/2019\.csv: /, setup: (d) => write(d, CSV_2019, Buffer.from(readFileSync(join(d, CSV_2019), 'utf8').replace(/^\ufeff/, ''), 'utf16le')) },
  { name: 'a Windows-1258/1252 byte in a note on line 100', command: 'check:data', outcome: 'refused', message: /không phải UTF-8 .*byte 0xFA ở ký tự thứ \d+ của dòng.*ma-hoa-utf8/, where: /content\/so-lieu\/2019\.csv:100: /, setup: (d) => setNote(d, 100, Buffer.from('ghi ch\u00fa', 'latin1')) },
  { name: 'an unclosed quote in a note', command: 'check:data', outcome: 'refused', message: /dấu ngoặc kép mở ở dòng này không được đóng \(quy tắc: csv\)/, where: /content\/so-lieu\/2019\.csv:12: /, setup: (d) => setNote(d, 12, '"không đóng') },
  { name: 'a quote in the middle of an unquoted note', command: 'check:data', outcome: 'refused', message: /dấu ngoặc kép nằm giữa ô.*\(quy tắc: csv\)/, where: /content\/so-lieu\/2019\.csv:13:7 \(cột ghi_chu\)/, setup: (d) => setNote(d, 13, 'ghi "chú"') },
  { name: 'text after the closing quote of a note', command: 'check:data', outcome: 'refused', message: /sau dấu ngoặc kép đóng ô phải là dấu phân cách.*\(quy tắc: csv\)/, where: /content\/so-lieu\/2019\.csv:14/, setup: (d) => setNote(d, 14, '"ghi chú"thêm') },
  { name: 'a header that uses both separators', command: 'check:data', outcome: 'refused', message: /không lẫn cả hai.*tieu-de/, where: /content\/so-lieu\/2021\.csv:1: /, setup: (d) => write(d, `${RESULTS}/2021.csv`, 'don_vi;nam,chi_tieu;gia_tri,tu_so;mau_so,ghi_chu\r\n') },
  { name: 'build: a NUL in a note stops the build and keeps the last good dist/', command: 'build', outcome: 'refused', message: /ky-tu-dieu-khien/, where: /content\/so-lieu\/2019\.csv:7:7/, setup: (d) => setNote(d, 7, 'abc\u0000def') },
  { name: 'build: a FIFO named x.mdx among the documents stops the build and keeps dist/', command: 'build', outcome: 'refused', message: /đường ống \(FIFO\).*khong-phai-tep/, where: /content\/van-ban\/x\.mdx/, seconds: 20, setup: (d) => mkfifo(join(d, 'content/van-ban/x.mdx')) },
  {
    name: 'build: a hidden .nhap.csv with a new row is not published',
    command: 'build', outcome: 'accepted', seconds: 120,
    setup: (d) => { appendFileSync(join(d, RESULTS, '.nhap.csv'), `${HEADER}bien-hoa,2021,gioi-thieu-doan-vien-uu-tu,5,,,BAN-NHAP-KHONG-CONG-BO\r\n`); },
    after: (d) => {
      const all = readFileSync(join(d, 'dist/so-lieu/toan-bo.csv'), 'utf8');
      expect(all).toContain('bien-hoa,2019,gioi-thieu-doan-vien-uu-tu');
      expect(all).not.toContain('BAN-NHAP-KHONG-CONG-BO');
      expect(all).not.toContain('2021');
    },
  },
];
