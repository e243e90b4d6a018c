// With the dataset's status chinh-thuc nothing of the illustrative mark shows: not in the charts'
// drawings, not in table captions, not on printed pages (issue 16, point 8). The copy also drops
// one unit's figure, so a unit that did not report is seen apart from one that reported 0 (point 7).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, unlinkSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, useSiteInBrowser } from '../helpers/browser';
import { copyProject, runIn } from '../helpers/project-copy';
import { DATA_PAGES, dataCaptions, markPixelsByChart, printedPages } from '../helpers/sample-mark';
import { illustrativeMarks, kitFiles, partTexts } from '../helpers/office-marks';
import { loadDataset } from '../../src/lib/indicators/read';

let dir = '';
beforeAll(() => {
  dir = copyProject('congdoan-chinh-thuc-');
  // Built as a checkout without git would be: the update dates fall back to their plain words.
  if (existsSync(join(dir, '.git'))) unlinkSync(join(dir, '.git'));
  const meta = join(dir, 'content/so-lieu/bo-du-lieu.yaml');
  const text = readFileSync(meta, 'utf8');
  expect(text).toMatch(/^status: minh-hoa$/m);
  // The units' targets are official too (unitTargets.status), as they would be once the office has the real ones.
  expect(text).toMatch(/^ {2}status: minh-hoa$/m);
  writeFileSync(meta, text.replace(/^status: minh-hoa$/m, 'status: chinh-thuc').replace(/^ {2}status: minh-hoa$/m, '  status: chinh-thuc'));
  // Biên Hòa did not report 2020 for this indicator; Long Thành reported 0.
  const csv = join(dir, 'content/so-lieu/2020.csv');
  const lines = readFileSync(csv, 'utf8').split('\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
  const col = (name: string) => header.indexOf(name);
  const edited = lines.filter((line) => !(line.split(',')[col('don_vi')] === 'bien-hoa' && line.split(',')[col('chi_tieu')] === 'thanh-lap-cong-doan-co-so'))
    .map((line) => {
      const cells = line.split(',');
      if (cells[col('don_vi')] === 'long-thanh' && cells[col('chi_tieu')] === 'thanh-lap-cong-doan-co-so') cells[col('gia_tri')] = '0';
      return cells.join(',');
    });
  expect(edited.length).toBe(lines.length - 1);
  writeFileSync(csv, edited.join('\n'));
  const build = runIn(dir, ['node_modules/.bin/astro', 'build']);
  expect(build.status, build.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const site = useSiteInBrowser(() => join(dir, 'dist'));

describe('with the dataset chinh-thuc', () => {
  test('no chart draws the mark', async () => {
    const { page } = await openPage(site.browser, { width: 1280 });
    await page.goto(`${site.origin}/chi-tieu/phat-trien-doan-vien/`);
    const pixels = await markPixelsByChart(page);
    expect(Object.keys(pixels)).toHaveLength(3);
    for (const [chart, n] of Object.entries(pixels)) expect(n, chart).toBe(0);
    expect(await page.locator('figure[data-chart] canvas').first().getAttribute('aria-label')).toMatch(/^Biểu đồ: /);
    expect(await page.locator('[data-sample-banner]').count()).toBe(0);
    await page.context().close();
  });

  test('no caption says it', async () => {
    const { page } = await openPage(site.browser, { width: 360 });
    for (const path of DATA_PAGES) {
      await page.goto(`${site.origin}${path}`);
      const captions = await dataCaptions(page);
      expect(captions.length, path).toBeGreaterThan(0);
      for (const caption of captions) expect(caption, path).not.toMatch(/minh họa/i);
    }
    await page.context().close();
  });

  test('no printed page says it', async () => {
    const pages = await printedPages(site.browser, `${site.origin}/chi-tieu/phat-trien-doan-vien/`);
    expect(pages.length).toBeGreaterThan(1);
    // (The dataset's own source line may describe itself; the mark's words are what must go.)
    for (const text of pages) expect(text).not.toMatch(/SỐ LIỆU MINH HỌA|Số liệu minh họa/);
  }, 60_000);

  test('the Word template and drafts and the Excel forms say nothing of it', async () => {
    const dataset = loadDataset(dir);
    expect(dataset.meta.status).toBe('chinh-thuc');
    const files = kitFiles(join(dir, 'dist'));
    expect(files).toHaveLength(1 + 2 * (dataset.units.length + 1));
    for (const file of files) expect(await illustrativeMarks(join(dir, 'dist', file), dataset), file).toEqual([]);
    // The files are whole: the template still has its outline, the drafts their headers, the forms their sheet.
    expect((await partTexts(join(dir, 'dist/tai-ve/de-cuong-bao-cao.docx')))['word/document.xml']).toContain('PHẦN THỨ NHẤT');
    expect((await partTexts(join(dir, 'dist/tai-ve/bao-cao/cam-my.docx')))['word/document.xml']).toContain('Cẩm Mỹ');
    expect((await partTexts(join(dir, 'dist/tai-ve/bieu-mau/cam-my.xlsx')))['xl/sharedStrings.xml']).toContain('BÁO CÁO TỔNG HỢP SỐ LIỆU HOẠT ĐỘNG CÔNG ĐOÀN');
  });

  test('a unit that did not report reads apart from one that reported 0', async () => {
    const { page } = await openPage(site.browser, { width: 1280 });
    await page.goto(`${site.origin}/chi-tieu/thanh-lap-cong-doan-co-so/`);
    const cell = (unit: string) => page.locator('table[data-table="theo-don-vi"] tbody tr', { has: page.locator(`a[href="/don-vi/${unit}/"]`) }).locator('td').nth(2);
    expect((await cell('bien-hoa').innerText()).trim()).toBe('chưa báo cáo');
    expect((await cell('long-thanh').innerText()).trim()).toBe('0');
    const style = (unit: string) => cell(unit).evaluate((el) => `${getComputedStyle(el).fontStyle} ${getComputedStyle(el).color}`);
    expect(await style('bien-hoa')).not.toBe(await style('long-thanh'));
    // In the chart of totals, the unit with a year missing is named as such; the one with 0 is not.
    const spec = JSON.parse(await page.locator('figure[data-chart="theo-don-vi"] script.chart-spec').textContent() ?? '{}') as { labels: string[] };
    expect(spec.labels).toContain('Biên Hòa (chưa báo cáo đủ)');
    expect(spec.labels).toContain('Long Thành');
    await page.context().close();
  });

  test('a copy without git history says plainly that the update date is unknown, and the sitemap gives none', async () => {
    const { UNKNOWN_UPDATE } = await import('../../src/lib/documents/last-updated');
    const page = readFileSync(join(dir, 'dist/van-ban/ke-hoach-so-ket/index.html'), 'utf8');
    expect(page).toContain(UNKNOWN_UPDATE);
    expect(readFileSync(join(dir, 'dist/sitemap.xml'), 'utf8')).not.toContain('<lastmod>');
  });
});
