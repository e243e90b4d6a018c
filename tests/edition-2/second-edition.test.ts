// A second edition, built from its own content folder with the same src/: another organisation (a
// sector union in another province), another congress and term, other units, indicators and years
// (tests/fixtures/an-ban-thu-hai/content/). Built the way the README says to build another
// edition — its content/ in place of this one's, then `npm run check:data` and `npm run build` —
// and checked like the real edition: pages, search, downloads, the data check.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { cleanup, redTeamCopy, runNpm, type Outcome } from '../red-team/harness';
import { htmlFiles } from '../helpers/dist';
import { checkLinks } from '../helpers/links';
import { htmlProblems } from '../helpers/html';
import { search } from '../helpers/pagefind-node';
import { axeViolations, drawCharts, openPage, useSiteInBrowser } from '../helpers/browser';
import { countingEnv, type ProcessReads } from '../helpers/content-reads';

const FIXTURE = 'tests/fixtures/an-ban-thu-hai/content';
const SITE = 'https://soket.cdgd-binhphuoc.example.org';
let dir = '';
let dist = '';
let checkData: Outcome;
let build: Outcome;
/** What each Node process of the build read under content/ (tests/helpers/count-content-reads.mjs). */
let buildReads: ProcessReads[] = [];

beforeAll(() => {
  dir = redTeamCopy('soket-an-ban-2-');
  // Its own content, and no git history of this edition's files.
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  cpSync(FIXTURE, join(dir, 'content'), { recursive: true });
  if (existsSync(join(dir, '.git'))) unlinkSync(join(dir, '.git'));
  checkData = runNpm(dir, 'check:data', [], 60);
  const counting = countingEnv();
  build = runNpm(dir, 'build', [], 240, counting.env);
  buildReads = counting.reads();
  counting.done();
  dist = join(dir, 'dist');
  console.log(`Ấn bản thứ hai: npm run build ${build.seconds.toFixed(1)} s, npm run check:data ${checkData.seconds.toFixed(1)} s`);
}, 300_000);
afterAll(() => { if (dir) cleanup(dir); });
// Its dist/ served on localhost to one Chromium, after the build above.
const site = useSiteInBrowser(() => dist);

const page = (path: string) => parse(readFileSync(join(dist, path), 'utf8'));
const text = (path: string) => page(path).textContent.replace(/\s+/g, ' ');

