// Phone and paper (issue 16): what a reader sees at 360 and 768 px and what prints on A4.
import { describe, expect, test } from 'vitest';
import { openPage, useSiteInBrowser } from '../helpers/browser';
import { brokenWords } from '../helpers/broken-words';
import { htmlFiles, urlOf } from '../helpers/dist';
import { layoutShiftOf, recordLayoutShifts } from '../helpers/layout-shift';
import { printedPdfPages } from '../helpers/pdf-text';

const site = useSiteInBrowser();
const DIST = process.env.DIST_DIR ?? 'dist';

/** Every built page, by the type a reader would name; the search page is measured with results. */
const PAGE_TYPES: Record<string, (url: string) => boolean> = {
  'trang chủ': (u) => u === '/',
  'danh sách văn bản': (u) => u === '/van-ban/',
  'văn bản': (u) => /^\/van-ban\/[^/]+\/$/.test(u),
  'danh sách chương trình': (u) => u === '/chuong-trinh/',
  'chương trình': (u) => u.startsWith('/chuong-trinh/') && u !== '/chuong-trinh/',
  'danh mục dẫn chiếu': (u) => u.startsWith('/van-ban-dan-chieu/'),
  'danh sách chỉ tiêu': (u) => u === '/chi-tieu/',
  'chỉ tiêu': (u) => u.startsWith('/chi-tieu/') && u !== '/chi-tieu/',
  'danh sách đơn vị': (u) => u === '/don-vi/',
  'đơn vị': (u) => u.startsWith('/don-vi/') && u !== '/don-vi/',
};
const pages = htmlFiles(DIST).map(urlOf).filter((u) => u !== '/404.html' && u !== '/tim-kiem/');
const pagesOf = (type: string) => pages.filter(PAGE_TYPES[type]);

