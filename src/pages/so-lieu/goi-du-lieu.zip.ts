import type { APIRoute } from 'astro';
import { indicatorData } from '../../data/indicators';
import { dataPackage } from '../../lib/views/data-package';
import { zipPackage } from '../../lib/report-kit/zip-writer';
import { site } from '../../lib/site/site';

/** Every published figure, with its targets, progress and metadata: a Frictionless Data Package (data-package.ts). */
export const GET: APIRoute = () => {
  const { dataset, summaries, reporting } = indicatorData();
  const { files } = dataPackage({ dataset, summaries, reporting, site });
  return new Response(new Uint8Array(zipPackage(files)), { headers: { 'Content-Type': 'application/zip' } });
};
