// One Chart.js configuration per chart, for the page's canvas and for the PNG drawn at build time:
// the image is the page's chart plus what a picture pasted into a report needs on its own (white
// background, title, source line, the "Số liệu minh họa" band, larger type, values on the marks).
// Only types come from chart.js, so the browser bundle still registers just the parts it draws.
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { ChartSpec, SeriesStyle } from '../chart-specs.ts';

export type ChartJsConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

/** What only the image carries: the page shows these around the canvas in HTML. */
export interface ChartImageFrame {
  /** First line, bold: the indicator's or the unit's name. */
  title: string;
  /** Second line: what the chart shows (the page's figure caption). */
  subtitle: string;
  /** Bottom line, e.g. "Nguồn: … Cập nhật: 25/11/2026. https://…/chi-tieu/…/". */
  source: string;
  /** The dataset is `minh-hoa`: a band across the top says "Số liệu minh họa". */
  illustrative: boolean;
  width: number;
  height: number;
}

export type ChartMedium = { kind: 'screen' } | ({ kind: 'image' } & ChartImageFrame);

export const IMAGE_WIDTH = 1600;
export const IMAGE_HEIGHT = 900;
/** Font family the PNG renderer registers from the npm package (src/lib/indicators/charts/png.ts). */
export const IMAGE_FONT = 'Noto Sans Soket';
export const ILLUSTRATIVE_LABEL = 'Số liệu minh họa — không phải số liệu chính thức, không dùng để đánh giá';
/** Height of the illustrative band at the top of an image (px); the chart starts below it. */
export const BAND_HEIGHT = 64;

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

/** A chart value as the axis and the labels print it: "1.234", "87,5%". */
export function formatChartValue(value: number | string, percent: boolean): string {
  return `${numbers.format(Number(value))}${percent ? '%' : ''}`;
}

/** Tallest image (px): three times the usual height, about 90 units at one readable row each. */
export const MAX_IMAGE_HEIGHT = 3 * IMAGE_HEIGHT;
/** Height of one category row in a horizontal image (px), enough for a 20 px name. */
export const ROW_HEIGHT = 26;
const FRAME_HEIGHT = 330;

/**
 * Height for an image of `spec`: 900 px, or taller for a horizontal chart with many categories, so
 * that each unit keeps a readable row; past MAX_IMAGE_HEIGHT (a picture no report page could hold,
 * and costly to draw by the hundred) the bars stay and only some names are printed.
 */
export function imageHeight(spec: ChartSpec): number {
  return spec.horizontal ? Math.min(MAX_IMAGE_HEIGHT, Math.max(IMAGE_HEIGHT, FRAME_HEIGHT + spec.labels.length * ROW_HEIGHT)) : IMAGE_HEIGHT;
}

/** Whether every category name fits in the image (else Chart.js skips some to keep them legible). */
function allNamesFit(spec: ChartSpec, height: number): boolean {
  return !spec.horizontal || FRAME_HEIGHT + spec.labels.length * ROW_HEIGHT <= height;
}

/** Splits a title into lines of at most `max` characters at spaces (Chart.js does not wrap). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Paints the whole canvas white first: a PNG is otherwise transparent, black in some viewers. */
const whiteBackground: Plugin<'bar' | 'line'> = {
  id: 'nen-trang',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function frameDecorations(frame: ChartImageFrame): Plugin<'bar' | 'line'> {
  return {
    id: 'khung-anh',
    afterDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      if (frame.illustrative) {
        ctx.fillStyle = '#fff1cc';
        ctx.fillRect(0, 0, width, BAND_HEIGHT);
        ctx.fillStyle = '#8a1c00';
        ctx.fillRect(0, BAND_HEIGHT - 4, width, 4);
        ctx.font = `bold 28px "${IMAGE_FONT}"`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(ILLUSTRATIVE_LABEL, width / 2, (BAND_HEIGHT - 4) / 2);
      }
      ctx.fillStyle = '#333333';
      ctx.font = `18px "${IMAGE_FONT}"`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      const lines = wrapText(frame.source, 150);
      lines.forEach((line, i) => ctx.fillText(line, 24, height - 14 - (lines.length - 1 - i) * 24));
      ctx.restore();
    },
  };
}

/**
 * Each bar's or point's value next to it, so a chart can be read without the table: on the page's
 * canvas and in the PNG alike (the image's labels larger, in its own font).
 */
