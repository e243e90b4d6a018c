// Indicator pages in real Chromium: charts draw pixels when scrolled into view, each table shows
// exactly the aggregation's numbers, the unit table sorts, and the CSV download matches.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { drawCharts, openPage, useSiteInBrowser } from '../helpers/browser';
import { loadDataset } from '../../src/lib/indicators/read';
import { aggregateDataset, unitsByRank, type IndicatorSummary } from '../../src/lib/indicators/aggregate';
import { progressCell, unitProgress } from '../../src/lib/views/progress-page';
import { formatInteger, formatQuantity, formatQuantityDetailed, formatTarget, statusLabels } from '../../src/lib/indicators/format';
import { aggregateCsv } from '../../src/lib/indicators/downloads';

const site = useSiteInBrowser();

const dataset = loadDataset(process.cwd());
const SYMBOLS: Record<string, string> = { 'vuot': '▲', 'dat': '●', 'chua-dat': '▼', 'chua-co-phan-bo-nam': '◇', 'chua-co-muc-tieu': '○', 'chua-co-so-lieu': '…' };
const unit = (id: string) => dataset.units.find((u) => u.id === id)!;
const summaries = aggregateDataset(dataset);
const summaryOf = (id: string): IndicatorSummary => summaries.get(id)!;

async function tableText(page: Page, selector: string): Promise<string[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

/** Pixels of the canvas that are not transparent, and those in the results' blue (#0072B2). */
async function canvasPixels(page: Page, chart: string): Promise<{ drawn: number; blue: number; orange: number }> {
  return page.locator(`figure[data-chart="${chart}"] canvas`).evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let drawn = 0;
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 0) drawn += 1;
      if (a > 200 && Math.abs(r - 0) < 20 && Math.abs(g - 114) < 20 && Math.abs(b - 178) < 20) blue += 1;
      if (a > 200 && Math.abs(r - 213) < 20 && Math.abs(g - 94) < 20 && Math.abs(b - 0) < 20) orange += 1;
    }
    return { drawn, blue, orange };
  });
}

