// Chart images: each indicator chart is also a PNG drawn by Chart.js on @napi-rs/canvas from the
// page's own configuration, framed for a report (white, title, units, source, the illustrative band
// while the dataset is minh-hoa), in a font that holds every Vietnamese letter it draws.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { parse as parseHtml } from 'node-html-parser';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import type { Dataset } from '../src/lib/indicators/dataset';
import { BAND_HEIGHT, chartConfig, ILLUSTRATIVE_LABEL, imageHeight, wrapText } from '../src/lib/indicators/charts/config';
import { chartImagePath, indicatorChartImages } from '../src/lib/indicators/charts/images';
import { imageFontFiles, renderChartPng, renderSpecPng } from '../src/lib/indicators/charts/png';
import { encodeRgbaPng } from '../src/lib/indicators/charts/png-encode';
import { site } from '../src/lib/site/site';
import { fontCodePoints } from './helpers/font-cmap';

const DIST = process.env.DIST_DIR ?? 'dist';
const SITE_URL = 'https://congdoan-soket.example.vn';
const dataset = loadDataset(process.cwd());
const summaries = aggregateDataset(dataset);
const imagesOf = (d: Dataset) => indicatorChartImages(d, summaries, { siteUrl: SITE_URL, publisher: site.publisher });
const images = imagesOf(dataset);

interface Pixels { width: number; height: number; data: Uint8ClampedArray }

async function decode(png: Uint8Array): Promise<Pixels> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** Pixels in rows [top, bottom) and columns [left, right) that pass `test`. */
function count(p: Pixels, test: (r: number, g: number, b: number) => boolean, top = 0, bottom = p.height, left = 0, right = p.width): number {
  let n = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = (y * p.width + x) * 4;
      if (test(p.data[i]!, p.data[i + 1]!, p.data[i + 2]!)) n++;
    }
  }
  return n;
}
const nonWhite = (r: number, g: number, b: number) => r < 245 || g < 245 || b < 245;
const dark = (r: number, g: number, b: number) => r + g + b < 200;
const bandColour = (r: number, g: number, b: number) => r === 0xff && g === 0xf1 && b === 0xcc;
// The band's words (#8a1c00), not the target line's value labels (#8f3e00).
const labelRed = (r: number, g: number, b: number) => r > 110 && r < 165 && g < 45 && b < 30;

describe('the PNG encoder', () => {
  test('writes pixels that decode back exactly', async () => {
    const width = 37;
    const height = 11;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < rgba.length; i += 4) {
      rgba[i] = (i * 7) & 255; rgba[i + 1] = (i * 13) & 255; rgba[i + 2] = (i * 29) & 255; rgba[i + 3] = 255;
    }
    const png = encodeRgbaPng(rgba, width, height);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const decoded = await decode(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect([...decoded.data]).toEqual([...rgba]);
  });

  test('refuses pixels that do not match the size', () => {
    expect(() => encodeRgbaPng(new Uint8Array(10), 2, 2)).toThrow(/kích thước ảnh/);
  });
});

