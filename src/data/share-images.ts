// The share cards of this build (src/lib/views/share-cards.ts), computed once: which card each page
// names in its og:image, and each card's PNG, drawn once per build (or taken from the cache in
// node_modules/.cache/congdoan-soket/chia-se when nothing it shows has changed). The cards are drawn
// in a worker thread started by the first page (src/lib/views/share-worker.ts), beside the main
// thread that writes the pages; an indicator's card there as soon as its chart image is drawn.
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getCollection } from 'astro:content';
import { site } from '../lib/site/site';
import { docTypeLabels } from '../lib/documents/content-schemas';
import { shareCards, type ShareCard } from '../lib/views/share-cards';
import { shareCardPng } from '../lib/views/share-draw';
import { buildCacheDir } from '../lib/fs/cached-file';
import { unitReporting } from '../lib/indicators/reporting';
import { indicatorData } from './indicators';
import { chartImagePng } from './chart-images';

let built: Promise<ReturnType<typeof shareCards>> | undefined;

/** Every card, and the card of each page. */
export function shareImages(): Promise<ReturnType<typeof shareCards>> {
  built ??= (async () => {
    const { dataset, reporting, isSample } = indicatorData();
    return shareCards({
      siteName: site.name,
      publisher: site.publisher,
      sample: isSample,
      documents: (await getCollection('van-ban')).map((d) => ({ id: d.id, kind: docTypeLabels[d.data.docType], number: d.data.number, title: d.data.title })),
      indicators: dataset.indicators.map((i) => ({ id: i.id, name: i.name })),
      units: dataset.units.map((u) => ({ id: u.id, name: u.name, reportState: unitReporting(reporting, u.id).stateLabel })),
    });
  })();
  return built;
}

/**
 * The card a page shares: its own, or the site's. In a production build the first page to ask
 * starts the card worker, so the cards are drawn while the pages are written, not when the image
 * routes come (after most pages, in Astro's order).
 */
export async function shareImageOf(pathname: string): Promise<ShareCard> {
  if (import.meta.env.PROD) startCardWorker().catch(() => undefined);
  const { forPage, site: siteCard } = await shareImages();
  return forPage.get(pathname) ?? siteCard;
}

const cacheDir = buildCacheDir(process.cwd(), 'chia-se');

let drawing: Map<string, Promise<Uint8Array>> | undefined;

/** A card drawn on this thread (the worker's fallback): an indicator's card after its chart image. */
const drawCardHere = async (card: ShareCard) =>
  shareCardPng(card, site.publisher, card.chart ? await chartImagePng(card.chart.indicatorId, card.chart.chartId) : undefined, cacheDir);

/**
 * Starts drawing every card in a worker thread (once per build): the cards without a chart at once,
 * each indicator's card once its chart image is drawn (sent to the worker as it comes). Should the
 * worker fail, the cards it had not sent are drawn on the main thread instead: the same function,
 * the same bytes, only slower.
 */
async function startCardWorker(): Promise<Map<string, Promise<Uint8Array>>> {
  if (drawing) return drawing;
  const { cards } = await shareImages();
  if (drawing) return drawing;
  const plain = cards.filter((card) => !card.chart);
  const withChart = cards.filter((card) => card.chart);
  const waiting = new Map<string, { card: ShareCard; resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  drawing = new Map(cards.map((card) => {
    const png = new Promise<Uint8Array>((resolve, reject) => waiting.set(card.path, { card, resolve, reject }));
    // A failure is reported by the route that awaits it; a card nobody awaits must not crash the build.
    png.catch(() => undefined);
    return [card.path, png] as const;
  }));
  const drawHere = () => {
    for (const [, pending] of waiting) drawCardHere(pending.card).then(pending.resolve, pending.reject);
    waiting.clear();
  };
  try {
    // The worker is a source file run by Node itself: the build runs in the project folder.
    const worker = new Worker(new URL('src/lib/views/share-worker.ts', pathToFileURL(`${process.cwd()}/`)), {
      workerData: { cards: plain, chartCards: withChart, publisher: site.publisher, cacheDir },
    });
    worker.on('message', ({ path, png }: { path: string; png: Uint8Array }) => {
      waiting.get(path)?.resolve(png);
      waiting.delete(path);
    });
    worker.on('error', drawHere);
    // It ends once every card is sent; ended earlier (killed, out of memory), the rest are drawn here.
    worker.on('exit', drawHere);
    // Each chart card's chart goes to the worker once drawn (a copy: the chart route and the Word
    // draft publish the same bytes). A chart that failed is reported by the card's route, and the
    // worker is told, so that it does not wait for it.
    for (const card of withChart) {
      chartImagePng(card.chart!.indicatorId, card.chart!.chartId).then(
        (chart) => worker.postMessage({ path: card.path, chart }),
        (error: Error) => {
          waiting.get(card.path)?.reject(error);
          waiting.delete(card.path);
          worker.postMessage({ path: card.path, chart: null });
        },
      );
    }
  } catch {
    drawHere();
  }
  return drawing;
}

/** A card's PNG, from the card worker (an indicator's card once its chart image is drawn). */
export async function shareImagePng(card: ShareCard): Promise<Uint8Array> {
  const png = (await startCardWorker()).get(card.path);
  if (png) return png;
  return drawCardHere(card);
}
