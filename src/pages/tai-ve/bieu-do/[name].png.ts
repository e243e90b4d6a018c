// Each indicator chart as a PNG (1600 × 900, taller for many units), drawn at build time by Chart.js
// from the configuration the page's canvas uses (src/lib/indicators/charts/config.ts).
import type { APIRoute } from 'astro';
import { chartImagePng, chartImages } from '../../../data/chart-images';

export function getStaticPaths() {
  return chartImages().map((image) => ({
    params: { name: image.fileName.replace(/\.png$/, '') },
    props: { indicatorId: image.indicatorId, chartId: image.chartId },
  }));
}

export const GET: APIRoute = async ({ props }) => {
  const { indicatorId, chartId } = props as { indicatorId: string; chartId: string };
  const png = await chartImagePng(indicatorId, chartId);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
