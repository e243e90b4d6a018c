// The pictures a chat app shows for a shared link (src/lib/views/share-cards.ts, share-draw.ts):
// which page gets which card, the built pages' og:image tags pointing at real 1200 × 630 PNGs under
// 300 KB, the illustrative band where figures are shown, and the cache.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { shareCards, SHARE_PER_PAGE_LIMIT } from '../src/lib/views/share-cards';
import { shareCardPng } from '../src/lib/views/share-draw';
import { htmlFiles } from './helpers/dist';

const DIST = process.env.DIST_DIR ?? 'dist';
const SITE = 'https://congdoan-soket.example.vn';
const pngSize = (bytes: Uint8Array) => ({ width: Buffer.from(bytes).readUInt32BE(16), height: Buffer.from(bytes).readUInt32BE(20) });

describe('which card a page shares', () => {
  const input = {
    siteName: 'Sơ kết', publisher: 'LĐLĐ', sample: true,
    documents: [{ id: 'ke-hoach', kind: 'Kế hoạch', number: '56/KH-LĐLĐ', title: 'Kế hoạch sơ kết' }],
    indicators: [{ id: 'a', name: 'Kết nạp' }],
    units: [{ id: 'u', name: 'Biên Hòa', reportState: 'Đã báo cáo đủ' }],
  };
  test('a document its kind, number and title; an indicator its chart and the mark; a unit its report status; others the site', () => {
    const { forPage, site } = shareCards(input);
    expect(forPage.get('/van-ban/ke-hoach/')).toMatchObject({ path: '/tai-ve/chia-se/van-ban-ke-hoach.png', kicker: 'Kế hoạch số 56/KH-LĐLĐ', title: 'Kế hoạch sơ kết', sample: false });
    expect(forPage.get('/chi-tieu/a/')).toMatchObject({ chart: { indicatorId: 'a', chartId: 'theo-nam' }, sample: true, alt: 'Biểu đồ chỉ tiêu Kết nạp (số liệu minh họa)' });
    expect(forPage.get('/don-vi/u/')).toMatchObject({ lines: ['Tình hình báo cáo: Đã báo cáo đủ'], sample: true });
    expect(forPage.get('/')).toBe(site);
    expect(site.title).toBe('Sơ kết');
  });
  test(`past ${SHARE_PER_PAGE_LIMIT} documents, one card per kind of document`, () => {
    const many = Array.from({ length: SHARE_PER_PAGE_LIMIT + 1 }, (_, i) => ({ id: `d${i}`, kind: i % 2 ? 'Kế hoạch' : 'Công văn', title: `Văn bản ${i}` }));
    const { cards, forPage } = shareCards({ ...input, documents: many });
    expect(cards.filter((c) => c.path.includes('/van-ban-')).map((c) => c.path).sort()).toEqual(['/tai-ve/chia-se/van-ban-cong-van.png', '/tai-ve/chia-se/van-ban-ke-hoach.png']);
    expect(forPage.get('/van-ban/d1/')!.path).toBe('/tai-ve/chia-se/van-ban-ke-hoach.png');
  });
});

describe('the built site', () => {
  const pages = htmlFiles(DIST);
  test('every page names an absolute 1200 × 630 PNG under 300 KB that exists, with its alt text, size and a large card', () => {
    for (const page of pages) {
      const head = parse(readFileSync(join(DIST, page), 'utf8')).querySelector('head')!;
      const meta = (property: string) => head.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? head.querySelector(`meta[name="${property}"]`)?.getAttribute('content');
      const url = meta('og:image')!;
      expect(url, page).toMatch(new RegExp(`^${SITE}/tai-ve/chia-se/[a-z0-9-]+\\.png$`));
      expect(meta('og:image:alt'), page).toBeTruthy();
      expect([meta('og:image:width'), meta('og:image:height'), meta('twitter:card')], page).toEqual(['1200', '630', 'summary_large_image']);
      const file = join(DIST, new URL(url).pathname);
      const bytes = readFileSync(file);
      expect(pngSize(bytes), page).toEqual({ width: 1200, height: 630 });
      expect(statSync(file).size, page).toBeLessThanOrEqual(300 * 1024);
    }
    expect(pages.length).toBeGreaterThan(40);
  });

  test('an indicator\'s card carries the illustrative band and its chart; a document\'s card has none', async () => {
    const colourAt = async (name: string, x: number, y: number) => {
      const image = await loadImage(readFileSync(join(DIST, 'tai-ve/chia-se', name)));
      const canvas = createCanvas(image.width, image.height);
      canvas.getContext('2d').drawImage(image, 0, 0);
      return [...canvas.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)];
    };
    expect(await colourAt('chi-tieu-phat-trien-doan-vien.png', 8, 100)).toEqual([0xff, 0xf3, 0xcd]);
    expect(await colourAt('van-ban-ke-hoach-so-ket.png', 8, 100)).toEqual([0xff, 0xff, 0xff]);
    // The chart's bars (blue #0072B2 family) on the right half.
    const image = await loadImage(readFileSync(join(DIST, 'tai-ve/chia-se/chi-tieu-phat-trien-doan-vien.png')));
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    const data = canvas.getContext('2d').getImageData(600, 200, 560, 350).data;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 40 && data[i + 1]! > 90 && data[i + 2]! > 150) blue += 1;
    expect(blue).toBeGreaterThan(20_000);
  });
});

describe('the cache', () => {
  test('the same card is drawn once: the second build reads the bytes back; a changed card is drawn anew', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chia-se-'));
    try {
      const card = { name: 'x', path: '/tai-ve/chia-se/x.png', alt: 'x', kicker: 'Kế hoạch', title: 'Đề cương báo cáo sơ kết', lines: [], sample: false };
      const started = performance.now();
      const first = await shareCardPng(card, 'LĐLĐ', undefined, dir);
      const drawMs = performance.now() - started;
      expect(readdirSync(dir)).toHaveLength(1);
      const again = performance.now();
      expect(await shareCardPng(card, 'LĐLĐ', undefined, dir)).toEqual(first);
      expect(performance.now() - again).toBeLessThan(drawMs);
      await shareCardPng({ ...card, title: 'Khác' }, 'LĐLĐ', undefined, dir);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
