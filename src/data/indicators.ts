// The validated dataset and its aggregation, computed once per build for every page that shows
// figures. The dataset is the content gateway's (src/lib/gateway/content.ts): read and validated
// once per process, so a page can never render from unchecked files, nor make a second reading.
import { aggregateDataset, type IndicatorSummary } from '../lib/indicators/aggregate.ts';
import type { Dataset, Unit } from '../lib/indicators/dataset.ts';
import { datasetOf, readContent, type SiteContent } from '../lib/gateway/content.ts';
import { reportingStatus, type ReportingStatus } from '../lib/indicators/reporting.ts';

export interface IndicatorData {
  dataset: Dataset;
  summaries: Map<string, IndicatorSummary>;
  unit: (id: string) => Unit;
  isSample: boolean;
  /** Who has reported what (/tinh-hinh-bao-cao/, home page, unit pages). */
  reporting: ReportingStatus;
}

let cached: { source: SiteContent; data: IndicatorData } | undefined;

export function indicatorData(): IndicatorData {
  const source = readContent(process.cwd());
  // A new reading (`astro dev` after a content file changed) is aggregated afresh.
  if (cached?.source === source) return cached.data;
  const dataset = datasetOf(source);
  const summaries = aggregateDataset(dataset);
  const byId = <T extends { id: string }>(items: T[], what: string) => {
    const map = new Map(items.map((item) => [item.id, item]));
    return (id: string): T => {
      const found = map.get(id);
      if (!found) throw new Error(`Không có ${what} "${id}"`);
      return found;
    };
  };
  const data: IndicatorData = {
    dataset,
    summaries,
    unit: byId(dataset.units, 'đơn vị'),
    isSample: dataset.meta.status === 'minh-hoa',
    reporting: reportingStatus(dataset),
  };
  cached = { source, data };
  return data;
}
