import type { APIRoute } from 'astro';
import { indicatorData } from '../../data/indicators';
import { checkDatasetOf } from '../../lib/report-kit/form-check';

/** What the form check compares a form with: the published dataset, fetched once by the page. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(checkDatasetOf(indicatorData().dataset)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
