import type { APIRoute } from 'astro';
import { indicatorData } from '../../../data/indicators';
import { aggregateCsv } from '../../../lib/indicators/downloads';

export function getStaticPaths() {
  return indicatorData().dataset.indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const data = indicatorData();
  const summary = data.summaries.get(params.id as string);
  if (!summary) throw new Error(`Không có chỉ tiêu "${params.id}"`);
  return new Response(aggregateCsv(summary, (id) => data.unit(id).name), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
