// What a reader finds of the "Số liệu minh họa" mark on a data page: in each chart's drawing, in
// each data table's caption, and on each printed page (PDF read back with pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { drawCharts, openPage } from './browser';

/** Pixels of each chart's canvas in the mark's dark red (#8b0000), by chart id. */
export async function markPixelsByChart(page: Page): Promise<Record<string, number>> {
  await drawCharts(page);
  return page.locator('figure[data-chart]').evaluateAll((figures) => Object.fromEntries(figures.map((figure) => {
    const c = figure.querySelector('canvas') as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 200 && Math.abs(data[i]! - 139) < 25 && data[i + 1]! < 30 && data[i + 2]! < 30) n += 1;
    }
    return [(figure as HTMLElement).dataset.chart!, n];
  })));
}

/** Each data table's caption text (tables with figures: not the pages' information boxes). */
export async function dataCaptions(page: Page): Promise<string[]> {
  return page.locator('table.data-table').evaluateAll((tables) => tables.map((t) => (t as HTMLTableElement).caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '(không có caption)'));
}

/** The text of each printed A4 page of a path. */
export async function printedPages(browser: Browser, url: string): Promise<string[]> {
  const { page } = await openPage(browser);
  await page.goto(url);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.context().close();
  const dir = mkdtempSync(join(tmpdir(), 'in-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((t) => t.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Data pages to check: an indicator, the indicator list, a unit, the reporting status. */
export const DATA_PAGES = ['/chi-tieu/phat-trien-doan-vien/', '/chi-tieu/ty-le-doanh-nghiep-doi-thoai/', '/chi-tieu/', '/don-vi/cam-my/', '/tinh-hinh-bao-cao/'];
