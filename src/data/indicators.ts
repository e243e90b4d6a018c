// The validated dataset and its aggregation, computed once per build for every page that shows
// figures. Validation already ran before the build (src/integrations/content-check.ts); loading
// again here re-validates, so a page can never render from unchecked files.
import { aggregateDataset, type IndicatorSummary } from '../lib/indicators/aggregate.ts';
import type { Dataset, Unit } from '../lib/indicators/dataset.ts';
import { loadDataset } from '../lib/indicators/read.ts';
import { reportingStatus, type ReportingStatus } from '../lib/indicators/reporting.ts';

export interface IndicatorData {
  dataset: Dataset;
  summaries: Map<string, IndicatorSummary>;
  unit: (id: string) => Unit;
  isSample: boolean;
  /** Who has reported what (/tinh-hinh-bao-cao/, home page, unit pages). */
  reporting: ReportingStatus;
}

let cached: IndicatorData | undefined;

export function indicatorData(): IndicatorData {
  if (cached) return cached;
  const dataset = loadDataset(process.cwd());
  const summaries = aggregateDataset(dataset);
  const byId = <T extends { id: string }>(items: T[], what: string) => {
    const map = new Map(items.map((item) => [item.id, item]));
    return (id: string): T => {
      const found = map.get(id);
      if (!found) throw new Error(`Không có ${what} "${id}"`);
      return found;
    };
  };
  cached = {
    dataset,
    summaries,
    unit: byId(dataset.units, 'đơn vị'),
    isSample: dataset.meta.status === 'minh-hoa',
    reporting: reportingStatus(dataset),
  };
  return cached;
}
