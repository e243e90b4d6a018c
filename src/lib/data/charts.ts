// What each indicator chart shows, as plain data: the page embeds it as JSON and the browser
// script only maps it onto Chart.js. Values are the same numbers the tables print.
import type { IndicatorSummary } from './aggregate.ts';
import { chartNumber } from './format.ts';

export type SeriesStyle = 'result' | 'target' | 'unit';

export interface ChartSeries {
  label: string;
  type: 'bar' | 'line';
  style: SeriesStyle;
  data: (number | null)[];
}

export interface ChartSpec {
  id: string;
  title: string;
  /** Horizontal bars for long category names (units). */
  horizontal: boolean;
  labels: string[];
  series: ChartSeries[];
  /** Axis title: the unit of measure, or "%" for rates. */
  axisLabel: string;
  /** Title of the category axis ("Năm", "Đơn vị"). */
  categoryLabel?: string;
  percent: boolean;
}

export function indicatorCharts(s: IndicatorSummary, axisLabel: string, unitName: (id: string) => string): ChartSpec[] {
  const percent = s.kind === 'rate';
  const years = s.years.map((y) => String(y.year));
  const byYear: ChartSpec = {
    id: 'theo-nam',
    title: 'Kết quả theo năm so với phân bổ',
    horizontal: false,
    labels: years,
    series: [
      { label: percent ? 'Tỷ lệ toàn tỉnh' : 'Kết quả toàn tỉnh', type: 'bar', style: 'result', data: s.years.map((y) => chartNumber(y.total)) },
      ...(s.years.some((y) => y.target !== null)
        ? [{ label: 'Phân bổ năm', type: 'line' as const, style: 'target' as const, data: s.years.map((y) => y.target) }]
        : []),
    ],
    axisLabel,
    categoryLabel: 'Năm',
    percent,
  };
  const cumulative: ChartSpec = {
    id: 'luy-ke',
    title: percent ? 'Tỷ lệ qua các năm so với mục tiêu nhiệm kỳ' : 'Lũy kế so với mục tiêu nhiệm kỳ',
    horizontal: false,
    labels: years,
    series: [
      { label: percent ? 'Tỷ lệ toàn tỉnh' : 'Lũy kế toàn tỉnh', type: 'bar', style: 'result', data: s.cumulative.map((c) => chartNumber(c.total)) },
      ...(s.termTarget !== null
        ? [{ label: 'Mục tiêu nhiệm kỳ', type: 'line' as const, style: 'target' as const, data: years.map(() => s.termTarget) }]
        : []),
    ],
    axisLabel,
    categoryLabel: 'Năm',
    percent,
  };
  const byUnit: ChartSpec = {
    id: 'theo-don-vi',
    title: percent ? `Tỷ lệ năm ${years.at(-1) ?? ''} theo đơn vị` : 'Lũy kế theo đơn vị',
    horizontal: true,
    labels: s.units.map((u) => unitName(u.unitId)),
    series: [{ label: percent ? 'Tỷ lệ' : 'Lũy kế', type: 'bar', style: 'unit', data: s.units.map((u) => chartNumber(u.result)) }],
    axisLabel,
    categoryLabel: 'Đơn vị',
    percent,
  };
  return [byYear, cumulative, byUnit];
}
