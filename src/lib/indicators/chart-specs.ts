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
  /** "Số liệu minh họa" while the dataset is illustrative: drawn inside the chart (plugin sampleDataMark). */
  sampleMark?: string;
}

/** `scope`: the edition's word for the whole (organisation.scope.word), in the result series' names. */
export function indicatorCharts(s: IndicatorSummary, axisLabel: string, unitName: (id: string) => string, scope: string, sampleMark?: string): ChartSpec[] {
  const mark = sampleMark === undefined ? {} : { sampleMark };
  const percent = s.kind === 'rate';
  const years = s.years.map((y) => String(y.year));
  const byYear: ChartSpec = {
    id: 'theo-nam',
    title: 'Kết quả theo năm so với phân bổ',
    horizontal: false,
    labels: years,
    series: [
      { label: percent ? `Tỷ lệ ${scope}` : `Kết quả ${scope}`, type: 'bar', style: 'result', data: s.years.map((y) => chartNumber(y.total)) },
      ...(s.years.some((y) => y.target !== null)
        ? [{ label: 'Phân bổ năm', type: 'line' as const, style: 'target' as const, data: s.years.map((y) => y.target) }]
        : []),
    ],
    axisLabel,
    categoryLabel: 'Năm',
    percent,
    ...mark,
  };
  const cumulative: ChartSpec = {
    id: 'luy-ke',
    // "so với mục tiêu nhiệm kỳ" only when there is one to compare with.
    title: s.termTarget === null
      ? (percent ? 'Tỷ lệ qua các năm' : 'Lũy kế qua các năm')
      : (percent ? 'Tỷ lệ qua các năm so với mục tiêu nhiệm kỳ' : 'Lũy kế so với mục tiêu nhiệm kỳ'),
    horizontal: false,
    labels: years,
    series: [
      { label: percent ? `Tỷ lệ ${scope}` : `Lũy kế ${scope}`, type: 'bar', style: 'result', data: s.cumulative.map((c) => chartNumber(c.total)) },
      ...(s.termTarget !== null
        ? [{ label: 'Mục tiêu nhiệm kỳ', type: 'line' as const, style: 'target' as const, data: years.map(() => s.termTarget) }]
        : []),
    ],
    axisLabel,
    categoryLabel: 'Năm',
    percent,
    ...mark,
  };
  // Largest first, so the bars read as a ranking; units without a figure last, in the list's order
  // (a stable sort). The page's canvas and the PNG both draw this spec, so they keep one order.
  const value = (u: (typeof s.units)[number]) => chartNumber(u.result);
  const ranked = [...s.units].sort((a, b) => (value(b) ?? -Infinity) - (value(a) ?? -Infinity) || 0);
  const byUnit: ChartSpec = {
    id: 'theo-don-vi',
    title: percent ? `Tỷ lệ năm ${years.at(-1) ?? ''} theo đơn vị` : 'Lũy kế theo đơn vị',
    horizontal: true,
    // A unit with no figures has no bar, as one that reported 0; one with some years missing has a
    // partial total: the label says which it is.
    labels: ranked.map((u) => `${unitName(u.unitId)}${u.result === null ? ' (chưa báo cáo)' : u.complete ? '' : ' (chưa báo cáo đủ)'}`),
    series: [{ label: percent ? 'Tỷ lệ' : 'Lũy kế', type: 'bar', style: 'unit', data: ranked.map(value) }],
    axisLabel,
    categoryLabel: 'Đơn vị',
    percent,
    ...mark,
  };
  return [byYear, cumulative, byUnit];
}
