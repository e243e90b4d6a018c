import type { APIRoute } from 'astro';
import { indicatorData } from '../../data/indicators';
import { rawRowsCsv, sortRows } from '../../lib/indicators/downloads';

/** Every committed result row, for readers who want to recompute everything. */
export const GET: APIRoute = () => {
  const { dataset } = indicatorData();
  return new Response(rawRowsCsv(sortRows(dataset.rows, dataset.indicators, dataset.units), dataset.indicators, dataset.units), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
