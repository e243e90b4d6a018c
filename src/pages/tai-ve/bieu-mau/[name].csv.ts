import type { APIRoute } from 'astro';
import { formInput, formNames } from '../../../data/forms';
import { formCsv } from '../../../lib/report-kit/form';

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(formCsv(formInput(params.name as string)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
