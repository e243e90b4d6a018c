// Leaders' questions in Chromium (issue 28): at 360 px, /tien-do/ answers "did the whole meet its
// target, and which unit is furthest behind" without sideways scrolling; the indicator page's unit
// table sorts by progress, furthest behind first; every chart offers its PNG and its table from the
// keyboard; no accessibility violation.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useSiteInBrowser } from '../helpers/browser';

const site = useSiteInBrowser();

async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} không nhận được focus sau ${max} lần Tab`);
}

describe('/tien-do/', () => {
  for (const width of [360, 1280]) {
    test(`${width} px: nothing scrolls sideways but the full grid; the whole's verdicts and the units behind are on the page, words first`, async () => {
      const { page, errors } = await openPage(site.browser, { width });
      await page.goto(`${site.origin}/tien-do/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The key tables fit: neither the whole's table nor a group's table is wider than the page.
      const widths = await page.locator('table[data-progress-whole], table[data-progress-units]').evaluateAll((tables) => tables.map((t) => t.getBoundingClientRect().right));
      for (const right of widths) expect(right).toBeLessThanOrEqual(width);
      const whole = await page.locator('table[data-progress-whole] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]!.textContent!.trim() + ' → ' + (r as HTMLTableRowElement).cells[0]!.nextElementSibling!.textContent!.trim()));
      expect(whole.find((line) => line.startsWith('Kết nạp đoàn viên mới'))).toMatch(/→ (Vượt|Đạt|Chậm) [\d.]+ \/ 75\.000/);
      expect(await page.locator('[data-progress-behind] li').first().textContent()).toMatch(/^\d+ đơn vị chậm ở chỉ tiêu /);
      expect(await page.locator('[data-sample-banner]').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  test('no accessibility violation (axe-core), at 360 px', async () => {
    const { page } = await openPage(site.browser, { width: 360, bypassCSP: true });
    await page.goto(`${site.origin}/tien-do/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('an indicator page', () => {
  test('the unit table sorts by progress from the keyboard, furthest behind first', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}/chi-tieu/phat-trien-doan-vien/`);
    const header = 'table[data-table="theo-don-vi"] thead th#tien-do';
    await tabTo(page, `${header} button`, 250);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(header, 'aria-sort')).toBe('ascending');
    const cells = await page.locator('table[data-table="theo-don-vi"] tbody td[data-progress]').evaluateAll((tds) => tds.map((td) => ({ state: td.getAttribute('data-progress'), key: td.getAttribute('data-sort-value'), text: td.textContent!.trim() })));
    expect(cells.map((c) => c.key)).toEqual(cells.map((c) => c.key).sort());
    expect(cells[0]!.state).toBe('cham');
    expect(cells[0]!.text).toMatch(/^Chậm [\d.]+ \/ [\d.,]+ \(\d+,\d%\)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('every chart offers its PNG and its table from the keyboard; the metadata is under its headings', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/chi-tieu/ty-le-doanh-nghiep-doi-thoai/`);
    for (const chart of ['theo-nam', 'luy-ke', 'theo-don-vi']) {
      await tabTo(page, `figure[data-chart="${chart}"] a[data-chart-image]`);
      await tabTo(page, `figure[data-chart="${chart}"] .table-scroll[tabindex="0"]`);
    }
    const headings = await page.locator('[data-indicator-metadata] h3').allTextContents();
    expect(headings).toEqual(['Định nghĩa', 'Cách tính', 'Nguồn số liệu', 'Kỳ báo cáo', 'Cơ quan chịu trách nhiệm', 'Liên hệ', 'Cập nhật lần cuối', 'Khả năng so sánh', 'Nguồn định nghĩa, mục tiêu']);
    await page.context().close();
  });
});

describe('a unit page', () => {
  test('360 px: its progress table fits, furthest behind first, and its facts give the summary', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    await page.goto(`${site.origin}/don-vi/bien-hoa/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('table[data-unit-progress]').evaluate((t) => t.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(/^Chậm \d+, đạt hoặc vượt \d+, chưa có mục tiêu 1 \(trên 9 chỉ tiêu\)$/);
    expect(await page.locator('table[data-unit-progress] tr[data-progress-of="phat-trien-doan-vien"] td').textContent()).toContain('Chậm 10.606 / 10.902 (97,3%)');
    await page.context().close();
  });
});
