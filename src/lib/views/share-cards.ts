// The picture a chat app shows when a page's link is shared (og:image): 1200 × 630, one per home
// page, document, indicator and unit, and one for every other page. Past SHARE_PER_PAGE_LIMIT
// documents (or units), a kind of page has one card instead of one each, so that 10,000 documents
// do not mean 10,000 pictures. What each card says is decided here; share-draw.ts draws it.
import { routes } from '../site/routes.ts';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
/** A collection larger than this shares one card per kind of page. */
export const SHARE_PER_PAGE_LIMIT = 200;

export interface ShareCard {
  /** The PNG's name, without .png. */
  name: string;
  /** Site path of the PNG: `/tai-ve/chia-se/<name>.png`. */
  path: string;
  /** The picture's text alternative (og:image:alt). */
  alt: string;
  /** The line above the title: the kind of page, a document's kind and number. */
  kicker: string;
  title: string;
  /** Up to two more lines (a unit's report status). */
  lines: string[];
  /** The figures shown are illustrative: a band says so. */
  sample: boolean;
  /** An indicator's card shows this chart's image (charts/images.ts). */
  chart?: { indicatorId: string; chartId: string };
}

export interface ShareInput {
  siteName: string;
  publisher: string;
  sample: boolean;
  documents: readonly { id: string; kind: string; number?: string | undefined; title: string }[];
  indicators: readonly { id: string; name: string }[];
  units: readonly { id: string; name: string; reportState: string }[];
}

const named = (name: string) => ({ name, path: `${routes.shareImages()}${name}.png` });

/** Every card of the site, and the card of each page path (pages not listed take the site's card). */
export function shareCards(input: ShareInput): { cards: ShareCard[]; forPage: Map<string, ShareCard>; site: ShareCard } {
  const site: ShareCard = { ...named('trang-chu'), alt: `${input.siteName} — ${input.publisher}`, kicker: input.publisher, title: input.siteName, lines: [], sample: false };
  const cards: ShareCard[] = [site];
  const forPage = new Map<string, ShareCard>([[routes.home(), site]]);
  const add = (page: string, card: ShareCard) => {
    if (!cards.some((c) => c.path === card.path)) cards.push(card);
    forPage.set(page, card);
  };

  const perDocument = input.documents.length <= SHARE_PER_PAGE_LIMIT;
  for (const d of input.documents) {
    const kicker = d.number ? `${d.kind} số ${d.number}` : d.kind;
    add(routes.document(d.id), perDocument
      ? { ...named(`van-ban-${d.id}`), alt: `${kicker}: ${d.title}`, kicker, title: d.title, lines: [input.publisher], sample: false }
      : { ...named(`van-ban-${slugOfKind(d.kind)}`), alt: `${d.kind} — ${input.siteName}`, kicker: d.kind, title: input.siteName, lines: [input.publisher], sample: false });
  }
  for (const i of input.indicators) {
    add(routes.indicator(i.id), { ...named(`chi-tieu-${i.id}`), alt: `Biểu đồ chỉ tiêu ${i.name}${input.sample ? ' (số liệu minh họa)' : ''}`, kicker: 'Chỉ tiêu', title: i.name, lines: [], sample: input.sample, chart: { indicatorId: i.id, chartId: 'theo-nam' } });
  }
  const perUnit = input.units.length <= SHARE_PER_PAGE_LIMIT;
  for (const u of input.units) {
    add(routes.unit(u.id), perUnit
      ? { ...named(`don-vi-${u.id}`), alt: `${u.name}: ${u.reportState}`, kicker: 'Đơn vị báo cáo', title: u.name, lines: [`Tình hình báo cáo: ${u.reportState}`], sample: input.sample }
      : { ...named('don-vi'), alt: `Đơn vị báo cáo — ${input.siteName}`, kicker: 'Đơn vị báo cáo', title: input.siteName, lines: [], sample: input.sample });
  }
  return { cards, forPage, site };
}

/** A kind of document as a file name: "Kế hoạch" → "ke-hoach". */
function slugOfKind(kind: string): string {
  return kind.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
