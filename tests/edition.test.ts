// The edition file (content/cau-hinh.yaml): validated like every content file, documented from
// its schema, and the one place that names the organisation and the site's address.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './helpers/source-files';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { checkEdition } from '../src/lib/edition/load';
import { editionFieldRows } from '../src/lib/edition/schema';
import { EDITION_FILE } from '../src/lib/content/paths';
import { cleanup, redTeamCopy, runNpm } from './red-team/harness';

const copies: string[] = [];
afterAll(() => copies.forEach(cleanup));
const withEdition = (edit: (text: string) => string) => {
  const dir = redTeamCopy('soket-edition-');
  copies.push(dir);
  const path = join(dir, EDITION_FILE);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
};

describe('content/cau-hinh.yaml', () => {
  test('the committed edition is valid', () => {
    const checked = checkEdition(process.cwd());
    expect(checked.problems).toEqual([]);
    expect(checked.edition?.organisation.name).toBe('Liên đoàn Lao động tỉnh Đồng Nai');
  });

  test.each([
    ['an unknown (misspelt) field', (t: string) => t.replace('  parentBody:', '  parentbody:'), /^content\/cau-hinh\.yaml:7: organisation\.parentbody: trường "parentbody" không có trong mẫu/m, 'truong-la'],
    ['an address that is not a URL', (t: string) => t.replace('url: https://congdoan-soket.example.vn', 'url: congdoan soket'), /^content\/cau-hinh\.yaml:23: site\.url: /m, ''],
    ['a missing field', (t: string) => t.replace(/^  reportRecipient: .*\n/m, ''), /^content\/cau-hinh\.yaml:4: organisation\.reportRecipient: thiếu trường bắt buộc \(cần chữ\)/m, 'thieu-truong'],
    ['evaluated years outside the congress term', (t: string) => t.replace('years: { from: 2018, to: 2020 }', 'years: { from: 2016, to: 2020 }'), /^content\/cau-hinh\.yaml:20: review\.evaluation\.years: các năm đánh giá 2016 – 2020 phải nằm trong nhiệm kỳ 2018 – 2023/m, 'nam-ngoai-nhiem-ky'],
    ['a vocabulary without its units of measure used by an indicator', (t: string) => t.replace(/^    can-nha: .*\n/m, ''), /^content\/chi-tieu\/mai-am-cong-doan\.yaml:\d+: unit: đơn vị tính "can-nha" không có trong danh mục `vocabularies\.measureUnits` của content\/cau-hinh\.yaml/m, 'gia-tri-cho-phep'],
    ['a congress term other than the dataset\'s', (t: string) => t.replace('term: { from: 2018, to: 2023 }', 'term: { from: 2018, to: 2022 }'), /^content\/so-lieu\/bo-du-lieu\.yaml:7: term: nhiệm kỳ 2018 – 2023 khác nhiệm kỳ của ấn bản \(congress\.term trong content\/cau-hinh\.yaml: 2018 – 2022\)/m, 'nhiem-ky-an-ban'],
    ['a control character in the name', (t: string) => t.replace('Đồng Nai\n', 'Đồng\u0007 Nai\n'), /^content\/cau-hinh\.yaml:5: /m, 'ky-tu-dieu-khien'],
  ])('%s is refused with file:line, field and rule by the pre-build check', (_name, edit, where, rule) => {
    const dir = withEdition(edit);
    const out = runNpm(dir, 'build', [], 90);
    expect(out.status).toBe(1);
    const text = `${out.stdout}${out.stderr}`;
    expect(text).toMatch(where);
    if (rule) expect(text).toContain(`(quy tắc: ${rule})`);
    expect(text).not.toMatch(/^\s+at |Error:/m);
  });

  test('the README documents every field, from the schema\'s own descriptions', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const row of editionFieldRows()) expect(readme, row.field).toContain(`| \`${row.field}\` | ${row.description} |`);
    expect(editionFieldRows().map((r) => r.field)).toEqual(expect.arrayContaining(['organisation.place', 'organisation.scope.word', 'congress.number', 'congress.term', 'review.evaluation.years', 'vocabularies.unitTypes', 'vocabularies.programmeLevels']));
  });

  test('renaming the organisation in the edition file renames it in page titles, headers, share tags, the Word files and the Excel forms', async () => {
    const dir = withEdition((t) => t.replace('  name: Liên đoàn Lao động tỉnh Đồng Nai', '  name: Liên đoàn Lao động tỉnh Thử Nghiệm').replace('  place: Đồng Nai', '  place: Thử Nghiệm').replace('word: toàn tỉnh', 'word: toàn hệ thống').replace('url: https://congdoan-soket.example.vn', 'url: https://soket.thu-nghiem.example.vn').replace('title: Sơ kết giữa nhiệm kỳ Đại hội X Công đoàn tỉnh Đồng Nai', 'title: Sơ kết giữa nhiệm kỳ Đại hội X Công đoàn tỉnh Thử Nghiệm'));
    const out = runNpm(dir, 'build', [], 180);
    expect(out.status, out.stderr.slice(-2000)).toBe(0);
    const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    expect(home).toContain('<span class="publisher">Liên đoàn Lao động tỉnh Thử Nghiệm</span>');
    expect(home).toContain('<meta property="og:site_name" content="Sơ kết giữa nhiệm kỳ Đại hội X Công đoàn tỉnh Thử Nghiệm"');
    expect(home).toMatch(/<link rel="canonical" href="https:\/\/soket\.thu-nghiem\.example\.vn\/"/);
    expect(readFileSync(join(dir, 'dist/sitemap.xml'), 'utf8')).toContain('<loc>https://soket.thu-nghiem.example.vn/</loc>');
    const plan = readFileSync(join(dir, 'dist/van-ban/ke-hoach-so-ket/index.html'), 'utf8');
    expect(plan).toMatch(/<title>[^<]*\| Sơ kết giữa nhiệm kỳ<\/title>/);
    // The header block keeps the place on one line (a span of its own): read its text.
    expect(plan.replace(/<[^>]+>/g, '')).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM');
    expect(plan).toContain('Thử Nghiệm, ngày');
    expect(readFileSync(join(dir, 'dist/chi-tieu/phat-trien-doan-vien/index.html'), 'utf8')).toContain('Kết quả toàn hệ thống (đoàn viên)');
    const docx = await JSZip.loadAsync(readFileSync(join(dir, 'dist/tai-ve/bao-cao/cam-my.docx')));
    expect(await docx.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>Liên đoàn Lao động tỉnh Thử Nghiệm</dc:creator>');
    expect(await docx.file('word/document.xml')!.async('string')).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'dist/tai-ve/bieu-mau/cam-my.xlsx')) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('Biểu mẫu')!.getCell('A1').value).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH THỬ NGHIỆM');
    expect(book.creator).toBe('Liên đoàn Lao động tỉnh Thử Nghiệm');
  }, 240_000);
});

