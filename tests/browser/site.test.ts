// The built site in real Chromium: reading, navigating, searching, printing.
import { describe, expect, test } from 'vitest';
import { openPage, useSiteInBrowser } from '../helpers/browser';

const site = useSiteInBrowser();

const sameOrigin = (requests: string[]) => requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:'));

describe('reading the guidance', () => {
  test('home: Vietnamese, the three documents, the timeline linked to its source paragraphs', async () => {
    const { page, errors, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    for (const href of ['/van-ban/ke-hoach-so-ket/', '/van-ban/de-cuong-bao-cao/', '/van-ban/cong-van-xin-y-kien/']) {
      expect(await page.locator(`main a[href="${href}"]`).count()).toBeGreaterThan(0);
    }
    const items = page.locator('ol.timeline > li');
    expect(await items.count()).toBe(7);
    await page.locator('#han-gui-bao-cao .from a').click();
    await page.waitForURL(/\/van-ban\/ke-hoach-so-ket\/#moc-gui-bao-cao$/);
    expect(await page.locator('#moc-gui-bao-cao').count()).toBe(1);
    // The plan's own timeline holds every deadline too, the memo's included.
    expect(await page.locator('ol.timeline > li').count()).toBe(7);
    expect(await page.locator('#han-gop-y-du-thao .from a').getAttribute('href')).toBe('/van-ban/cong-van-xin-y-kien/#moc-gop-y-du-thao');
    expect(errors).toEqual([]);
    expect(sameOrigin(requests)).toEqual([]);
    await page.context().close();
  });

  test('document: table of contents and copyable section links reach their headings', async () => {
    const { page, errors, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}/van-ban/de-cuong-bao-cao/`);
    const tocLink = page.locator('.toc a[href="#iv-ket-qua-thuc-hien-cac-chi-tieu"]');
    await tocLink.click();
    expect(new URL(page.url()).hash).toBe('#iv-ket-qua-thuc-hien-cac-chi-tieu');
    const heading = page.locator('#iv-ket-qua-thuc-hien-cac-chi-tieu');
    const box = await heading.boundingBox();
    expect(box && box.y >= -1 && box.y < 800).toBe(true);
    expect(await heading.locator('a.section-link').getAttribute('href')).toBe('#iv-ket-qua-thuc-hien-cac-chi-tieu');
    expect(await page.locator('nav.breadcrumb').innerText()).toContain('Đề cương báo cáo');
    // No search code on a document page until the reader searches; the only scripts are the contents
    // highlighter that issue 16 allows and the service worker's registration every page carries
    // (their sizes are checked in tests/quality.test.ts); the worker itself (/sw.js) is not the page's.
    const scripts = requests.filter((url) => url.endsWith('.js') && new URL(url).pathname !== '/sw.js').map((url) => new URL(url).pathname.replace(/\.[\w-]+\.js$/, ''));
    expect(scripts.sort()).toEqual(['/_astro/BaseLayout.astro_astro_type_script_index_0_lang', '/_astro/TocHighlight.astro_astro_type_script_index_0_lang']);
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content, visibly', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow, top: el.getBoundingClientRect().top };
    });
    expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
    expect(outline.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    await page.context().close();
  });

  test('phone: at 320 px the plan fits the screen width', async () => {
    const { page } = await openPage(site.browser, { width: 320 });
    for (const path of ['/', '/van-ban/ke-hoach-so-ket/', '/van-ban-dan-chieu/']) {
      await page.goto(`${site.origin}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });

  test('print: navigation, search and breadcrumb disappear; link targets are printed', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.origin}/chuong-trinh/2494-ctr-tld-2018/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.main-nav', '.search-box', 'nav.breadcrumb', '.site-footer']) {
      expect(await page.locator(selector).first().evaluate((el) => getComputedStyle(el).display), selector).toBe('none');
    }
    const after = await page.locator('.backlinks a').first().evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain('/van-ban/de-cuong-bao-cao/');
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.signature').isVisible()).toBe(true);
    expect(await page.locator('.toc').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await page.context().close();
  });

  test('404: an unknown address answers 404 with a Vietnamese page and a way home', async () => {
    const { page } = await openPage(site.browser);
    const response = await page.goto(`${site.origin}/khong-ton-tai/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/không|Không/);
    expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('searching', () => {
  test('typing without diacritics finds the documents; a result opens its section', async () => {
    const { page, errors, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}/tim-kiem/`);
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    await page.locator('#tu-khoa').pressSequentially('cam my', { delay: 20 });
    // The unit page of Cẩm Mỹ comes first since unit pages are indexed (issue 20); the plan's result is checked.
    await page.locator('ol#ket-qua-tim-kiem > li.search-result').first().waitFor();
    expect(await page.locator('ol#ket-qua-tim-kiem > li.search-result a.result-link').first().getAttribute('href')).toBe('/don-vi/cam-my/');
    const first = page.locator('ol#ket-qua-tim-kiem > li.search-result', { has: page.locator('a[href^="/van-ban/ke-hoach-so-ket/"]') }).first();
    expect(await first.locator('.result-type').innerText()).toBe('Văn bản – Kế hoạch');
    expect(await first.locator('.result-section').innerText()).toMatch(/^2\. Liên đoàn Lao động các huyện/);
    expect(await first.locator('mark').first().innerText()).toMatch(/Cẩm/);
    expect(await page.locator('#trang-thai-tim-kiem').innerText()).toMatch(/kết quả cho «cam my»/);
    expect(requests.some((url) => url.includes('/pagefind/'))).toBe(true);
    await first.locator('a.result-link').click();
    await page.waitForURL(/\/van-ban\/ke-hoach-so-ket\/#2-lien-doan-lao-dong-cac-huyen/);
    // The page it lands on shows the same words highlighted, by the site's folding (issue 20).
    await page.locator('main mark.search-hit').first().waitFor();
    const hits = await page.locator('main mark.search-hit').allInnerTexts();
    expect(hits).toEqual(expect.arrayContaining(['Cẩm', 'Mỹ']));
    for (const word of hits) expect(['cẩm', 'mỹ']).toContain(word.toLowerCase());
    expect(await page.locator('h1').first().textContent()).toContain('Kế hoạch');
    expect(errors).toEqual([]);
    expect(sameOrigin(requests)).toEqual([]);
    await page.context().close();
  });

  test('the header box works from any page, and the type filter narrows results', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/van-ban/cong-van-xin-y-kien/`);
    await page.locator('#o-tim-kiem').fill('2494');
    await page.locator('#o-tim-kiem').press('Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=2494/);
    const results = page.locator('ol#ket-qua-tim-kiem > li.search-result');
    await results.first().waitFor();
    expect(await results.first().locator('a.result-link').getAttribute('href')).toBe('/chuong-trinh/2494-ctr-tld-2018/');
    const all = await results.count();
    // The filters are folded under "Lọc kết quả" (issue 26: the first result on a phone's first screen).
    await page.locator('details.search-filter-box > summary').click();
    await page.locator('fieldset.search-filters input[value="Chương trình"]').check();
    await page.waitForFunction((n) => document.querySelectorAll('li.search-result').length < n, all);
    for (const type of await results.locator('.result-type').allInnerTexts()) expect(type).toBe('Chương trình');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('more results', () => {
  test('a search shows ten results, and "Xem thêm kết quả" the next ten, read and ranked with them', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('công đoàn')}`);
    const results = page.locator('ol#ket-qua-tim-kiem > li.search-result');
    await results.first().waitFor();
    expect(await results.count()).toBe(10);
    const more = page.locator('#xem-them-ket-qua');
    expect(await more.isVisible()).toBe(true);
    const firstTen = await results.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('li.search-result').length > 10);
    const twenty = await results.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(twenty.length).toBeLessThanOrEqual(20);
    expect(new Set(twenty).size).toBe(twenty.length);
    expect(twenty).toEqual(expect.arrayContaining(firstTen));
    // A new query starts again from ten; one with few results offers no more.
    await page.locator('#tu-khoa').fill('1563/CTr-TLĐ');
    await page.locator('#tu-khoa').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('li.search-result').length <= 10 && /1563/.test(document.querySelector('#trang-thai-tim-kiem')?.textContent ?? ''));
    expect(await results.count()).toBeLessThanOrEqual(10);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('searching (issue 20)', () => {
  test('filters are controls kept in the address; a nonsense word says nothing was found; a typo gets a suggestion', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/tim-kiem/?q=ch%C6%B0%C6%A1ng+tr%C3%ACnh&nam=2019`);
    const results = page.locator('ol#ket-qua-tim-kiem > li.search-result');
    await results.first().waitFor();
    expect(await page.locator('fieldset.filter-group legend').allInnerTexts()).toEqual(['Loại trang', 'Cấp ban hành', 'Năm ban hành', 'Nhóm chỉ tiêu']);
    expect(await page.locator('input[name="nam"][value="2019"]').isChecked()).toBe(true);
    // A filter chosen in the address opens the folded filters.
    expect(await page.locator('details.search-filter-box').getAttribute('open')).not.toBeNull();
    expect((await results.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort())
      .toEqual(['/chuong-trinh/1306-ctr-tld-2019/', '/chuong-trinh/1563-ctr-tld-2019/', '/chuong-trinh/1734-ctr-tld-2019/']);
    await page.locator('input[name="cap"][value="Tổng Liên đoàn Lao động Việt Nam"]').check();
    await page.waitForURL(/cap=tong-lien-doan-lao-dong-viet-nam/);
    expect(new URL(page.url()).searchParams.getAll('nam')).toEqual(['2019']);
    await page.locator('#tu-khoa').fill('xyzqwk');
    await page.locator('#tu-khoa').press('Enter');
    await page.waitForFunction(() => document.querySelector('#trang-thai-tim-kiem')?.textContent?.startsWith('Không tìm thấy'));
    expect(await results.count()).toBe(0);
    await page.goto(`${site.origin}/tim-kiem/?q=tranh+chap+lao+dng`);
    await page.locator('#goi-y-tim-kiem a').first().waitFor();
    expect(await page.locator('#goi-y-tim-kiem').innerText()).toMatch(/^Có phải bạn muốn tìm: tranh chap lao dong/);
    expect(await page.locator('#trang-thai-tim-kiem').innerText()).toMatch(/Không tìm thấy «dng»/);
    expect(await results.first().locator('.result-missing').innerText()).toContain('«dng»');
    await page.locator('#goi-y-tim-kiem a').first().click();
    await page.waitForURL(/q=tranh\+chap\+lao\+dong/);
    await page.waitForFunction(() => !document.querySelector('.result-missing') && document.querySelectorAll('li.search-result').length > 0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('citations', () => {
  test('from the plan to a programme, and back through its backlink', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await page.locator('a.trich-dan', { hasText: 'Chương trình 07/CTr-LĐLĐ' }).click();
    await page.waitForURL(/\/chuong-trinh\/07-ctr-ldld-2018\/$/);
    expect(await page.locator('h1').innerText()).toBe('Chương trình số 07/CTr-LĐLĐ');
    await page.locator('.backlinks a').first().click();
    await page.waitForURL(/\/van-ban\/ke-hoach-so-ket\/#dc-07-ctr-ldld$/);
    expect(await page.locator('#dc-07-ctr-ldld').innerText()).toContain('Chương trình 07/CTr-LĐLĐ ngày 29/8/2018');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
