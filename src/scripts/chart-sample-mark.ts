// Chart.js plugin "sampleDataMark": draws the dataset's illustrative mark inside the chart's own
// canvas (top right, on a white box), so a screenshot or an exported PNG of the chart keeps it.
// Drawn only when the spec carries a `sampleMark` (the dataset is minh-hoa); shared by the page's
// renderer and any other renderer of the same chart config.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';

/** Dark red, unused by the series colours: tests find the mark by it. */
export const SAMPLE_MARK_COLOUR = '#8b0000';
const MARK_HEIGHT = 19;
const MARK_TOP = 2;

/**
 * Keeps a band at the top of the chart for the mark (layout padding), so the legend and the plot
 * start below it: on a 360 px phone the mark would otherwise cover the legend and the tallest bars.
 */
export function withSampleMarkRoom<C extends ChartConfiguration<'bar' | 'line', (number | null)[], string>>(config: C, text: string | undefined): C {
  if (!text) return config;
  // The chart's own padding (room for the values right of the bars) is kept beside the mark's.
  const padding = config.options?.layout?.padding;
  const kept = typeof padding === 'object' && padding !== null ? padding : {};
  return { ...config, options: { ...config.options, layout: { ...config.options?.layout, padding: { ...kept, top: MARK_TOP + MARK_HEIGHT + 6 } } } };
}

export function sampleDataMark(text: string | undefined): Plugin<'bar' | 'line'> {
  return {
    id: 'sampleDataMark',
    afterDraw(chart: Chart<'bar' | 'line'>) {
      if (!text) return;
      const { ctx, width } = chart;
      ctx.save();
      ctx.font = 'bold 13px system-ui, sans-serif';
      const padding = 4;
      const textWidth = ctx.measureText(text).width;
      const x = width - textWidth - 2 * padding - 2;
      const y = MARK_TOP;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillRect(x, y, textWidth + 2 * padding, MARK_HEIGHT);
      ctx.strokeStyle = SAMPLE_MARK_COLOUR;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, textWidth + 2 * padding - 1, MARK_HEIGHT - 1);
      ctx.fillStyle = SAMPLE_MARK_COLOUR;
      ctx.textBaseline = 'top';
      ctx.fillText(text, x + padding, y + 3);
      ctx.restore();
    },
  };
}
