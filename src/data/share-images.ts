// The share cards of this build (src/lib/views/share-cards.ts), computed once: which card each page
// names in its og:image, and each card's PNG, drawn once per build (or taken from the cache in
// node_modules/.cache/congdoan-soket/chia-se when nothing it shows has changed).
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { site } from '../lib/site/site';
import { docTypeLabels } from '../lib/documents/content-schemas';
import { shareCards, type ShareCard } from '../lib/views/share-cards';
import { shareCardPng } from '../lib/views/share-draw';
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

/** The card a page shares: its own, or the site's. */
export async function shareImageOf(pathname: string): Promise<ShareCard> {
  const { forPage, site: siteCard } = await shareImages();
  return forPage.get(pathname) ?? siteCard;
}

const cacheDir = process.env.CHART_PNG_CACHE === 'off' ? null : join(process.cwd(), 'node_modules', '.cache', 'congdoan-soket', 'chia-se');

/** A card's PNG: an indicator's card waits for its chart image, drawn in the chart worker. */
export async function shareImagePng(card: ShareCard): Promise<Uint8Array> {
  const chart = card.chart ? await chartImagePng(card.chart.indicatorId, card.chart.chartId) : undefined;
  return shareCardPng(card, site.publisher, chart, cacheDir);
}
