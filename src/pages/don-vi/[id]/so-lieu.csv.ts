import type { APIRoute } from 'astro';
import { indicatorData } from '../../../data/indicators';
import { rawRowsCsvOf } from '../../../lib/indicators/downloads';

export function getStaticPaths() {
  return indicatorData().dataset.units.map((unit) => ({ params: { id: unit.id } }));
}

export const GET: APIRoute = ({ params }) => {
  return new Response(rawRowsCsvOf(indicatorData().dataset, 'unit', params.id!), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
