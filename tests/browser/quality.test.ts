// Every page type in real Chromium under the site's Content-Security-Policy: no request to another
// origin, no console error or CSP violation, no axe-core violation; search and a chart's table
// work from the keyboard alone.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, drawCharts, openPage, useSiteInBrowser } from '../helpers/browser';

const site = useSiteInBrowser();

const PAGE_TYPES: [string, string][] = [
  ['trang chủ', '/'],
  ['danh sách văn bản', '/van-ban/'],
  ['văn bản', '/van-ban/ke-hoach-so-ket/'],
  ['đề cương', '/van-ban/de-cuong-bao-cao/'],
  ['chương trình', '/chuong-trinh/2494-ctr-tld-2018/'],
  ['danh sách chương trình', '/chuong-trinh/'],
  ['văn bản dẫn chiếu', '/van-ban-dan-chieu/'],
  ['danh sách chỉ tiêu', '/chi-tieu/'],
  ['chỉ tiêu', '/chi-tieu/ty-le-thoa-uoc-lao-dong-tap-the/'],
  ['đơn vị', '/don-vi/cam-my/'],
  ['danh sách đơn vị', '/don-vi/'],
  ['tìm kiếm có kết quả', '/tim-kiem/?q=c%C3%B4ng%20%C4%91o%C3%A0n'],
  ['404', '/khong-co-trang-nay/'],
  ['không có mạng', '/ngoai-tuyen/'],
];

/** Scrolls through the page so that lazy charts draw, and waits for search results when asked. */
async function settle(page: Page, path: string) {
  if (path.startsWith('/tim-kiem/')) await page.waitForSelector('#ket-qua-tim-kiem li');
  await drawCharts(page);
  await page.waitForLoadState('networkidle');
}

describe('every page type', () => {
  test.each(PAGE_TYPES)('%s (%s): same-origin requests only, no console error or CSP violation', async (_, path) => {
    const { page, errors, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}${path}`);
    await settle(page, path);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/`))).toEqual([]);
    // A 404 page is a 404 response; the browser logs that, nothing else.
    expect(errors.filter((e) => !(path.startsWith('/khong-co') && /404/.test(e)))).toEqual([]);
    await page.context().close();
  });

  // At 360 px too: a table that scrolls sideways there must be reachable from the keyboard.
  test.each(PAGE_TYPES.flatMap(([name, path]) => [[name, path, 1024], [name, path, 360]] as const))('%s (%s, %i px): axe-core finds no violation', async (_, path, width) => {
    const { page } = await openPage(site.browser, { bypassCSP: true, width });
    await page.goto(`${site.origin}${path}`);
    await settle(page, path);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard only', () => {
  async function tabTo(page: Page, selector: string, max = 60): Promise<number> {
    for (let presses = 1; presses <= max; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    throw new Error(`${selector} không nhận được focus sau ${max} lần Tab`);
  }

  test('search: skip link, type a query, reach a result and open it', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/tim-kiem/`);
    expect(await tabTo(page, '.skip-link')).toBe(1);
    await tabTo(page, '#tu-khoa');
    await page.keyboard.type('thoa uoc lao dong tap the');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#ket-qua-tim-kiem li');
    await tabTo(page, '#ket-qua-tim-kiem li a.result-link');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(href);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a chart's table sorts from the keyboard", async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.origin}/chi-tieu/phat-trien-doan-vien/`);
    const header = 'table[data-table="theo-don-vi"] thead th.key-col';
    await tabTo(page, `${header} button`, 200);
    const column = async () => page.locator('table[data-table="theo-don-vi"] tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td.key-col')!.textContent!.replace(/\./g, ''))));
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('ascending');
    const ascending = await column();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Space');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('descending');
    const descending = await column();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    // Focus is visible: the focused button has an outline.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.context().close();
  });

  test("a rate's year column sorts by its per cent, though its cells carry no sort key (data-sort-lead)", async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/chi-tieu/ty-le-doanh-nghiep-doi-thoai/`);
    const table = 'table[data-table="theo-don-vi"]';
    // The figure cells have no data-sort-value of their own; the verdict's cells keep theirs.
    expect(await page.locator(`${table} tbody td[data-sort-value]:not([data-progress])`).count()).toBe(0);
    const header = `${table} thead th[data-sort-lead]:nth-child(2)`;
    await tabTo(page, `${header} button`, 200);
    // "45,1% (23/51)" → 45.1; the text after the per cent (and a note's mark) is not read.
    const column = async () => page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[1]!.firstChild!.textContent!.trim()));
    // A unit that has not reported ("chưa báo cáo") sorts below every figure.
    const percent = (text: string) => { const lead = /^[\d,]+/.exec(text)?.[0]; return lead === undefined ? -1 : Number(lead.replace(',', '.')); };
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('ascending');
    const ascending = (await column()).map(percent);
    expect(ascending.length).toBeGreaterThan(10);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    const descending = (await column()).map(percent);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