function valueLabels(spec: ChartSpec, size: number, family: string): Plugin<'bar' | 'line'> {
  return {
    id: 'gia-tri',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `bold ${size}px ${family}`;
      chart.data.datasets.forEach((dataset, index) => {
        const meta = chart.getDatasetMeta(index);
        if (meta.hidden) return;
        // A target line repeats one level: its value is labelled once, at its last point.
        const isLine = dataset.type === 'line';
        meta.data.forEach((element, i) => {
          const value = dataset.data[i];
          if (value === null || value === undefined) return;
          if (isLine && i !== meta.data.length - 1 && dataset.data.every((v) => v === value)) return;
          const text = formatChartValue(value as number, spec.percent);
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          let colour = isLine ? '#8f3e00' : '#111111';
          let at: [number, number];
          if (spec.horizontal || isLine) {
            // A line's label sits right of its point, clear of the bar's own label above it.
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            at = [x + (isLine ? size * 0.8 : size * 0.4), y];
          } else if (y - size * 1.4 < chart.chartArea.top) {
            // A bar that reaches the top of the plot gets its label inside, in white.
            ctx.textAlign = 'center';
            ctx.textBaseline = 'top';
            colour = '#ffffff';
            at = [x, y + size * 0.3];
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            at = [x, y - size * 0.3];
          }
          // A white halo keeps a label legible where it crosses a bar or a grid line.
          if (colour !== '#ffffff') {
            ctx.strokeStyle = '#ffffff';
            ctx.lineWidth = Math.max(3, size / 4);
            ctx.lineJoin = 'round';
            ctx.strokeText(text, ...at);
          }
          ctx.fillStyle = colour;
          ctx.fillText(text, ...at);
        });
      });
      ctx.restore();
    },
  };
}

/**
 * The Chart.js configuration of a chart. `screen`: the page's canvas (responsive, tooltips).
 * `image`: the same datasets, colours, scales and formats, sized and framed for a PNG.
 * The caller adds its own plugins (the page marks the figure as drawn).
 */
export function chartConfig(spec: ChartSpec, medium: ChartMedium = { kind: 'screen' }): ChartJsConfig {
  const image = medium.kind === 'image' ? medium : null;
  const format = (value: number | string) => formatChartValue(value, spec.percent);
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const font = (size: number, weight?: 'bold') => (image ? { font: { family: IMAGE_FONT, size, ...(weight ? { weight } : {}) } } : {});
  const ink = image ? { color: '#222222' } : {};
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => ({
        type: series.type,
        label: series.label,
        data: series.data,
        order: series.type === 'line' ? 0 : 1 + index,
        ...styles[series.style],
        ...(image && series.type === 'line' ? { borderWidth: 4, pointRadius: 9 } : {}),
      })) as ChartDataset<'bar' | 'line', (number | null)[]>[],
    },
    options: {
      locale: 'vi-VN',
      indexAxis: spec.horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      ...(image ? {
        responsive: false,
        devicePixelRatio: 1,
        events: [],
        layout: { padding: { top: (image.illustrative ? BAND_HEIGHT : 0) + 16, right: 110, bottom: 20 + 24 * wrapText(image.source, 150).length, left: 24 } },
      } : {
        // Room right of a line's last point, or of a bar that may reach 100%, for its value (a bar
        // of counts gets its room from the axis's grace: padding would narrow the names' column).
        ...(spec.series.some((x) => x.type === 'line') || (spec.horizontal && spec.percent) ? { layout: { padding: { right: 48 } } } : {}),
      }),
      scales: {
        [valueAxis]: {
          beginAtZero: true,
          ...(spec.percent ? { max: 100 } : {}),
          // Headroom in the image for the value printed above the tallest bar.
          ...(!spec.percent && !spec.horizontal ? { grace: '12%' } : {}),
          ...(!image && !spec.percent && spec.horizontal ? { suggestedMax: 1.3 * Math.max(0, ...spec.series.flatMap((x) => x.data).map((v) => v ?? 0)) } : {}),
          title: { display: true, text: spec.axisLabel, ...font(22, 'bold'), ...ink },
          ticks: { callback: (value: number | string) => format(value), ...font(20), ...ink },
          ...(image ? { grid: { color: '#d9d9d9' } } : {}),
        },
        [categoryAxis]: {
          // A phone's canvas gives a horizontal chart's width to the names: the axis names no category
          // there ("Đơn vị" heads the table below), the image does.
          ...(spec.categoryLabel && (image || !spec.horizontal) ? { title: { display: true, text: spec.categoryLabel, ...font(22, 'bold'), ...ink } } : {}),
          // An image has a row for every unit's name (up to MAX_IMAGE_HEIGHT); a page's canvas skips some when narrow.
          ticks: { ...font(20), ...ink, ...(image && allNamesFit(spec, image.height) ? { autoSkip: false } : {}) },
          ...(image ? { grid: { display: false } } : {}),
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { usePointStyle: true, ...font(20), ...ink } },
        tooltip: image ? { enabled: false } : {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? 'chưa báo cáo' : format(item.raw as number)}`,
          },
        },
        ...(image ? {
          title: { display: true, text: wrapText(image.title, 80), ...font(34, 'bold'), color: '#111111', padding: { top: 4, bottom: 4 } },
          subtitle: { display: true, text: wrapText(image.subtitle, 110), ...font(24), color: '#333333', padding: { bottom: 16 } },
        } : {}),
      },
    },
    plugins: image
      // Rows thinner than a 20 px label (hundreds of units) get smaller labels that do not overlap.
      ? [whiteBackground, valueLabels(spec, allNamesFit(spec, image.height) ? 20 : 11, `"${IMAGE_FONT}"`), frameDecorations(image)]
      : [valueLabels(spec, 12, 'system-ui, sans-serif')],
  };
}
