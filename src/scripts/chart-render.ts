// Maps a ChartSpec (src/lib/data/charts.ts) onto Chart.js. Only the controllers, elements and
// scales these charts use are registered, so the bundle carries nothing else.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type ChartDataset,
} from 'chart.js';
import type { ChartSpec, SeriesStyle } from '../lib/data/charts';
import { sampleDataMark } from './chart-sample-mark';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

// Okabe–Ito colours (safe for colour-blind readers); results are solid bars, targets a dashed
// line with triangle markers, so the two also differ in grey on a black-and-white printer.
const styles: Record<SeriesStyle, Partial<ChartDataset<'bar' | 'line'>>> = {
  result: { backgroundColor: '#0072B2', borderColor: '#003f63', borderWidth: 1 },
  unit: { backgroundColor: '#0072B2', borderColor: '#003f63', borderWidth: 1 },
  target: {
    borderColor: '#D55E00', backgroundColor: '#D55E00', borderWidth: 3, borderDash: [8, 5],
    pointStyle: 'triangle', pointRadius: 6, fill: false,
  } as Partial<ChartDataset<'line'>>,
};

const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function renderChart(figure: HTMLElement): Chart {
  const spec = JSON.parse(figure.querySelector('script.chart-spec')?.textContent ?? '{}') as ChartSpec;
  const canvas = figure.querySelector('canvas');
  if (!canvas) throw new Error('thiếu canvas');
  // Set through the CSSOM, which the Content-Security-Policy allows (unlike a style attribute).
  if (spec.horizontal && canvas.parentElement) canvas.parentElement.style.height = `${Math.max(12, spec.labels.length * 1.6 + 4)}rem`;
  const suffix = spec.percent ? '%' : '';
  const format = (value: number | string) => `${numbers.format(Number(value))}${suffix}`;
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => ({
        type: series.type,
        label: series.label,
        data: series.data,
        order: series.type === 'line' ? 0 : 1 + index,
        ...styles[series.style],
      })) as ChartDataset<'bar' | 'line', (number | null)[]>[],
    },
    options: {
      locale: 'vi-VN',
      indexAxis: spec.horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      scales: {
        [valueAxis]: {
          beginAtZero: true,
          ...(spec.percent ? { max: 100 } : {}),
          title: { display: true, text: spec.axisLabel },
          ticks: { callback: (value: number | string) => format(value) },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? 'chưa báo cáo' : format(item.raw as number)}`,
          },
        },
      },
    },
    plugins: [sampleDataMark(spec.sampleMark), { id: 'drawn-marker', afterRender: () => { figure.dataset.drawn = 'true'; } }],
  };
  return new Chart(canvas, config);
}
