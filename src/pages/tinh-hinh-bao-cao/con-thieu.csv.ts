import type { APIRoute } from 'astro';
import { indicatorData } from '../../data/indicators';
import { missingCsv } from '../../lib/indicators/reporting';

/** Every missing unit × period × indicator, for the office to chase. */
export const GET: APIRoute = () => {
  const { reporting, dataset } = indicatorData();
  return new Response(missingCsv(reporting, dataset.indicators), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
