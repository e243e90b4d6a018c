// Issue 15, items 6 and 7 (the build and the YAML it reads): hostile front matter, MDX bodies and
// data YAML, and a fault at the search-index step. Front matter and MDX are checked by the build
// (its pre-check, before Astro starts); data YAML by `npm run check:data`. Each refusal must name
// the file and line, and leave content/ and dist/ byte for byte (the harness checks both).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { join } from 'node:path';
import { at, lineOf, memoWithStrayBrace, memoWithUnknownKey, plant, type RedTeamCase } from './harness';

const MEMO = 'content/van-ban/cong-van-xin-y-kien.mdx';
const UNIT = 'content/don-vi/bien-hoa.yaml';
const memo = readFileSync(MEMO, 'utf8');

/** Nine anchors of nine aliases each: 9^9 strings if expanded ("billion laughs"). */
const bomb = (prefix: string) =>
  [
    `${prefix}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
    ...'bcdefghi'.split('').map((name, i) => `${prefix}${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ].join('\n');

const stray = memoWithStrayBrace(memo);
const unclosed = memo.replace('gian trên xem như thống nhất', 'gian trên xem như <b>thống nhất');
const unknownKey = memoWithUnknownKey(memo);
const bombed = memo.replace(/^---\n/, `---\n${bomb('x')}\n`);
const bell = memo.replace(/^title: (.*)$/m, 'title: "$1\u0007"');
const PLAN = 'content/van-ban/ke-hoach-so-ket.mdx';
const EDITION = 'content/cau-hinh.yaml';
const plan = readFileSync(PLAN, 'utf8');
const edition = readFileSync(EDITION, 'utf8');
// Issue 25 point 3: a zero-width space in a schedule task, U+FFFE in the organisation's name.
const zeroWidthTask = plan.replace(/^(\s+task: Ban hành)/m, '$1\u200B');
const bidiBody = memo.replace('Văn phòng dự thảo', 'Văn phòng dự \u202Ethảo 2021\u202C');
const fffeName = edition.replace(/^( {2}name: Liên đoàn Lao động tỉnh)/m, '$1\uFFFE');
// Issue 25 point 5: the edition's holes, through the build.
const scopeIsUnit = edition.replace('slug: toan-tinh', 'slug: bien-hoa');
// Issue 25 point 5: a build started while an import holds the results folder's lock.
const CSV_2019 = 'content/so-lieu/2019.csv';
const csvLine = readFileSync(CSV_2019, 'utf8').split(/\r?\n/).find((l) => /^[^,]+,2019,[^,]+,\d+,,,$/.test(l))!;
const importedLine = csvLine.replace(/,(\d+),,,$/, ',876543,,,');
/** What `npm run import:form` does (scripts/import-form.ts), slowed down: takes the lock, holds it 4 s, writes all files together, releases. */
const slowImport = (dir: string) => new Promise<void>((resolve) => {
  writeFileSync(join(dir, 'nhap-cham.ts'), `
    import { acquireLock, commitFiles } from './src/lib/fs/transaction.ts';
    import { readFileSync } from 'node:fs';
    const dir = 'content/so-lieu';
    const lock = await acquireLock(dir);
    console.log('held');
    await new Promise((r) => setTimeout(r, 4000));
    const text = readFileSync(dir + '/2019.csv', 'utf8').replace(${JSON.stringify(csvLine)}, ${JSON.stringify(importedLine)});
    commitFiles(dir, [{ name: '2019.csv', bytes: new TextEncoder().encode(text) }]);
    lock.release();
  `);
  const child = spawn(join(process.cwd(), 'node_modules/.bin/node'), ['nhap-cham.ts'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  child.stdout.once('data', () => resolve());
  child.unref();
});
const dataUrl = edition.replace(/^( {2}url: ).*$/m, '$1"data:text/html,<b>x</b>"');

export const cases: RedTeamCase[] = [
  { name: 'build: a stray { in an MDX body', command: 'build', outcome: 'refused', setup: plant(MEMO, stray),
    message: /dấu \{ không có dấu \} đóng.*\(quy tắc: cu-phap-mdx\)/, where: at(MEMO, lineOf(stray, 'dự { thảo'), 14) },
  { name: 'build: an unclosed JSX tag in an MDX body', command: 'build', outcome: 'refused', setup: plant(MEMO, unclosed),
    message: /thẻ <b> chưa được đóng.*\(quy tắc: cu-phap-mdx\)/, where: at(MEMO, lineOf(unclosed, '<b>thống')) },
  { name: 'build: an unknown front-matter key', command: 'build', outcome: 'refused', setup: plant(MEMO, unknownKey),
    message: /trường "tieuDe" không có trong mẫu.*\(quy tắc: truong-la\)/, where: at(MEMO, lineOf(unknownKey, 'tieuDe:')) },
  { name: 'build: a YAML alias bomb in front matter', command: 'build', outcome: 'refused', setup: plant(MEMO, bombed),
    message: /bom bí danh.*\(quy tắc: yaml-bi-danh\)/, where: at(MEMO, 3) },
  { name: 'build: a BEL control character in a document title', command: 'build', outcome: 'refused', setup: plant(MEMO, bell),
    message: /title: giá trị chứa ký tự điều khiển U\+0007.*\(quy tắc: ky-tu-dieu-khien\)/, where: at(MEMO, lineOf(bell, 'title:')) },
  { name: 'build: a zero-width space in a schedule task (front matter)', command: 'build', outcome: 'refused', setup: plant(PLAN, zeroWidthTask),
    message: /schedule\[0\]\.task: giá trị chứa ký tự vô hình U\+200B \(ZERO WIDTH SPACE\).*— giá trị "Ban hành<U\+200B> Kế hoạch.*\(quy tắc: ky-tu-khong-hop-le\)/, where: at(PLAN, lineOf(zeroWidthTask, '\u200B')) },
  { name: 'build: a right-to-left override in a document\'s body', command: 'build', outcome: 'refused', setup: plant(MEMO, bidiBody),
    message: /\(nội dung MDX\): nội dung chứa ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*\(quy tắc: ky-tu-khong-hop-le\)/, where: at(MEMO, lineOf(bidiBody, '\u202E'), 14) },
  { name: 'build: U+FFFE in the organisation\'s name (edition file)', command: 'build', outcome: 'refused', setup: plant(EDITION, fffeName),
    message: /organisation\.name: giá trị chứa ký tự U\+FFFE \(noncharacter\), không có trong bảng ký tự của XML.*\(quy tắc: ky-tu-khong-hop-le\)/, where: at(EDITION, lineOf(fffeName, '\uFFFE')) },
  { name: 'build: organisation.scope.slug equal to a unit code (its draft and form would replace the unit\'s)', command: 'build', outcome: 'refused', setup: plant(EDITION, scopeIsUnit),
    message: /organisation\.scope\.slug: mã phạm vi "bien-hoa" trùng mã đơn vị content\/don-vi\/bien-hoa\.yaml.*\(quy tắc: ma-pham-vi-trung\)/, where: at(EDITION, lineOf(scopeIsUnit, 'slug: bien-hoa')) },
  { name: 'build: site.url is a data: address (the build died with an English stack)', command: 'build', outcome: 'refused', setup: plant(EDITION, dataUrl),
    message: /site\.url: địa chỉ trang phải bắt đầu bằng https:\/\/ hoặc http:\/\/, không phải "data:" \(quy tắc: dinh-dang\)/, where: at(EDITION, lineOf(dataUrl, 'url:')) },
  { name: 'build: an import holds the results lock; the build waits, then publishes the imported figure', command: 'build', outcome: 'accepted', seconds: 120,
    setup: slowImport,
    message: /Đang chờ một lần nhập biểu mẫu \(tiến trình \d+ trên máy .*\) xong \(khoá .*content\/so-lieu\/\.nhap-bieu-mau\.khoa; chờ tối đa 120 giây\)…/,
    after: (dir) => {
      const [unit, , indicator] = importedLine.split(',');
      expect(readFileSync(join(dir, 'dist/so-lieu/toan-bo.csv'), 'utf8')).toMatch(new RegExp(`^${unit},2019,${indicator},876543,`, 'm'));
    } },
  { name: 'build: node_modules cannot be written (chattr +i): Astro fails to write its store, one Vietnamese line', command: 'build', outcome: 'refused',
    setup: (dir) => { spawnSync('chattr', ['+i', join(dir, 'node_modules')]); },
    message: /^Dựng trang không thành công ở bước dựng trang \(astro build\): không có quyền ghi \(tệp hoặc thư mục chỉ đọc, hoặc đang bị chương trình khác giữ\).*; dist\/ vẫn là bản dựng trước, không đổi\./m, where: /khi ghi node_modules\/|dựng trang \(astro build\)/ },
  { name: 'build: the Pagefind step fails (a file named pagefind in public/)', command: 'build', outcome: 'refused',
    setup: (dir) => writeFileSync(join(dir, 'public/pagefind'), 'not the search index'),
    message: /Pagefind: lập chỉ mục không thành công.*\n(.*\n)*Dựng trang không thành công ở bước lập chỉ mục tìm kiếm \(Pagefind\); dist\/ vẫn là bản dựng trước/, where: /public\/pagefind/ },
  { name: 'check:data: a YAML alias bomb in a unit file', command: 'check:data', outcome: 'refused', setup: plant(UNIT, (t) => `${t}${bomb('x')}\n`),
    // The alias that expands is on the second line of the bomb, appended after the file's last line.
    message: /bom bí danh.*\(quy tắc: yaml-bi-danh\)/, where: at(UNIT, readFileSync(UNIT, 'utf8').split('\n').length + 1) },
  { name: 'check:data: 200,000 keys in an indicator file (1.7 MB: refused by size before parsing)', command: 'check:data', outcome: 'refused', seconds: 15,
    setup: plant('content/chi-tieu/mai-am-cong-doan.yaml', (t) => `${t}${Array.from({ length: 200_000 }, (_, i) => `k${i.toString(36)}: 1`).join('\n')}\n`),
    message: /tệp quá lớn \(1,7 MB\); giới hạn cho loại tệp này là 256 KB.*\(quy tắc: tep-qua-lon\)/, where: /content\/chi-tieu\/mai-am-cong-doan\.yaml: tệp quá lớn/ },
  { name: 'check:data: 20,000 keys in an indicator file (under the size limit)', command: 'check:data', outcome: 'refused', seconds: 15,
    setup: plant('content/chi-tieu/mai-am-cong-doan.yaml', (t) => `${t}${Array.from({ length: 20_000 }, (_, i) => `k${i.toString(36)}: 1`).join('\n')}\n`),
    message: /quá nhiều trường và mục \(hơn 10\.000\) \(quy tắc: yaml-qua-nhieu-truong\)/, where: at('content/chi-tieu/mai-am-cong-doan.yaml', 10_001) },
  { name: 'check:data: 10,000 levels of [ in the dataset metadata', command: 'check:data', outcome: 'refused',
    setup: plant('content/so-lieu/bo-du-lieu.yaml', (t) => `${t}nested: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    message: /lồng nhau quá sâu.*\(quy tắc: yaml-long-qua-sau\)/, where: at('content/so-lieu/bo-du-lieu.yaml', readFileSync('content/so-lieu/bo-du-lieu.yaml', 'utf8').split('\n').length) },
  { name: 'check:data: a million-character unit name (refused by size before parsing)', command: 'check:data', outcome: 'refused',
    setup: plant(UNIT, (t) => t.replace(/^name: .*$/m, `name: "${'Biên Hòa '.repeat(111_112)}"`)),
    message: /tệp quá lớn \(1,2 MB\); giới hạn cho loại tệp này là 256 KB.*\(quy tắc: tep-qua-lon\)/, where: /content\/don-vi\/bien-hoa\.yaml: tệp quá lớn/ },
  { name: 'check:data: a 100,000-character unit name', command: 'check:data', outcome: 'refused',
    setup: plant(UNIT, (t) => t.replace(/^name: .*$/m, `name: "${'Biên Hòa '.repeat(11_112)}"`)),
    message: / name: giá trị dài 100\.008 ký tự, quá giới hạn 10\.000 ký tự — giá trị "Biên Hòa Biên Hòa.{0,50}…" \(quy tắc: gia-tri-qua-dai\)/, where: at(UNIT, 1) },
  { name: 'check:data: a right-to-left override in a unit name (YAML)', command: 'check:data', outcome: 'refused', setup: plant(UNIT, (t) => t.replace('Biên Hòa"', '\u202EBiên Hòa\u202C"')),
    message: / name: giá trị chứa ký tự điều khiển hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\).*giá trị "Liên đoàn Lao động thành phố <U\+202E>Biên Hòa<U\+202C>" \(quy tắc: ky-tu-khong-hop-le\)/, where: at(UNIT, 1) },
  { name: 'check:data: U+FFFF escaped in an indicator\'s source (YAML "\\uFFFF")', command: 'check:data', outcome: 'refused', setup: plant('content/chi-tieu/mai-am-cong-doan.yaml', (t) => t.replace(/^source: (.*)$/m, 'source: "$1\\uFFFF"')),
    message: / source: giá trị chứa ký tự U\+FFFF.*\(quy tắc: ky-tu-khong-hop-le\)/, where: at('content/chi-tieu/mai-am-cong-doan.yaml', lineOf(readFileSync('content/chi-tieu/mai-am-cong-doan.yaml', 'utf8'), 'source:')) },
  { name: 'check:data: a zero-width joiner in the dataset description', command: 'check:data', outcome: 'refused', setup: plant('content/so-lieu/bo-du-lieu.yaml', (t) => `${t.trimEnd()}\n`.replace(/^(\w+): (\S)/m, '$1: $2\u200D')),
    message: /ký tự vô hình U\+200D \(ZERO WIDTH JOINER\).*\(quy tắc: ky-tu-khong-hop-le\)/, where: /content\/so-lieu\/bo-du-lieu\.yaml:\d+/ },
  { name: 'check:data: a NUL in a unit name', command: 'check:data', outcome: 'refused', setup: plant(UNIT, (t) => t.replace('Biên Hòa"', 'Biên\u0000 Hòa"')),
    message: / name: giá trị chứa ký tự điều khiển U\+0000.*giá trị "Liên đoàn Lao động thành phố Biên<U\+0000> Hòa" \(quy tắc: ky-tu-dieu-khien\)/, where: at(UNIT, 1) },
  { name: 'check:data: a 3 MB unit file', command: 'check:data', outcome: 'refused', setup: plant(UNIT, (t) => `${t}# ${'x'.repeat(3_000_000)}\n`),
    message: /tệp quá lớn \(2,9 MB\); giới hạn cho loại tệp này là 256 KB.*\(quy tắc: tep-qua-lon\)/, where: /content\/don-vi\/bien-hoa\.yaml: tệp quá lớn/ },
];
