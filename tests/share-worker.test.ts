// The share-card worker (src/lib/views/share-worker.ts), which draws the cards without a chart beside
// the build's main thread: it sends every card it is given, each the very bytes the main thread
// draws for the same card, and it ends by itself once they are sent; an indicator's card once its
// chart arrives, none for a chart that failed.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { drawShareCard } from '../src/lib/views/share-draw.ts';
import { encodeRgbaPng } from '../src/lib/indicators/charts/png-encode.ts';
import type { ShareCard } from '../src/lib/views/share-cards.ts';

const cards: ShareCard[] = [
  { name: 'don-vi-bien-hoa', path: '/tai-ve/chia-se/don-vi-bien-hoa.png', alt: 'Biên Hòa', kicker: 'Đơn vị báo cáo', title: 'Liên đoàn Lao động thành phố Biên Hòa', lines: ['Tình hình báo cáo: Đã báo cáo'], sample: true },
  { name: 'trang-chu', path: '/tai-ve/chia-se/trang-chu.png', alt: 'Trang chủ', kicker: 'Liên đoàn Lao động tỉnh Đồng Nai', title: 'Sơ kết giữa nhiệm kỳ', lines: [], sample: false },
] as ShareCard[];

describe('share-card worker', () => {
  it('sends each card, byte for byte as drawn on the main thread, then ends', async () => {
    const worker = new Worker(new URL('../src/lib/views/share-worker.ts', import.meta.url), { workerData: { cards, publisher: 'LĐLĐ tỉnh Đồng Nai', cacheDir: null } });
    const got = new Map<string, Uint8Array>();
    worker.on('message', ({ path, png }: { path: string; png: Uint8Array }) => got.set(path, png));
    const code = await new Promise<number>((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    expect(code).toBe(0);
    expect([...got.keys()]).toEqual(cards.map((card) => card.path));
    for (const card of cards) {
      const here = await drawShareCard(card, 'LĐLĐ tỉnh Đồng Nai');
      expect(Buffer.from(got.get(card.path)!).equals(Buffer.from(here)), card.name).toBe(true);
    }
  });

  it('draws each indicator card when its chart arrives, skips a failed chart, then ends', async () => {
    const chartCards = [
      { name: 'chi-tieu-a', path: '/tai-ve/chia-se/chi-tieu-a.png', alt: 'A', kicker: 'Chỉ tiêu', title: 'Phát triển đoàn viên', lines: [], sample: true, chart: { indicatorId: 'a', chartId: 'theo-nam' } },
      { name: 'chi-tieu-b', path: '/tai-ve/chia-se/chi-tieu-b.png', alt: 'B', kicker: 'Chỉ tiêu', title: 'Thành lập công đoàn cơ sở', lines: [], sample: false, chart: { indicatorId: 'b', chartId: 'theo-nam' } },
    ] as ShareCard[];
    const [width, height] = [160, 90];
    const chart = encodeRgbaPng(new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) & 255)), width, height);
    const worker = new Worker(new URL('../src/lib/views/share-worker.ts', import.meta.url), { workerData: { cards: cards.slice(0, 1), chartCards, publisher: 'LĐLĐ tỉnh Đồng Nai', cacheDir: null } });
    const got = new Map<string, Uint8Array>();
    worker.on('message', ({ path, png }: { path: string; png: Uint8Array }) => got.set(path, png));
    const exited = new Promise<number>((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    worker.postMessage({ path: chartCards[1]!.path, chart: null });
    worker.postMessage({ path: chartCards[0]!.path, chart });
    expect(await exited).toBe(0);
    expect([...got.keys()]).toEqual([cards[0]!.path, chartCards[0]!.path]);
    const here = await drawShareCard(chartCards[0]!, 'LĐLĐ tỉnh Đồng Nai', chart);
    expect(Buffer.from(got.get(chartCards[0]!.path)!).equals(Buffer.from(here))).toBe(true);
  });
});
