// The chart images of this build: the list from src/lib/charts/images.ts over the validated
// dataset, and each PNG rendered once per build (the PNG route and the Word drafts share it).
import { indicatorChartImages, type ChartImage } from '../lib/charts/images.ts';
import { renderSpecPng } from '../lib/charts/png.ts';
import { site } from '../lib/site.ts';
import { indicatorData } from './indicators.ts';

let images: ChartImage[] | undefined;
const rendered = new Map<string, Promise<Uint8Array>>();

/** Every indicator chart's image: path, file name, spec and frame. */
export function chartImages(): ChartImage[] {
  if (images) return images;
  const { dataset, summaries } = indicatorData();
  images = indicatorChartImages(dataset, summaries, { siteUrl: import.meta.env.SITE ?? '', publisher: site.publisher });
  return images;
}

export function chartImage(indicatorId: string, chartId: string): ChartImage {
  const found = chartImages().find((image) => image.indicatorId === indicatorId && image.chartId === chartId);
  if (!found) throw new Error(`Không có biểu đồ "${chartId}" của chỉ tiêu "${indicatorId}"`);
  return found;
}

/**
 * The PNG of an indicator page's chart (`chartId`: theo-nam, luy-ke, theo-don-vi), exactly the
 * bytes published at `chartImage(…).path`.
 */
export function chartImagePng(indicatorId: string, chartId: string): Promise<Uint8Array> {
  const image = chartImage(indicatorId, chartId);
  let png = rendered.get(image.path);
  if (!png) {
    png = renderSpecPng(image.spec, image.frame);
    rendered.set(image.path, png);
  }
  return png;
}