describe('no word or number broken across lines', () => {
  test('every page type has pages', () => {
    for (const type of Object.keys(PAGE_TYPES)) expect(pagesOf(type).length, type).toBeGreaterThan(0);
  });

  for (const width of [360, 768]) {
    for (const type of Object.keys(PAGE_TYPES)) {
      test(`${type}, ${width} px`, async () => {
        const { page } = await openPage(site.browser, { width });
        const failures: string[] = [];
        let words = 0;
        for (const path of pagesOf(type)) {
          await page.goto(`${site.origin}${path}`);
          const result = await brokenWords(page);
          words += result.words;
          failures.push(...result.broken.map((b) => `${path} ${b.where}: "${b.word}"`));
        }
        // The measure is real: thousands of words were looked at.
        expect(words).toBeGreaterThan(200);
        expect(failures).toEqual([]);
        await page.context().close();
      }, 60_000);
    }

    test(`search results, ${width} px`, async () => {
      const { page } = await openPage(site.browser, { width });
      await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('công đoàn')}`);
      await page.locator('#ket-qua-tim-kiem li').first().waitFor();
      const result = await brokenWords(page);
      expect(result.words).toBeGreaterThan(200);
      expect(result.broken).toEqual([]);
      await page.context().close();
    });
  }

  test('the measure catches a broken word', async () => {
    const { page } = await openPage(site.browser, { width: 360, bypassCSP: true });
    await page.goto(`${site.origin}/chi-tieu/phat-trien-doan-vien/`);
    // What the site did before: cells shrink and numbers break anywhere.
    await page.addStyleTag({ content: '.data-table td, .data-table th { overflow-wrap: anywhere !important; white-space: normal !important; } .data-table { table-layout: fixed; width: 100% !important; }' });
    const result = await brokenWords(page);
    expect(result.broken.length).toBeGreaterThan(10);
    await page.context().close();
  });
});

describe('no layout shift from the header, the contents, the to-do box or the charts', () => {
  // Two pages of every type (the three documents, the plan and the outline with the contents
  // highlighter at 1280 px; units with their to-do box; indicators with their charts), the report
  // status, and the search page with results and with a suggestion, which arrive after load.
  const samples = [
    ...Object.keys(PAGE_TYPES).flatMap((type) => pagesOf(type).slice(0, type === 'văn bản' ? 3 : 2)),
    '/tinh-hinh-bao-cao/',
  ];
  const searches: [string, string][] = [
    [`/tim-kiem/?q=${encodeURIComponent('công đoàn')}`, '#ket-qua-tim-kiem li'],
    ['/tim-kiem/?q=tranh+chap+lao+dng', '#goi-y-tim-kiem a'],
  ];

  for (const width of [360, 1280]) {
    test(`CLS is 0 on every page type, scrolled through, at ${width} px`, async () => {
      const context = await site.browser.newContext({ serviceWorkers: 'block', viewport: { width, height: 800 }, locale: 'vi-VN' });
      await recordLayoutShifts(context);
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of samples) {
        const { cls, shifts } = await layoutShiftOf(page, `${site.origin}${path}`);
        if (cls > 0) found.push(`${path}: ${cls.toFixed(4)} ${JSON.stringify(shifts)}`);
      }
      for (const [path, arrived] of searches) {
        const { cls, shifts } = await layoutShiftOf(page, `${site.origin}${path}`, (p) => p.locator(arrived).first().waitFor());
        if (cls > 0) found.push(`${path}: ${cls.toFixed(4)} ${JSON.stringify(shifts)}`);
      }
      expect(samples.length).toBe(16);
      expect(found).toEqual([]);
      await context.close();
    }, 90_000);
  }

  test('the measure catches a shift', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 800 }, bypassCSP: true });
    await recordLayoutShifts(context);
    const page = await context.newPage();
    // A banner put in above the title after the page has shown, as a late script would.
    const { cls } = await layoutShiftOf(page, `${site.origin}/don-vi/cam-my/`, async (p) => {
      await p.waitForTimeout(100);
      await p.evaluate(() => document.querySelector('main')!.prepend(Object.assign(document.createElement('div'), { textContent: 'Thông báo', style: 'height: 120px' })));
    });
    expect(cls).toBeGreaterThan(0.05);
    await context.close();
  });
});

describe('a compact header on phones', () => {
  test('the page title starts within the first 320 px at 360 px wide, on every page', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    // Every page, not one per type: a page of a type may carry a box of its own above the text
    // (the outline's report kit did).
    for (const path of [...pages, '/tim-kiem/']) {
      await page.goto(`${site.origin}${path}`);
      const top = await page.evaluate(() => {
        const title = document.querySelector('main h1:not(.visually-hidden)') ?? document.querySelector('.doc-heading');
        return title ? title.getBoundingClientRect().top + window.scrollY : null;
      });
      expect(top, path).not.toBeNull();
      expect(top!, path).toBeLessThan(320);
    }
    await page.context().close();
  });

  test('the menu opens without JavaScript; on a wide screen its links show without it', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/chi-tieu/`);
    const link = page.locator('.main-nav a[href="/don-vi/"]');
    expect(await link.isVisible()).toBe(false);
    await page.locator('.site-menu > summary').click();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL(/\/don-vi\/$/);
    // The menu also leads to the search page and the form check (issue 26); the box still searches at once.
    expect(await page.locator('.main-nav a[href="/tim-kiem/"]').count()).toBe(1);
    expect(await page.locator('.main-nav a[href="/kiem-tra-bieu-mau/"]').count()).toBe(1);
    expect(await page.locator('.site-header form[role="search"] input[name="q"]').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/chi-tieu/`);
    expect(await page.locator('.site-menu > summary').isVisible()).toBe(false);
    expect(await page.locator('.main-nav a[href="/don-vi/"]').isVisible()).toBe(true);
    await context.close();
  });

  test('the site name takes at most two lines at 360 px', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/`);
    const lines = await page.locator('.site-name .name').evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});

describe('printed like an official document', () => {
  // Read back with pdfjs-dist (tests/helpers/pdf-text.ts): a fresh machine has no poppler.
  const pdfText = async (path: string) => {
    const sheets = await printedPdfPages(site.browser, `${site.origin}${path}`);
    return { pages: sheets.length, sheets, text: sheets.map((s) => s.text).join('\f') };
  };
  const squash = (text: string) => text.replace(/\s+/g, ' ');

  for (const [path, opening] of [
    ['/van-ban/ke-hoach-so-ket/', 'KẾ HOẠCH'],
    ['/van-ban/de-cuong-bao-cao/', 'ĐỀ CƯƠNG BÁO CÁO'],
    ['/van-ban/cong-van-xin-y-kien/', 'Kính gửi:'],
  ] as const) {
    test(`${path}: header block first, no web chrome, page numbers from page 2`, async () => {
      const { pages, text, sheets } = await pdfText(path);
      // The header block's two sides read one after the other (a long name may wrap to two lines,
      // as NĐ 30/2020 allows, so the sides' lines interleave on the page): left side first.
      const first = sheets[0]!;
      const numberTop = first.lines.find((l) => l.text.startsWith('Số:'))?.top ?? 0;
      const middle = (3 * 72 / 2.54) + (first.width - 5 * 72 / 2.54) * 6 / 16;
      const header = first.lines.filter((l) => l.top <= numberTop);
      const side = (left: boolean) => header.filter((l) => ((l.left + l.right) / 2 < middle) === left).map((l) => l.text);
      const flat = squash([...side(true), ...side(false), text.slice(header.map((l) => l.text).join('\n').length)].join(' '));
      expect(pages).toBeGreaterThanOrEqual(path.includes('cong-van') ? 1 : 4);
      // The header block opens the first page, before the document's own title.
      const order = ['TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc', 'Số: ……', 'Đồng Nai, ngày …… tháng …… năm ……', opening];
      const positions = order.map((part) => flat.indexOf(part));
      expect(positions.every((p) => p >= 0), `${order.join(' | ')} in ${flat.slice(0, 400)}`).toBe(true);
      // Parent body above the issuing body, the motto's two lines in order, all before the text.
      expect(positions[0]).toBeLessThan(positions[1]);
      expect(positions[2]).toBeLessThan(positions[3]);
      expect(Math.max(...positions.slice(0, 6))).toBeLessThan(positions[6]);
      // No web information box, contents, timeline, section links, link addresses or site chrome.
      for (const absent of ['Thông tin văn bản', 'Loại văn bản', 'Mục lục', 'Mốc thời gian', '§', '</', 'Bỏ qua', 'Trang chủ', 'Tìm kiếm', 'Về đầu trang', 'Ghi chú biên tập: Bản nguồn không ghi số']) {
        expect(flat, absent).not.toContain(absent);
      }
      // Page 1 has no number; every later page has its own at the top (NĐ 30/2020; issue 26).
      const firstLine = (n: number) => sheets[n - 1]!.lines[0]?.text;
      expect(firstLine(1)).not.toBe('1');
      if (pages > 1) expect(firstLine(2)).toBe('2');
      if (pages > 2) expect(firstLine(pages)).toBe(String(pages));
    }, 60_000);
  }

  test('a data table split across printed pages repeats its header row', async () => {
    const { pages, text } = await pdfText('/van-ban-dan-chieu/');
    expect(pages).toBeGreaterThan(1);
    const pageTexts = text.split('\f').filter((t) => t.trim());
    // Column headers wrap, so look for a word only the header row has ("Được" is lower case in cells).
    const withHeader = pageTexts.filter((t) => squash(t).includes('Được dẫn'));
    expect(withHeader.length).toBe(pageTexts.length);
  }, 60_000);
});

describe('contents you can use', () => {
  test('on a phone the plan\'s contents sit under its title, closed, and list the timeline', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    const summary = page.locator('details.toc > summary');
    const top = await summary.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThan(2 * 800);
    expect(await page.locator('details.toc').getAttribute('open')).toBeNull();
    await summary.click();
    const timelineLink = page.locator('.toc a[href="#moc-thoi-gian"]');
    expect(await timelineLink.isVisible()).toBe(true);
    await timelineLink.click();
    expect(new URL(page.url()).hash).toBe('#moc-thoi-gian');
    expect(await page.locator('.back-to-top a[href="#tieu-de-van-ban"]').count()).toBe(1);
    await page.context().close();
  });

  test('on a wide screen the text starts right under the title, and the contents stay beside it down the page', async () => {
    const { page } = await openPage(site.browser, { width: 1280 });
    for (const path of ['/van-ban/ke-hoach-so-ket/', '/van-ban/de-cuong-bao-cao/']) {
      await page.goto(`${site.origin}${path}`);
      const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const titleBottom = await page.locator('.doc-page-title').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      // Only the update line (and, on the outline, the report kit) between the title and the text.
      expect((await top('.doc-main')) - titleBottom, path).toBeLessThan(60);
      // Halfway down the document the contents are still on screen.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      const box = await page.locator('.doc-layout > .toc').evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
      expect(box.top, path).toBeGreaterThanOrEqual(0);
      expect(box.bottom, path).toBeLessThanOrEqual(800);
    }
    await page.context().close();
  });

  test('the memo has no headings and no contents; the outline\'s run-together heading reads as lines', async () => {
    const { page } = await openPage(site.browser, { width: 1280 });
    await page.goto(`${site.origin}/van-ban/cong-van-xin-y-kien/`);
    expect(await page.locator('.toc').count()).toBe(0);
    expect(await page.getByText('Mục lục', { exact: true }).count()).toBe(0);
    await page.goto(`${site.origin}/van-ban/de-cuong-bao-cao/`);
    const heading = page.locator('h2', { hasText: 'PHẦN THỨ HAI' });
    const lines = await heading.evaluate((el) => [...el.querySelectorAll('.heading-sub')].map((s) => s.getBoundingClientRect().top));
    expect(lines).toHaveLength(2);
    expect(lines[1]! - lines[0]!).toBeGreaterThan(10);
    const tocEntry = page.locator('.toc a', { hasText: 'PHẦN THỨ HAI' });
    expect(await tocEntry.locator('br').count()).toBe(2);
    // Wide screens: the contents are shown without opening anything.
    expect(await page.locator('.toc a').first().isVisible()).toBe(true);
    await page.context().close();
  });
});

