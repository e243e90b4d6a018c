import type { APIRoute } from 'astro';
import { indicatorData } from '../../../data/indicators';
import { rawRowsCsvOf } from '../../../lib/indicators/downloads';

export function getStaticPaths() {
  return indicatorData().dataset.indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export const GET: APIRoute = ({ params }) => {
  return new Response(rawRowsCsvOf(indicatorData().dataset, 'indicator', params.id!), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
