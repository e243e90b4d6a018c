// Real queries against the built site's Pagefind index, through the same query expansion and
// merging the browser uses (src/lib/search/run.ts).
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefindIndexer from 'pagefind';
import { search } from './helpers/pagefind-node';
import { foldedPage } from '../src/lib/search/fold-html';

const PLAN = '/van-ban/ke-hoach-so-ket/';
const OUTLINE = '/van-ban/de-cuong-bao-cao/';
const MEMO = '/van-ban/cong-van-xin-y-kien/';
const page = (url: string) => url.split('#')[0];
const pages = async (q: string, filters?: Record<string, string[]>) => (await search(q, { filters })).map((h) => page(h.url));

describe('Vietnamese queries on the built site', () => {
  // [query, page that must come first, pages that must also be found]
  const cases: [string, string, string[]][] = [
    ['công đoàn', OUTLINE, [PLAN, MEMO]],
    ['cong doan', OUTLINE, [PLAN, MEMO]],
    ['CÔNG ĐOÀN', OUTLINE, [PLAN, MEMO]],
    ['công đoàn'.normalize('NFD'), OUTLINE, [PLAN, MEMO]],
    ['doan vien', OUTLINE, [PLAN]],
    ['đoàn viên', OUTLINE, [PLAN]],
    ['thỏa ước', '/chuong-trinh/07-ctr-ldld-2018/', [OUTLINE, PLAN]],
    ['thoả ước', '/chuong-trinh/07-ctr-ldld-2018/', [OUTLINE, PLAN]],
    ['thoa uoc', '/chuong-trinh/07-ctr-ldld-2018/', [OUTLINE, PLAN]],
    ['2494', '/chuong-trinh/2494-ctr-tld-2018/', [OUTLINE, MEMO, '/van-ban-dan-chieu/']],
    ['2494/CTr-TLĐ', '/chuong-trinh/2494-ctr-tld-2018/', [OUTLINE, MEMO]],
    ['1563/CTr-TLĐ', '/chuong-trinh/1563-ctr-tld-2019/', [OUTLINE, MEMO]],
    ['740', '/chuong-trinh/740-ctr-tld-2020/', [OUTLINE]],
    ['cam my', PLAN, []],
    ['Cẩm Mỹ', PLAN, []],
    ['nua nhiem ky', PLAN, [OUTLINE]],
    ['mái ấm công đoàn', OUTLINE, []],
    ['Tín Nghĩa', PLAN, []],
    // Words from a programme's goals find the programme.
    ['giác ngộ giai cấp', '/chuong-trinh/08-ctr-ldld-2018/', [PLAN]],
    ['chuyển biến mạnh mẽ', '/chuong-trinh/07-ctr-ldld-2018/', [PLAN]],
  ];

  // Indicator pages (whose titles hold common words such as "công đoàn") may rank above the
  // documents for generic queries; the ranking asserted here is within the expected page's own
  // section (/van-ban/, /chuong-trinh/, /chi-tieu/), and it must be in the first five overall.
  const sectionOf = (url: string) => url.split('/')[1];
  test.each(cases)('%s', async (query, first, alsoFound) => {
    const found = await pages(query);
    const sameSection = found.filter((url) => sectionOf(url) === sectionOf(first));
    expect(sameSection[0], found.join(', ')).toBe(first);
    expect(found.slice(0, 5), found.join(', ')).toContain(first);
    for (const url of alsoFound) expect(found, url).toContain(url);
  });

  // Indicator pages are found by their name and by words of their definition, with or without diacritics.
  const indicatorCases: [string, string][] = [
    ['kết nạp đoàn viên mới', '/chi-tieu/phat-trien-doan-vien/'],
    ['ket nap doan vien moi', '/chi-tieu/phat-trien-doan-vien/'],
    ['thành lập công đoàn cơ sở mới', '/chi-tieu/thanh-lap-cong-doan-co-so/'],
    ['mái ấm', '/chi-tieu/mai-am-cong-doan/'],
    ['ngừng việc tập thể', '/chi-tieu/ngung-viec-tap-the/'],
    ['thỏa ước lao động tập thể còn hiệu lực', '/chi-tieu/ty-le-thoa-uoc-lao-dong-tap-the/'],
    ['xếp loại hoàn thành tốt nhiệm vụ', '/chi-tieu/ty-le-cong-doan-co-so-vung-manh/'],
    ['doi thoai dinh ky', '/chi-tieu/ty-le-doanh-nghiep-doi-thoai/'],
  ];
  test.each(indicatorCases)('indicator: %s', async (query, first) => {
    const found = await pages(query);
    expect(found[0], found.join(', ')).toBe(first);
  });

  test('indicator pages carry their type and group filters', async () => {
    const [hit] = await search('kết nạp đoàn viên mới');
    expect(hit?.type).toBe('Chỉ tiêu');
    // Every definition says "năm": all nine indicator pages, five of them in the main group.
    const only = await pages('năm', { 'Loại trang': ['Chỉ tiêu'] });
    expect(only.length).toBe(9);
    for (const url of only) expect(url).toMatch(/^\/chi-tieu\/[a-z0-9-]+\/$/);
    const main = await pages('năm', { 'Loại trang': ['Chỉ tiêu'], 'Nhóm chỉ tiêu': ['Nhóm chỉ tiêu chính'] });
    expect(main.length).toBe(5);
  });

  test('at least 15 queries are checked', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  test('"tld", "ctr" and "ctr tld" find the pages citing TLĐ programmes (Pagefind alone does not fold đ)', async () => {
    for (const q of ['tld', 'ctr', 'ctr tld']) {
      const found = await pages(q);
      expect(found, q).toContain('/chuong-trinh/2494-ctr-tld-2018/');
      expect(found, q).toContain(OUTLINE);
    }
  });

  test('56/KH-TLĐ finds the plan and the memo, which cite it', async () => {
    const found = await pages('56/KH-TLĐ');
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining([PLAN, MEMO]));
  });

  test('both tone placements of a word find the same pages: hòa / hoà, khóa / khoá', async () => {
    expect(await pages('hoà')).toEqual(await pages('hòa'));
    expect(await pages('khoá')).toEqual(await pages('khóa'));
  });

  test('results carry the page type, the section and a clean excerpt', async () => {
    const [hit] = await search('Cẩm Mỹ');
    expect(hit?.type).toBe('Văn bản – Kế hoạch');
    expect(hit?.section?.url).toMatch(/^\/van-ban\/ke-hoach-so-ket\/#2-lien-doan-lao-dong-cac-huyen/);
    expect(hit?.section?.title).toMatch(/^2\. Liên đoàn Lao động các huyện/);
    expect(hit?.excerpt).toContain('<mark>');
    expect(hit?.excerpt).not.toMatch(/zzgap/);
    const hits = await search('doan vien');
    for (const h of hits) expect(h.excerpt).not.toMatch(/zzgap/);
  });

  test('the type filter narrows the results', async () => {
    const all = await pages('công đoàn');
    const programmes = await pages('công đoàn', { 'Loại trang': ['Chương trình'] });
    expect(programmes.length).toBeGreaterThan(0);
    expect(programmes.length).toBeLessThan(all.length);
    for (const url of programmes) expect(url).toMatch(/^\/chuong-trinh\//);
  });

  test('navigation and utility pages are not indexed', async () => {
    const found = await pages('công đoàn');
    for (const url of ['/', '/tim-kiem/', '/404.html', '/chuong-trinh/']) expect(found).not.toContain(url);
  });
});

describe('tone-placement ranking on a fixture site', () => {
  // Three pages: one spells "hoà" (old placement), one "hòa" (new), one "hoa" (a different word).
  const fixtures: Record<string, string> = {
    'hoa-cu': 'Xây dựng quan hệ lao động hài hoà, ổn định và tiến bộ.',
    'hoa-moi': 'Xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ.',
    'bong-hoa': 'Tặng hoa cho lao động nữ nhân ngày Quốc tế Phụ nữ.',
  };
  let dist = '';

  test('builds the fixture index', async () => {
    dist = mkdtempSync(join(tmpdir(), 'pf-fixture-'));
    const { index } = await pagefindIndexer.createIndex({ forceLanguage: 'vi' });
    for (const [slug, text] of Object.entries(fixtures)) {
      // Titles without the word, so only the body text decides the ranking.
      const html = `<!doctype html><html lang="vi"><head><title>Trang</title></head><body><main data-pagefind-body><h1>Trang</h1><p>${text}</p></main></body></html>`;
      await index!.addHTMLFile({ url: `/${slug}/`, content: foldedPage(html)! });
    }
    await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
    await pagefindIndexer.close();
  });

  test('"hòa" ranks the "hoà" page as an exact match, above the "hoa" page', async () => {
    const found = (await search('hòa', { dist })).map((h) => page(h.url));
    expect(found.slice(0, 2).sort()).toEqual(['/hoa-cu/', '/hoa-moi/']);
    expect(found.indexOf('/hoa-cu/')).toBeLessThan(found.indexOf('/bong-hoa/'));
  });

  test('"hoà" ranks the "hòa" page above the "hoa" page too', async () => {
    const found = (await search('hoà', { dist })).map((h) => page(h.url));
    expect(found.slice(0, 2).sort()).toEqual(['/hoa-cu/', '/hoa-moi/']);
  });

  test('"hoa" still finds the flower page first', async () => {
    const found = (await search('hoa', { dist })).map((h) => page(h.url));
    expect(found[0]).toBe('/bong-hoa/');
    rmSync(dist, { recursive: true, force: true });
  });
});