describe('one configuration for the page and the image', () => {
  test('the image draws the same labels, values, colours and scales as the canvas', () => {
    for (const { spec, frame } of images) {
      const screen = chartConfig(spec);
      const image = chartConfig(spec, { kind: 'image', ...frame });
      expect(image.data.labels).toEqual(screen.data.labels);
      const essentials = (c: typeof screen) => c.data.datasets.map((d) => ({ type: d.type, label: d.label, data: d.data, colour: d.backgroundColor, order: d.order }));
      expect(essentials(image)).toEqual(essentials(screen));
      expect(image.options?.indexAxis).toBe(screen.options?.indexAxis);
      const axis = spec.horizontal ? 'x' : 'y';
      const scale = (c: typeof screen) => c.options?.scales?.[axis] as { max?: number; beginAtZero?: boolean; title?: { text?: string } };
      expect(scale(image).max).toBe(scale(screen).max);
      expect(scale(image).title?.text).toBe(spec.axisLabel);
      expect(scale(screen).title?.text).toBe(spec.axisLabel);
    }
  });

  test('the unit-by-unit chart is sorted by value, units without a figure last; both media print each value', () => {
    const byUnit = images.filter((i) => i.chartId === 'theo-don-vi');
    expect(byUnit).toHaveLength(dataset.indicators.length);
    for (const { spec } of byUnit) {
      const values = spec.series[0]!.data;
      const known = values.filter((v): v is number => v !== null);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      // Every null after every number.
      expect(values.slice(known.length).every((v) => v === null)).toBe(true);
      expect(spec.labels).toHaveLength(dataset.units.length);
    }
    // The chart's first bar is the unit the page's table ranks first.
    const members = byUnit.find((i) => i.indicatorId === 'phat-trien-doan-vien')!.spec;
    const table = parseHtml(readFileSync(join(DIST, 'chi-tieu/phat-trien-doan-vien/index.html'), 'utf8')).querySelector('table[data-table="theo-don-vi"] tbody th');
    expect(members.labels[0]).toBe(table?.text.trim());
    for (const { spec, frame } of images) {
      const ids = (c: ReturnType<typeof chartConfig>) => (c.plugins ?? []).map((p) => p.id);
      expect(ids(chartConfig(spec))).toContain('gia-tri');
      expect(ids(chartConfig(spec, { kind: 'image', ...frame }))).toContain('gia-tri');
    }
  });

  test('every indicator page chart has an image, 1600 px wide, 900 px high unless many units need rows', () => {
    expect(images).toHaveLength(dataset.indicators.length * 3);
    for (const image of images) {
      expect(image.path).toBe(chartImagePath(image.indicatorId, image.chartId));
      expect(image.path).toMatch(/^\/tai-ve\/bieu-do\/[a-z0-9-]+\.png$/);
      expect(image.frame.width).toBe(1600);
      expect(image.frame.height).toBe(900);
      expect(image.frame.source).toContain(`${SITE_URL}/chi-tieu/${image.indicatorId}/`);
      expect(image.frame.source).toContain('Liên đoàn Lao động tỉnh Đồng Nai');
    }
    // Many units: a taller image with a 26 px row each, up to three times the height.
    const units = (n: number) => ({ ...images[2]!.spec, labels: Array.from({ length: n }, (_, i) => `CĐCS ${i + 1}`) });
    expect(imageHeight(units(18))).toBe(900);
    expect(imageHeight(units(60))).toBeGreaterThanOrEqual(60 * 26);
    expect(imageHeight(units(200))).toBe(2700);
  });
});

