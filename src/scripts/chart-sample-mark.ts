// Chart.js plugin "sampleDataMark": draws the dataset's illustrative mark inside the chart's own
// canvas (top right, on a white box), so a screenshot or an exported PNG of the chart keeps it.
// Drawn only when the spec carries a `sampleMark` (the dataset is minh-hoa); shared by the page's
// renderer and any other renderer of the same chart config.
import type { Chart, Plugin } from 'chart.js';

/** Dark red, unused by the series colours: tests find the mark by it. */
export const SAMPLE_MARK_COLOUR = '#8b0000';

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
      const y = 2;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillRect(x, y, textWidth + 2 * padding, 19);
      ctx.strokeStyle = SAMPLE_MARK_COLOUR;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, textWidth + 2 * padding - 1, 18);
      ctx.fillStyle = SAMPLE_MARK_COLOUR;
      ctx.textBaseline = 'top';
      ctx.fillText(text, x + padding, y + 3);
      ctx.restore();
    },
  };
}
