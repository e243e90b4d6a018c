import type { APIRoute } from 'astro';
import { formInput, formNames } from '../../../data/forms';
import { formJob, kitFile } from '../../../lib/prepare/kit-jobs';

// A form is the one the build's worker made ahead (src/lib/report-kit/prepared-kit.ts), or one kept
// in node_modules/.cache/congdoan-soket/bieu-mau from an earlier build, or made here: keyed by the
// rows it carries (src/lib/prepare/kit-jobs.ts), so one unit's new figure makes that unit's form again, not all.
export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) => {
  const root = process.cwd();
  const file = await kitFile(root, formJob(root, formInput(params.name as string)));
  return new Response(new Blob([file as Uint8Array<ArrayBuffer>]), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
