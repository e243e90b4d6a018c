import type { APIRoute } from 'astro';
import { indicatorData } from '../../../data/indicators';
import { rawRowsCsv, sortRows } from '../../../lib/indicators/downloads';

export function getStaticPaths() {
  return indicatorData().dataset.indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const { dataset } = indicatorData();
  const rows = sortRows(dataset.rows.filter((row) => row.indicator === params.id), dataset.indicators, dataset.units);
  return new Response(rawRowsCsv(rows, dataset.indicators, dataset.units), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
