// The share-card worker (src/lib/views/share-worker.ts), which draws the cards without a chart beside
// the build's main thread: it sends every card it is given, each the very bytes the main thread
// draws for the same card, and it ends by itself once they are sent.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { drawShareCard } from '../src/lib/views/share-draw.ts';
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
});