/** Every code file of src/, scripts/ (benchmark corpora aside) and astro.config.mjs. */
function codeFiles(): string[] {
  const code = /\.(ts|mjs|js|astro|css)$/;
  // The benchmark's corpora are made up in this edition's words on purpose.
  return ['astro.config.mjs', ...filesUnder('src', code), ...filesUnder('scripts', code, (folder) => folder === 'scripts/bench')];
}

describe('nothing in the code names this edition', () => {
  test('no file of src/, scripts/ or astro.config.mjs writes the edition file\'s facts', () => {
    const e = checkEdition(process.cwd()).edition!;
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const spans = [e.congress.term, e.review.evaluation.years].flatMap(({ from, to }) => [`${from} ?[–-] ?${to}`]);
    const [untilYear, untilMonth] = e.review.evaluation.until.split('-');
    const facts: [string, RegExp][] = [
      ...[e.organisation.name, e.organisation.shortName, e.organisation.place, e.organisation.reportRecipient, e.congress.name, e.review.title, new URL(e.site.url).host]
        .map((t): [string, RegExp] => [t, new RegExp(escape(t), 'iu')]),
      [`Đại hội ${e.congress.number}`, new RegExp(`(Đại hội|khóa|khoá|lần thứ) ${e.congress.number}(?![IVXLC])`, 'u')],
      [e.organisation.scope.word, new RegExp(escape(e.organisation.scope.word), 'iu')],
      [e.organisation.scope.slug, new RegExp(`['"\`/]${escape(e.organisation.scope.slug)}['"\`.]`)],
      ...spans.map((span): [string, RegExp] => [span, new RegExp(span)]),
      [`${untilMonth}/${untilYear}`, new RegExp(`\\b0?${Number(untilMonth)}/${untilYear}\\b`)],
      // A year of the edition as a string or key in code ('2018', "2019").
      ...[...new Set([e.congress.term.from, e.congress.term.to, e.review.evaluation.years.from, e.review.evaluation.years.to])]
        .map((y): [string, RegExp] => [`'${y}'`, new RegExp(`['"\`]${y}['"\`]`)]),
    ];
    const found: string[] = [];
    for (const file of codeFiles()) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const [fact, pattern] of facts) if (pattern.test(line)) found.push(`${file}:${i + 1}: "${fact}" — ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found, `the edition's facts belong in ${EDITION_FILE}:\n${found.join('\n')}`).toEqual([]);
  });
});