describe('rendered images', () => {
  test('a chart PNG is 1600 × 900, white, not blank, with its title drawn in dark ink', async () => {
    const image = images.find((i) => i.indicatorId === 'phat-trien-doan-vien' && i.chartId === 'theo-nam')!;
    const pixels = await decode(await renderSpecPng(image.spec, image.frame));
    expect([pixels.width, pixels.height]).toEqual([1600, 900]);
    const total = pixels.width * pixels.height;
    // Corners are the white background, not transparent (a transparent pixel decodes as black here).
    for (const [x, y] of [[0, pixels.height - 1], [pixels.width - 1, pixels.height - 1]] as const) {
      const i = (y * pixels.width + x) * 4;
      expect([pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]]).toEqual([255, 255, 255]);
    }
    let seeThrough = 0;
    for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i] !== 255) seeThrough++;
    expect(seeThrough, 'pixels not fully opaque').toBe(0);
    // Bars, axes and text: a real share of the image, and far from all of it.
    const inked = count(pixels, nonWhite);
    expect(inked / total).toBeGreaterThan(0.1);
    expect(inked / total).toBeLessThan(0.7);
    // Blue bars (#0072B2) and the orange target line (#D55E00).
    expect(count(pixels, (r, g, b) => r < 20 && g > 100 && g < 130 && b > 160 && b < 190)).toBeGreaterThan(50_000);
    expect(count(pixels, (r, g, b) => r > 200 && g > 80 && g < 110 && b < 20)).toBeGreaterThan(500);
    // The title line sits under the band, centred.
    expect(count(pixels, dark, BAND_HEIGHT + 10, BAND_HEIGHT + 70, 400, 1200)).toBeGreaterThan(1_000);
    // The source line at the bottom left.
    expect(count(pixels, dark, 830, 900, 0, 800)).toBeGreaterThan(500);
  });

  test('"Số liệu minh họa" is in the image while the dataset is minh-hoa, and only then', async () => {
    const official = imagesOf({ ...dataset, meta: { ...dataset.meta, status: 'chinh-thuc' } });
    expect(images.every((i) => i.frame.illustrative)).toBe(true);
    expect(official.every((i) => !i.frame.illustrative)).toBe(true);
    const pick = (list: typeof images) => list.find((i) => i.indicatorId === 'ty-le-doanh-nghiep-doi-thoai' && i.chartId === 'luy-ke')!;
    const sample = await decode(await renderSpecPng(pick(images).spec, pick(images).frame));
    const real = await decode(await renderSpecPng(pick(official).spec, pick(official).frame));
    expect([real.width, real.height]).toEqual([1600, 900]);
    // minh-hoa: the band fills the top rows and its dark red words stand in it.
    expect(count(sample, bandColour, 0, BAND_HEIGHT)).toBeGreaterThan(1600 * 30);
    expect(count(sample, labelRed, 0, BAND_HEIGHT - 6, 200, 1400)).toBeGreaterThan(2_000);
    expect(count(sample, bandColour, BAND_HEIGHT)).toBe(0);
    // chinh-thuc: no band and no red words anywhere; the title moves up into its place.
    expect(count(real, bandColour)).toBe(0);
    expect(count(real, labelRed)).toBe(0);
    expect(count(real, dark, 10, 70, 400, 1200)).toBeGreaterThan(1_000);
    // Below the titles both images carry the chart.
    expect(count(real, nonWhite, 150, 800) / (1600 * 650)).toBeGreaterThan(0.1);
  });

  test('every letter drawn is in the registered Noto Sans, not left to the machine\'s fonts', () => {
    const texts = [ILLUSTRATIVE_LABEL, 'Đoàn viên', 'Kết nạp đoàn viên mới', 'Số liệu minh họa'];
    for (const { spec, frame } of images) {
      texts.push(frame.title, frame.subtitle, frame.source, spec.axisLabel, spec.categoryLabel ?? '', ...spec.labels, ...spec.series.map((s) => s.label));
      const config = chartConfig(spec, { kind: 'image', ...frame });
      const axis = config.options?.scales?.[spec.horizontal ? 'x' : 'y'] as { ticks: { callback: (v: number) => string } };
      texts.push(...[0, 1234.5, 87.5, 100].map((v) => axis.ticks.callback(v)));
    }
    const letters = new Set([...texts.join('')].filter((c) => c !== ' '));
    expect(letters.has('Đ') && letters.has('ạ') && letters.has('ế')).toBe(true);
    for (const file of imageFontFiles()) {
      const covered = fontCodePoints(readFileSync(file));
      const missing = [...letters].filter((c) => !covered.has(c.codePointAt(0)!));
      expect(missing, file).toEqual([]);
    }
  });

  test('renderChartPng takes any configuration and size', async () => {
    const image = images[0]!;
    const png = await renderChartPng(chartConfig(image.spec, { kind: 'image', ...image.frame, width: 800, height: 450 }), { width: 800, height: 450 });
    const pixels = await decode(png);
    expect([pixels.width, pixels.height]).toEqual([800, 450]);
    expect(count(pixels, nonWhite) / (800 * 450)).toBeGreaterThan(0.1);
  });

  test('wrapText breaks long titles at spaces', () => {
    expect(wrapText('Tỷ lệ doanh nghiệp có công đoàn cơ sở tổ chức đối thoại định kỳ', 30)).toEqual(['Tỷ lệ doanh nghiệp có công', 'đoàn cơ sở tổ chức đối thoại', 'định kỳ']);
  });
});

