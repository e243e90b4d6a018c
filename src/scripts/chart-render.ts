// Draws a ChartSpec (src/lib/indicators/chart-specs.ts) with the configuration that src/lib/indicators/charts/config.ts
// builds for the page and for the PNG alike. Only the controllers, elements and scales these charts
// use are registered, so the bundle carries nothing else.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import type { ChartSpec } from '../lib/indicators/chart-specs';
import { chartConfig } from '../lib/indicators/charts/config';
import { sampleDataMark, withSampleMarkRoom } from './chart-sample-mark';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export function renderChart(figure: HTMLElement): Chart {
  const spec = JSON.parse(figure.querySelector('script.chart-spec')?.textContent ?? '{}') as ChartSpec;
  const canvas = figure.querySelector('canvas');
  if (!canvas) throw new Error('thiếu canvas');
  const config = withSampleMarkRoom(chartConfig(spec), spec.sampleMark);
  config.plugins = [...(config.plugins ?? []), sampleDataMark(spec.sampleMark), { id: 'drawn-marker', afterRender: () => { figure.dataset.drawn = 'true'; } }];
  return new Chart(canvas, config);
}
