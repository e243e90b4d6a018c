// Which chart images the site publishes and how each is framed: one PNG per chart of an indicator
// page, from the same spec the page draws. Pure: the route and the Word drafts render from this list.
import type { IndicatorSummary } from '../aggregate.ts';
import { indicatorCharts, type ChartSpec } from '../chart-specs.ts';
import { sampleMark } from '../sample-mark.ts';
import type { Dataset, Indicator } from '../dataset.ts';
import { formatPartialDate, mustParsePartialDate } from '../../documents/dates.ts';
import { IMAGE_WIDTH, imageHeight, type ChartImageFrame } from './config.ts';
import { routes } from '../../site/routes.ts';

export interface ChartImage {
  indicatorId: string;
  /** The spec's id: `theo-nam`, `luy-ke`, `theo-don-vi`. */
  chartId: string;
  /** Site path of the PNG, e.g. `/tai-ve/bieu-do/phat-trien-doan-vien-theo-nam.png`. */
  path: string;
  /** File name offered on download. */
  fileName: string;
  spec: ChartSpec;
  frame: ChartImageFrame;
}

/** Folder of the chart PNGs on the site. */
export const CHART_IMAGE_DIR = routes.chartImages();

export function chartImageName(indicatorId: string, chartId: string): string {
  return `${indicatorId}-${chartId}.png`;
}

/** The image of one chart of an indicator in `images` (indicatorChartImages' list), if it is there. */
export function findChartImage(images: readonly ChartImage[], indicatorId: string, chartId: string): ChartImage | undefined {
  return images.find((image) => image.indicatorId === indicatorId && image.chartId === chartId);
}

export function chartImagePath(indicatorId: string, chartId: string): string {
  return `${CHART_IMAGE_DIR}${chartImageName(indicatorId, chartId)}`;
}

/** The three charts of an indicator page, as the page and its PNGs draw them. */
export function indicatorChartSpecs(dataset: Pick<Dataset, 'units' | 'meta' | 'edition'>, indicator: Indicator, summary: IndicatorSummary): ChartSpec[] {
  const names = new Map(dataset.units.map((u) => [u.id, u.shortName]));
  const axisLabel = indicator.kind === 'rate' ? '%' : indicator.unitLabel;
  // The page's canvas draws the mark with its own plugin; the PNG draws its band from the frame.
  return indicatorCharts(summary, axisLabel, (id) => names.get(id) ?? id, dataset.edition.scope, sampleMark(dataset.meta.status));
}

export interface ImageContext {
  /** The site's origin (the edition's `site.url`), for the page address in the source line. */
  siteUrl: string;
  /** Who publishes the figures: `site.publisher`. */
  publisher: string;
}

/** The source line under an image: publisher, dataset, date, the page the chart comes from. */
export function sourceLine(dataset: Pick<Dataset, 'meta'>, pageUrl: string, publisher: string): string {
  const updated = formatPartialDate(mustParsePartialDate(dataset.meta.lastUpdated));
  return `Nguồn: ${publisher}, ${dataset.meta.title}. Cập nhật: ${updated}. ${pageUrl}`;
}

/** Every chart image of the indicator pages, in the order of the indicators and of each page's charts. */
export function indicatorChartImages(
  dataset: Pick<Dataset, 'meta' | 'units' | 'indicators' | 'years' | 'edition'>,
  summaries: ReadonlyMap<string, IndicatorSummary>,
  context: ImageContext,
): ChartImage[] {
  const illustrative = dataset.meta.status === 'minh-hoa';
  return dataset.indicators.flatMap((indicator) => {
    const summary = summaries.get(indicator.id);
    if (!summary) throw new Error(`Không có số liệu tổng hợp của chỉ tiêu "${indicator.id}"`);
    const pageUrl = `${context.siteUrl.replace(/\/$/, '')}/chi-tieu/${indicator.id}/`;
    const period = dataset.years.length > 0 ? ` (${dataset.years[0]} – ${dataset.years.at(-1)})` : '';
    return indicatorChartSpecs(dataset, indicator, summary).map((spec) => ({
      indicatorId: indicator.id,
      chartId: spec.id,
      path: chartImagePath(indicator.id, spec.id),
      fileName: chartImageName(indicator.id, spec.id),
      spec,
      frame: {
        title: indicator.name,
        subtitle: `${spec.title}${spec.id === 'theo-don-vi' ? '' : period}`,
        source: sourceLine(dataset, pageUrl, context.publisher),
        illustrative,
        width: IMAGE_WIDTH,
        height: imageHeight(spec),
      },
    }));
  });
}