describe('the built site', () => {
  test('each indicator chart links to its PNG, which the build wrote from the same configuration', async () => {
    for (const indicator of dataset.indicators) {
      const page = parseHtml(readFileSync(join(DIST, 'chi-tieu', indicator.id, 'index.html'), 'utf8'));
      const figures = page.querySelectorAll('figure[data-chart]');
      expect(figures.length, indicator.id).toBe(3);
      for (const figure of figures) {
        const link = figure.querySelector('a[data-chart-image]');
        expect(link?.text.startsWith('Tải ảnh (PNG)'), indicator.id).toBe(true);
        const href = link!.getAttribute('href')!;
        expect(href).toBe(chartImagePath(indicator.id, figure.getAttribute('data-chart')!));
        const file = join(DIST, href);
        expect(existsSync(file), href).toBe(true);
        const bytes = readFileSync(file);
        expect(bytes.readUInt32BE(16), `${href} width`).toBe(1600);
        expect(bytes.readUInt32BE(20), `${href} height`).toBe(900);
      }
    }
    // The published bytes are this pipeline's output for the page's spec.
    const image = images.find((i) => i.indicatorId === 'ty-le-thoa-uoc-lao-dong-tap-the' && i.chartId === 'theo-don-vi')!;
    expect(Buffer.from(await renderSpecPng(image.spec, image.frame)).equals(readFileSync(join(DIST, image.path)))).toBe(true);
  });
});

describe('the PNG cache between builds', () => {
  test('a key changes with any input; a stored PNG reads back whole, a truncated one is ignored', async () => {
    const { mkdtempSync, readdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { chartCacheKey, rendererFingerprint, wholePng } = await import('../src/lib/indicators/charts/png-cache');
    const { cachedFile } = await import('../src/lib/fs/cached-file');
    const renderer = rendererFingerprint(imageFontFiles());
    expect(renderer).toMatch(/^[0-9a-f]{64}$/);
    const { spec, frame } = images[0]!;
    const key = chartCacheKey(renderer, spec, frame);
    expect(chartCacheKey(renderer, spec, frame)).toBe(key);
    expect(chartCacheKey(renderer, spec, { ...frame, illustrative: !frame.illustrative })).not.toBe(key);
    expect(chartCacheKey(renderer, { ...spec, series: [{ ...spec.series[0]!, data: spec.series[0]!.data.map((v) => (v ?? 0) + 1) }] }, frame)).not.toBe(key);
    expect(chartCacheKey(`${renderer}x`, spec, frame)).not.toBe(key);
    const dir = join(mkdtempSync(join(tmpdir(), 'bieu-do-cache-')), 'bieu-do');
    try {
      // The chart worker's path (png-worker.ts): drawn once, then read back; a cut file is drawn again.
      let drawn = 0;
      const draw = () => { drawn += 1; return renderSpecPng(spec, frame); };
      const png = await cachedFile(dir, key, 'png', draw, wholePng);
      expect(readdirSync(dir)).toEqual([`${key}.png`]);
      expect(Buffer.from(await cachedFile(dir, key, 'png', draw, wholePng)).equals(Buffer.from(png))).toBe(true);
      expect(drawn).toBe(1);
      writeFileSync(join(dir, `${key}.png`), png.subarray(0, png.length - 5));
      expect(Buffer.from(await cachedFile(dir, key, 'png', draw, wholePng)).equals(Buffer.from(png))).toBe(true);
      expect(drawn).toBe(2);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
