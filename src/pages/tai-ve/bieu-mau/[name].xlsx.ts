import type { APIRoute } from 'astro';
import { formInput, formNames } from '../../../data/forms';
import { formXlsx } from '../../../lib/report-kit/form';

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(new Blob([(await formXlsx(formInput(params.name as string))) as Uint8Array<ArrayBuffer>]), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