test('previous and next lead from the plan to the outline to the memo and back', async () => {
  const { page } = await openPage(site.browser, { width: 360 });
  await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
  expect(await page.locator('.doc-prev-next a[rel="prev"]').count()).toBe(0);
  await page.locator('.doc-prev-next a[rel="next"]').click();
  await page.waitForURL(/\/van-ban\/de-cuong-bao-cao\/$/);
  await page.locator('.doc-prev-next a[rel="next"]').click();
  await page.waitForURL(/\/van-ban\/cong-van-xin-y-kien\/$/);
  expect(await page.locator('.doc-prev-next a[rel="next"]').count()).toBe(0);
  await page.locator('.doc-prev-next a[rel="prev"]').click();
  await page.waitForURL(/\/van-ban\/de-cuong-bao-cao\/$/);
  await page.context().close();
});

describe("a unit's page is its to-do list", () => {
  test('at 360 px the tasks come first, and the Word draft and the Excel form sit within two screens', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    // Every unit: the late-congress ones have a longer box, and names differ in length.
    const units = pagesOf('đơn vị').map((p) => p.split('/')[2]!);
    expect(units.length).toBeGreaterThan(10);
    for (const id of units) {
      await page.goto(`${site.origin}/don-vi/${id}/`);
      const y = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      // The to-do list opens the page: nothing between the title and it.
      expect(await page.locator('main h1 + [data-unit-todo]').count(), id).toBe(1);
      expect(await y(`[data-unit-todo] a[href="/tai-ve/bao-cao/${id}.docx"]`), id).toBeLessThan(2 * 800);
      expect(await y(`[data-unit-todo] a[href="/tai-ve/bieu-mau/${id}.xlsx"]`), id).toBeLessThan(2 * 800);
      const text = await page.locator('[data-unit-todo]').innerText();
      expect(text).toContain('Trong tháng 01/2021');
      expect(text).toContain('Trước ngày 01/02/2021');
      expect(await page.locator('[data-unit-todo] [data-dossier] > li').count()).toBe(3);
      // Each task leads to the sentence of the plan that sets it, and that sentence exists.
      expect(await page.locator('[data-unit-todo] a[href="/van-ban/ke-hoach-so-ket/#moc-gui-bao-cao"]').count()).toBe(1);
    }
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/#moc-gui-bao-cao`);
    expect(await page.locator('#moc-gui-bao-cao').count()).toBe(1);
    await page.context().close();
  });

  test('the late-congress units are told they evaluate up to 12/2020; the others are not', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    for (const id of ['cam-my', 'thong-nhat', 'trang-bom', 'long-khanh']) {
      await page.goto(`${site.origin}/don-vi/${id}/`);
      expect(await page.locator('[data-unit-todo] [data-late-congress]').innerText(), id).toContain('đến thời điểm tháng 12/2020');
      expect(await page.locator('[data-late-congress] a').getAttribute('href')).toBe('/van-ban/ke-hoach-so-ket/#moc-don-vi-dai-hoi-muon');
    }
    await page.goto(`${site.origin}/don-vi/bien-hoa/`);
    expect(await page.locator('[data-late-congress]').count()).toBe(0);
    await page.context().close();
  });
});

