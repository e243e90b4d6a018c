// Illustrative data marked wherever it travels (issue 16, point 8), on the site as built: the
// dataset is minh-hoa. The same checks on a build with the status chinh-thuc are in
// sample-mark-official.test.ts, where nothing of this shows.
import { describe, expect, test } from 'vitest';
import { openPage, useSiteInBrowser } from '../helpers/browser';
import { DATA_PAGES, dataCaptions, markBandByChart, markPixelsByChart, printedPages } from '../helpers/sample-mark';
import { loadDataset } from '../../src/lib/indicators/read';
import { illustrativeMarks, kitFiles, partTexts } from '../helpers/office-marks';
import { FORM_SHEET, HEADER_ROW } from '../../src/lib/report-kit/form';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

const INDICATOR_PAGES = loadDataset(process.cwd()).indicators.map((i) => `/chi-tieu/${i.id}/`);

const site = useSiteInBrowser();

describe('while the dataset is minh-hoa', () => {
  test('the status is minh-hoa', () => {
    expect(loadDataset(process.cwd()).meta.status).toBe('minh-hoa');
  });

  test('every chart draws "Số liệu minh họa" inside its own canvas', async () => {
    const { page } = await openPage(site.browser, { width: 1280 });
    for (const path of ['/chi-tieu/phat-trien-doan-vien/', '/chi-tieu/ngung-viec-tap-the/', '/chi-tieu/ty-le-doanh-nghiep-doi-thoai/']) {
      await page.goto(`${site.origin}${path}`);
      const pixels = await markPixelsByChart(page);
      expect(Object.keys(pixels)).toEqual(['theo-nam', 'luy-ke', 'theo-don-vi']);
      for (const [chart, n] of Object.entries(pixels)) expect(n, `${path} ${chart}`).toBeGreaterThan(100);
      expect(await page.locator('figure[data-chart] canvas').first().getAttribute('aria-label')).toMatch(/^Biểu đồ \(số liệu minh họa\)/);
    }
    const shot = await page.locator('figure[data-chart="theo-nam"] canvas').screenshot({ path: '/tmp/chart-sample-mark.png' });
    expect(shot.length).toBeGreaterThan(1000);
    await page.context().close();
  });

  test('the mark has a band of its own: it covers neither the legend nor the data, at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const { page } = await openPage(site.browser, { width });
      // Every indicator page: charts with a legend (two series), percentages whose bars reach the
      // top, and the charts by unit, whose first bar starts at the top.
      for (const path of INDICATOR_PAGES) {
        await page.goto(`${site.origin}${path}`);
        const charts = await markBandByChart(page);
        expect(Object.keys(charts), path).toEqual(['theo-nam', 'luy-ke', 'theo-don-vi']);
        for (const [chart, { box, beside, canvasWidth }] of Object.entries(charts)) {
          expect(box, `${width} px ${path} ${chart}`).not.toBeNull();
          // Top right, whole, inside the canvas.
          expect(box!.right, `${width} px ${path} ${chart}`).toBeGreaterThan(canvasWidth - 10);
          expect(box!.right - box!.left, `${width} px ${path} ${chart}`).toBeGreaterThan(80);
          expect(beside, `${width} px ${path} ${chart}: pixels of the chart level with the mark`).toBe(0);
        }
      }
      if (width === 360) await page.locator('figure[data-chart="theo-nam"] canvas').first().screenshot({ path: '/tmp/chart-sample-mark-360.png' });
      await page.context().close();
    }
  }, 60_000);

  test('every data table\'s caption says it', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    let tables = 0;
    for (const path of DATA_PAGES) {
      await page.goto(`${site.origin}${path}`);
      const captions = await dataCaptions(page);
      tables += captions.length;
      for (const caption of captions) expect(caption, path).toContain('(Số liệu minh họa)');
      // Visible, not only for screen readers.
      for (const mark of await page.locator('caption [data-sample-mark]').all()) expect(await mark.isVisible()).toBe(true);
    }
    expect(tables).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });

  test('every printed page of a data page repeats it; a document page does not', async () => {
    for (const path of ['/chi-tieu/phat-trien-doan-vien/', '/don-vi/cam-my/']) {
      const pages = await printedPages(site.browser, `${site.origin}${path}`);
      expect(pages.length, path).toBeGreaterThan(1);
      pages.forEach((text, i) => expect(text, `${path} trang ${i + 1}`).toContain('SỐ LIỆU MINH HỌA – không phải số liệu chính thức'));
    }
    const plan = await printedPages(site.browser, `${site.origin}/van-ban/cong-van-xin-y-kien/`);
    for (const text of plan) expect(text).not.toContain('SỐ LIỆU MINH HỌA');
  }, 60_000);

  test('the Word template and drafts and the Excel forms say it: the template on its first page, the drafts on every page, the forms on their first sheet', async () => {
    const dataset = loadDataset(process.cwd());
    const files = kitFiles('dist');
    // The outline's template, the province's and each unit's draft and form.
    expect(files).toHaveLength(1 + 2 * (dataset.units.length + 1));
    for (const file of files) expect((await illustrativeMarks(`dist/${file}`, dataset)).length, file).toBeGreaterThan(0);
    const template = (await partTexts('dist/tai-ve/de-cuong-bao-cao.docx'))['word/document.xml']!;
    const mark = template.indexOf('Danh mục chỉ tiêu và mục tiêu trên trang hiện là số liệu minh họa');
    expect(mark).toBeGreaterThan(0);
    expect(mark).toBeLessThan(template.indexOf('PHẦN THỨ NHẤT'));
    for (const file of files.filter((f) => f.startsWith('tai-ve/bao-cao/'))) {
      const headers = Object.entries(await partTexts(`dist/${file}`)).filter(([part]) => /^word\/header\d+\.xml$/.test(part));
      expect(headers.length, file).toBeGreaterThan(0);
      for (const [part, text] of headers) expect(text, `${file} ${part}`).toContain('SỐ LIỆU MINH HỌA');
    }
    for (const file of files.filter((f) => f.endsWith('.xlsx'))) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(`dist/${file}`) as unknown as ExcelJS.Buffer);
      // The form is the first sheet, and its header block says it.
      expect(book.worksheets[0]!.name, file).toBe(FORM_SHEET);
      const header: string[] = [];
      book.worksheets[0]!.eachRow((row, r) => { if (r < HEADER_ROW) row.eachCell((cell) => header.push(String(cell.value))); });
      expect(header.some((text) => text.startsWith('BIỂU MẪU MINH HỌA: danh mục chỉ tiêu')), file).toBe(true);
    }
  });
});
