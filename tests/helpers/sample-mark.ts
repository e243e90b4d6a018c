// What a reader finds of the "Số liệu minh họa" mark on a data page: in each chart's drawing, in
// each data table's caption, and on each printed page (PDF read back with PDF.js).
import type { Browser, Page } from 'playwright-core';
import { drawCharts, openPage } from './browser';
import { pdfPages } from './pdf-text';

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

/**
 * Where each chart's mark sits and what else is drawn beside it: the box of the mark's dark-red
 * pixels (its border and words), and how many other drawn pixels (legend, bars, lines, axes, grid)
 * share its rows outside that box. The mark is drawn last, on a white box, so anything under it
 * would be hidden; anything level with it shows that the chart shares the mark's band.
 */
export async function markBandByChart(page: Page): Promise<Record<string, { box: { left: number; top: number; right: number; bottom: number } | null; beside: number; canvasWidth: number }>> {
  await drawCharts(page);
  return page.locator('figure[data-chart]').evaluateAll((figures) => Object.fromEntries(figures.map((figure) => {
    const c = figure.querySelector('canvas') as HTMLCanvasElement;
    const { width, height } = c;
    const data = c.getContext('2d')!.getImageData(0, 0, width, height).data;
    const at = (x: number, y: number) => (y * width + x) * 4;
    let box: { left: number; top: number; right: number; bottom: number } | null = null;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = at(x, y);
        if (data[i + 3]! > 200 && Math.abs(data[i]! - 139) < 25 && data[i + 1]! < 30 && data[i + 2]! < 30) {
          box = box ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) } : { left: x, top: y, right: x, bottom: y };
        }
      }
    }
    let beside = 0;
    if (box) {
      for (let y = box.top; y <= box.bottom; y++) {
        for (let x = 0; x < width; x++) {
          if (x >= box.left - 1 && x <= box.right + 1) continue;
          const i = at(x, y);
          // Drawn and not white: transparent canvas elsewhere.
          if (data[i + 3]! > 40 && !(data[i]! > 240 && data[i + 1]! > 240 && data[i + 2]! > 240)) beside++;
        }
      }
    }
    return [(figure as HTMLElement).dataset.chart!, { box, beside, canvasWidth: width }];
  })));
}

/** Each data table's caption text (tables with figures: not the pages' information boxes). */
export async function dataCaptions(page: Page): Promise<string[]> {
  return page.locator('table.data-table').evaluateAll((tables) => tables.map((t) => (t as HTMLTableElement).caption?.textContent?.replace(/\s+/g, ' ').trim() ?? '(không có caption)'));
}

/** The text of each printed A4 page of a path (read with PDF.js: tests/helpers/pdf-text.ts). */
export async function printedPages(browser: Browser, url: string): Promise<string[]> {
  const { page } = await openPage(browser);
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.context().close();
  return (await pdfPages(pdf)).map((p) => p.text).filter((t) => t.trim());
}

/** Data pages to check: an indicator, the indicator list, a unit, the reporting status. */
export const DATA_PAGES = ['/chi-tieu/phat-trien-doan-vien/', '/chi-tieu/ty-le-doanh-nghiep-doi-thoai/', '/chi-tieu/', '/don-vi/cam-my/', '/tinh-hinh-bao-cao/'];