describe('"Việc của đơn vị tôi" on the home timeline', () => {
  test('narrows the timeline to one kind of unit, without a reload and without script', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/`);
    const items = page.locator('.timeline > li');
    const all = await items.count();
    expect(await page.locator('.timeline > li:visible').count()).toBe(all);
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.getByLabel('Công đoàn ngành', { exact: true }).check();
    const shown = await page.locator('.timeline > li:visible').evaluateAll((els) => els.map((el) => el.id));
    expect(shown).toEqual(['han-don-vi-to-chuc-xong', 'han-gui-bao-cao']);
    await page.getByLabel(/kéo dài thời gian Đại hội/).check();
    expect(await page.locator('.timeline > li:visible').evaluateAll((els) => els.map((el) => el.id))).toEqual(['han-don-vi-dai-hoi-muon', 'han-don-vi-to-chuc-xong', 'han-gui-bao-cao']);
    await page.getByLabel('Mọi mốc thời gian').check();
    expect(await page.locator('.timeline > li:visible').count()).toBe(all);
    expect(navigations).toBe(0);
    await page.context().close();
  });

  test('without JavaScript the full list shows', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const all = await page.locator('.timeline > li').count();
    expect(all).toBeGreaterThanOrEqual(7);
    expect(await page.locator('.timeline > li:visible').count()).toBe(all);
    await context.close();
  });
});

describe('the contents highlighter', () => {
  test('on a wide screen it marks the section being read as the reader scrolls', async () => {
    const { page, errors } = await openPage(site.browser, { width: 1280 });
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    const current = () => page.locator('.toc a[aria-current="true"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const hrefs = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(4);
    // Sections longer than a third of the window, so that scrolling one's heading to the top leaves
    // the next heading below the line the reader's eye is on.
    const long = await page.evaluate((list) => list.filter((h, i) => {
      const next = list[i + 1];
      const top = (x: string) => document.getElementById(x.slice(1))!.getBoundingClientRect().top;
      return next !== undefined && top(next) - top(h) > window.innerHeight / 2;
    }), hrefs);
    expect(long.length).toBeGreaterThan(2);
    for (const href of [long[0]!, long[2]!, long.at(-1)!]) {
      await page.locator(`[id="${href.slice(1)}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect.poll(current, { timeout: 3000 }).toEqual([href]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone, and without JavaScript, nothing is marked and the contents still work', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await page.locator('#moc-thoi-gian').evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    expect(await page.locator('.toc a[aria-current]').count()).toBe(0);
    await page.context().close();
    const context = await site.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await noJs.locator('.toc a[href="#moc-thoi-gian"]').click();
    expect(new URL(noJs.url()).hash).toBe('#moc-thoi-gian');
    await context.close();
  });
});

test('"§" links are targets of at least 24 × 24 px, at 360 and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const { page } = await openPage(site.browser, { width });
    await page.goto(`${site.origin}/van-ban/de-cuong-bao-cao/`);
    const sizes = await page.locator('a.section-link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(sizes.length).toBeGreaterThan(10);
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThanOrEqual(24);
      expect(h).toBeGreaterThanOrEqual(24);
    }
    await page.context().close();
  }
});