describe('the second edition, built from its own content/ with the same src/', () => {
  test('npm run check:data and npm run build accept it', () => {
    expect(checkData.status, checkData.stderr).toBe(0);
    expect(checkData.stdout).toContain('Số liệu hợp lệ: 21 dòng kết quả, 3 chỉ tiêu, 4 đơn vị, năm 2023, 2024. Trạng thái: số liệu MINH HỌA.');
    expect(build.status, build.stderr.slice(-3000)).toBe(0);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  test('the build reads content/ once per process: the edition file once in the pre-check and once in Astro', () => {
    // The project's own readers (src/lib/gateway/content.ts and below); Astro's collection loader
    // reads the MDX files again to render them, with its own reader, not counted here.
    const check = buildReads.filter((p) => p.argv.some((a) => a.endsWith('scripts/check.ts')));
    const astro = buildReads.filter((p) => p.argv.some((a) => a.endsWith('astro.mjs')) && p.argv.includes('build'));
    expect(check).toHaveLength(1);
    expect(astro).toHaveLength(1);
    for (const { reads } of [...check, ...astro]) {
      expect(reads['content/cau-hinh.yaml']).toBe(1);
      expect(reads['content/so-lieu/bo-du-lieu.yaml']).toBe(1);
      expect(Object.entries(reads).filter(([, n]) => n !== 1)).toEqual([]);
    }
    // Astro read the documents' front matter and the data too, in that one reading.
    expect(Object.keys(astro[0].reads).filter((f) => f.startsWith('content/van-ban/')).length).toBeGreaterThan(0);
    expect(Object.keys(astro[0].reads).filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
  });

  test('its name, address and share tags are its own on every page; the first edition\'s appear nowhere', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<title>Sơ kết giữa nhiệm kỳ Đại hội XI Công đoàn Giáo dục tỉnh Bình Phước</title>');
    expect(home).toContain('<span class="publisher">Công đoàn Giáo dục tỉnh Bình Phước</span>');
    expect(home).toContain('<meta property="og:site_name" content="Sơ kết giữa nhiệm kỳ Đại hội XI Công đoàn Giáo dục tỉnh Bình Phước"');
    expect(home).toContain(`<link rel="canonical" href="${SITE}/"`);
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain(`<loc>${SITE}/don-vi/cdgd-bu-dang/</loc>`);
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(15);
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      expect(html, file).not.toMatch(/Đồng Nai|toàn tỉnh|Toàn tỉnh|Đại hội X\b|congdoan-soket\.example\.vn/);
    }
  });

  test('it installs under its own name, and its service worker keeps its own documents and units', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe('Sơ kết giữa nhiệm kỳ Đại hội XI Công đoàn Giáo dục tỉnh Bình Phước');
    expect(JSON.stringify(manifest)).not.toMatch(/Đồng Nai/);
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const kept = (JSON.parse(/\[\{"url":.*?\}\]/s.exec(sw)![0]) as { url: string }[]).map((e) => e.url);
    const documents = htmlFiles(dist).filter((f) => /^van-ban\/[^/]+\/index\.html$/.test(f) && !f.startsWith('van-ban/trang/'));
    expect(documents.length).toBeGreaterThan(0);
    for (const file of documents) expect(kept, file).toContain(`/${file.replace(/index\.html$/, '')}`);
    for (const url of ['/', '/don-vi/', '/kiem-tra-bieu-mau/', '/ngoai-tuyen/']) expect(kept).toContain(url);
    // Built from a test (NODE_ENV=test), its pages still register the worker.
    const registration = /src="(\/_astro\/BaseLayout\.astro_astro_type_script[^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1]!;
    expect(readFileSync(join(dist, registration), 'utf8')).toMatch(/serviceWorker\.register\(["'`]\/sw\.js["'`]\)/);
  });

  test('every page is valid HTML and under 100 KB', async () => {
    const pages = htmlFiles(dist);
    expect(await htmlProblems(dist, pages)).toEqual([]);
    for (const file of pages) expect(readFileSync(join(dist, file)).length, file).toBeLessThan(100 * 1024);
  });

  test('every internal link and anchor resolves', () => {
    const { broken, checked } = checkLinks(dist, htmlFiles(dist), undefined, SITE);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  test('the document: header block of this organisation, its schedule on the timeline, its citation linked', () => {
    const doc = text('van-ban/ke-hoach-so-ket-nganh/index.html');
    expect(doc).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC');
    expect(doc).toContain('CÔNG ĐOÀN GIÁO DỤC TỈNH BÌNH PHƯỚC');
    expect(doc).toContain('Bình Phước, ngày …… tháng …… năm ……');
    const cite = page('van-ban/ke-hoach-so-ket-nganh/index.html').querySelectorAll('a').find((a) => a.textContent.includes('05/CTr-CĐGD'));
    expect(cite?.getAttribute('href')).toMatch(/^\/chuong-trinh\/05-ctr-cdgd-2023\//);
    const home = text('index.html');
    expect(home).toContain('Gửi báo cáo sơ kết về Văn phòng Công đoàn Giáo dục tỉnh');
    expect(home).toContain('Trước ngày 15/11/2025');
    // The menu names this edition's one document, and the programme levels are its own.
    expect(page('index.html').querySelectorAll('.main-nav a').map((a) => a.getAttribute('href'))).toContain('/van-ban/ke-hoach-so-ket-nganh/');
    expect(text('chuong-trinh/index.html')).toContain('Cấp ngành (Công đoàn Giáo dục tỉnh Bình Phước)');
    expect(home).toContain('các chương trình mà văn bản sơ kết yêu cầu báo cáo (Cấp ngành (Công đoàn Giáo dục tỉnh Bình Phước): 1 chương trình).');
    // The timeline's "Việc của đơn vị tôi" choices are this edition's kinds of unit.
    const choices = page('index.html').querySelectorAll('input[name="viec-cua"]').map((i) => [i.getAttribute('value'), i.getAttribute('data-loc')]);
    expect(choices).toEqual([['tat-ca', undefined], ['cd-giao-duc-huyen', '1'], ['cd-giao-duc-huyen-dai-hoi-muon', '2'], ['cdcs-truong', '3']]);
  });

  test('indicators and units speak of the whole sector ("toàn ngành"), in its units of measure and groups', () => {
    const indicator = text('chi-tieu/giao-vien-dat-chuan/index.html');
    expect(indicator).toContain('Kết quả toàn ngành (giáo viên)');
    expect(indicator).toContain('Toàn ngành');
    expect(indicator).toContain('Nhóm chỉ tiêu cơ bản');
    expect(text('chi-tieu/index.html')).toContain('Nhóm chỉ tiêu phối hợp');
    const late = text('don-vi/cdgd-bu-dang/index.html');
    expect(late).toContain('Công đoàn Giáo dục huyện, thị xã, thành phố');
    expect(late).toContain('đánh giá từ đầu nhiệm kỳ đến thời điểm tháng 6/2025');
    expect(text('don-vi/cdgd-dong-xoai/index.html')).toContain('Từ đầu nhiệm kỳ đến hết tháng 9/2025.');
    expect(text('don-vi/index.html')).toContain('Công đoàn cơ sở trường trực thuộc');
  });

  test('search finds its own names, with or without diacritics', async () => {
    const unit = await search('Bù Đăng', { dist });
    expect(unit.map((h) => h.url.split('#')[0])).toContain('/don-vi/cdgd-bu-dang/');
    const plain = await search('ke hoach so ket nganh', { dist });
    expect(plain.map((h) => h.url.split('#')[0]), JSON.stringify(plain.map((h) => h.url))).toContain('/van-ban/ke-hoach-so-ket-nganh/');
    const programme = await search('doi ngu nha giao', { dist });
    expect(programme.map((h) => h.url.split('#')[0]), JSON.stringify(programme.map((h) => h.url))).toContain('/chuong-trinh/05-ctr-cdgd-2023/');
  });

  test('downloads: the Word drafts, the Excel and CSV forms, the calendars and the CSV of all figures', async () => {
    const draft = await JSZip.loadAsync(readFileSync(join(dist, 'tai-ve/bao-cao/toan-nganh.docx')));
    const body = await draft.file('word/document.xml')!.async('string');
    expect(body).toContain('CÔNG ĐOÀN GIÁO DỤC TỈNH BÌNH PHƯỚC');
    expect(body).toContain('Phân bổ năm (toàn ngành)');
    expect(body).toContain('từ đầu nhiệm kỳ đến hết tháng 9/2025.');
    expect(await draft.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>Công đoàn Giáo dục tỉnh Bình Phước</dc:creator>');
    const unitDraft = await JSZip.loadAsync(readFileSync(join(dist, 'tai-ve/bao-cao/cdgd-bu-dang.docx')));
    expect(await unitDraft.file('word/document.xml')!.async('string')).toContain('đơn vị kéo dài thời gian Đại hội: đánh giá từ đầu nhiệm kỳ đến thời điểm tháng 6/2025.');
    expect(existsSync(join(dist, 'tai-ve/de-cuong-bao-cao.docx'))).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dist, 'tai-ve/bieu-mau/cdgd-bu-dang.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Biểu mẫu')!;
    expect(sheet.getCell('A1').value).toBe('CÔNG ĐOÀN GIÁO DỤC TỈNH BÌNH PHƯỚC');
    expect(sheet.getCell('C3').value).toBe('Công đoàn Giáo dục huyện Bù Đăng');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('giáo viên');
    expect(cells).toContain('Nhóm chỉ tiêu cơ bản');
    expect(book.creator).toBe('Công đoàn Giáo dục tỉnh Bình Phước');
    expect(readFileSync(join(dist, 'tai-ve/bieu-mau/toan-nganh.csv'), 'utf8')).toContain('giao-vien-dat-chuan');

    const calendar = readFileSync(join(dist, 'lich/cdgd-bu-dang.ics'), 'utf8');
    expect(calendar).toContain('DTSTART;VALUE=DATE:20251114');
    // Long lines of a calendar are folded (RFC 5545): unfold before reading.
    expect(readFileSync(join(dist, 'lich/toan-bo.ics'), 'utf8').replace(/\r\n /g, '')).toContain('Đại hội XI Công đoàn Giáo dục tỉnh Bình Phước');
    const all = readFileSync(join(dist, 'so-lieu/toan-bo.csv'), 'utf8').trim().split(/\r?\n/);
    expect(all.length).toBe(22);
  });

  test('its data check uses its own vocabularies: a kind of unit of the first edition is refused at its line', () => {
    const file = join(dir, 'content/don-vi/cdgd-dong-xoai.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('type: cd-giao-duc-huyen', 'type: ldld-huyen'));
    try {
      const out = runNpm(dir, 'check:data', [], 60);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('content/don-vi/cdgd-dong-xoai.yaml:3: type: loại đơn vị "ldld-huyen" không có trong danh mục `vocabularies.unitTypes` của content/cau-hinh.yaml (cd-giao-duc-huyen, cdcs-truong) (quy tắc: gia-tri-cho-phep)');
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('the second edition in Chromium', () => {
  test('"Việc của đơn vị tôi" narrows the timeline to its own kinds of unit', async () => {
    const { page, errors, requests } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/`);
    const shown = () => page.locator('.timeline > li:visible').evaluateAll((els) => els.map((el) => el.id));
    expect(await shown()).toEqual(['han-dai-hoi-muon', 'han-ban-hanh-ke-hoach', 'han-gui-bao-cao']);
    await page.getByLabel('Công đoàn cơ sở trường trực thuộc', { exact: true }).check();
    expect(await shown()).toEqual(['han-gui-bao-cao']);
    await page.getByLabel(/kéo dài thời gian Đại hội/).check();
    expect(await shown()).toEqual(['han-dai-hoi-muon', 'han-gui-bao-cao']);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    await page.context().close();
  });

  test('searching its own names without diacritics finds its unit', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/tim-kiem/`);
    await page.locator('#tu-khoa').pressSequentially('bu dang', { delay: 20 });
    await page.locator('ol#ket-qua-tim-kiem > li.search-result').first().waitFor();
    const hrefs = await page.locator('ol#ket-qua-tim-kiem > li.search-result a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/don-vi/cdgd-bu-dang/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('its indicator page draws its charts, with no accessibility violation', async () => {
    const { page, errors, requests } = await openPage(site.browser, { bypassCSP: true });
    await page.goto(`${site.origin}/chi-tieu/giao-vien-dat-chuan/`);
    await drawCharts(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(site.origin))).toEqual([]);
    await page.context().close();
  });
});