describe('an indicator page (count)', () => {
  const id = 'phat-trien-doan-vien';
  const s = summaryOf(id);
  const indicator = dataset.indicators.find((i) => i.id === id)!;

  test('charts draw when visible, tables equal the aggregation, the CSV download matches', async () => {
    const { page, errors, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}/chi-tieu/${id}/`);
    expect(await page.locator('[data-sample-banner]').textContent()).toContain('Số liệu minh họa');

    await drawCharts(page);
    for (const chart of ['theo-nam', 'luy-ke', 'theo-don-vi']) {
      const pixels = await canvasPixels(page, chart);
      expect(pixels.drawn, chart).toBeGreaterThan(5_000);
      expect(pixels.blue, chart).toBeGreaterThan(1_000);
      if (chart !== 'theo-don-vi') expect(pixels.orange, `${chart}: target line`).toBeGreaterThan(100);
    }
    expect(requests.filter((url) => /chart-render/.test(url))).toHaveLength(1);

    expect(await tableText(page, 'table[data-table="theo-nam"]')).toEqual(
      s.years.map((y) => [String(y.year), formatQuantity(y.total), formatTarget(y.target!, 'count'), `${SYMBOLS[y.status]} ${statusLabels[y.status]}`, `${y.reportedUnits}/${dataset.units.length}`]),
    );
    expect(await tableText(page, 'table[data-table="luy-ke"]')).toEqual(
      s.cumulative.map((c) => [String(c.year), formatQuantity(c.total), formatTarget(s.termTarget!, 'count'), expect.stringMatching(/^\d+,\d%$/)]),
    );
    const unitRows = await tableText(page, 'table[data-table="theo-don-vi"]');
    expect(unitRows).toEqual(
      unitsByRank(s).map((u) => {
        // Progress against the unit's own target, before the key column (progress-page.ts).
        const progress = progressCell(unitProgress(dataset, s, indicator, u.unitId), indicator);
        return [unit(u.unitId).shortName, ...u.years.map((y) => formatQuantityDetailed(y.value)), `${progress.label} ${progress.detail}`.trim(), formatQuantityDetailed(u.result), formatInteger(u.rank!), formatQuantityDetailed(u.baseline)];
      }),
    );
    // The figures in the table add up to the province total printed in its footer.
    const sum = unitRows.reduce((n, row) => n + Number(row[5]!.replace(/\./g, '')), 0);
    expect(sum).toBe((s.result as { value: number }).value);
    expect(await page.locator('table[data-table="theo-don-vi"] tfoot td').first().textContent()).toBe(formatQuantity(s.years[0]!.total));

    // Sorting by name (a click on the header button) reorders the rows alphabetically in Vietnamese.
    await page.locator('table[data-table="theo-don-vi"] thead th').first().locator('button').click();
    const names = (await tableText(page, 'table[data-table="theo-don-vi"]')).map((row) => row[0]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi', { sensitivity: 'base', numeric: true })));

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="tong-hop"]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toBe(aggregateCsv(s, (u) => unit(u).name));
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => Number(r.ket_qua))).toEqual(s.years.map((y) => (y.total as { value: number }).value));
    expect(records.map((r) => Number(r.luy_ke))).toEqual(s.cumulative.map((c) => (c.total as { value: number }).value));

    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a horizontal chart drawn late moves nothing', () => {
  // The chart by unit is as tall as its bars. That height must be in the page before the chart
  // draws (it draws when scrolled into view): set by the script at that moment, it pushed the
  // download link and the table under it down by 12.8 px, a layout shift the CLS test caught only
  // when the draw fell inside the screen (1 run in 12 at 4x CPU throttling).
  for (const width of [360, 1280]) {
    test(`the box has its final height before drawing, at ${width} px`, async () => {
      const { page, errors } = await openPage(site.browser, { width });
      await page.goto(`${site.origin}/chi-tieu/phat-trien-doan-vien/`);
      const figure = page.locator('figure[data-chart="theo-don-vi"]');
      const bars = (JSON.parse((await figure.locator('script.chart-spec').textContent())!) as { labels: string[] }).labels.length;
      const layout = () => figure.evaluate((f) => ({
        box: Math.round(f.querySelector('.chart-canvas')!.getBoundingClientRect().height * 10) / 10,
        below: Math.round((f.querySelector('.chart-image')!.getBoundingClientRect().top - f.getBoundingClientRect().top) * 10) / 10,
        drawn: (f as HTMLElement).dataset.drawn === 'true',
      }));
      const before = await layout();
      expect(before.drawn).toBe(false);
      // 1.6rem a bar and 4rem for the axis and legend (16 px to the rem), at least 12rem; layout
      // rounds each row to 1/64 px.
      expect(Math.abs(before.box - Math.max(12, bars * 1.6 + 4) * 16)).toBeLessThanOrEqual(0.5);
      await drawCharts(page);
      const after = await layout();
      expect(after).toEqual({ ...before, drawn: true });
      // The chart fills its box (Chart.js sizes the canvas in whole pixels).
      const canvas = await figure.locator('canvas').boundingBox();
      expect(Math.abs(canvas!.height - before.box)).toBeLessThanOrEqual(1);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('an indicator page (rate)', () => {
  const id = 'ty-le-thoa-uoc-lao-dong-tap-the';
  const s = summaryOf(id);
  test('shows Σnumerator / Σdenominator with its counts, and the raw rows download', async () => {
    const { page, errors } = await openPage(site.browser, { width: 375 });
    await page.goto(`${site.origin}/chi-tieu/${id}/`);
    const rows = await tableText(page, 'table[data-table="theo-nam"]');
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      s.years.map((y) => {
        const t = y.total as { numerator: number; denominator: number };
        return [String(y.year), formatQuantity(y.total), formatInteger(t.numerator), formatInteger(t.denominator)];
      }),
    );
    await drawCharts(page);
    expect((await canvasPixels(page, 'theo-don-vi')).blue).toBeGreaterThan(500);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="so-lieu-goc"]').click()]);
    const records = parse(readFileSync((await download.path())!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(dataset.rows.filter((r) => r.indicator === id).length);
    expect(records.every((r) => r.gia_tri === '' && Number(r.tu_so) <= Number(r.mau_so))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('pages without charts', () => {
  test('a document page never loads Chart.js; printing an indicator page shows its tables', async () => {
    const { page, requests } = await openPage(site.browser);
    await page.goto(`${site.origin}/van-ban/ke-hoach-so-ket/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => /chart/.test(url))).toEqual([]);
    await page.goto(`${site.origin}/chi-tieu/mai-am-cong-doan/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('table[data-table="theo-nam"]').isVisible()).toBe(true);
    expect(await page.locator('table[data-table="theo-don-vi"]').isVisible()).toBe(true);
    expect(await page.locator('[data-sample-banner]').isVisible()).toBe(true);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.context().close();
  });
});
