import type { APIRoute } from 'astro';
import { formInput, formNames } from '../../../data/forms';
import { formRowsOf, formXlsx } from '../../../lib/report-kit/form';
import { inputKey, writerFingerprint } from '../../../lib/report-kit/file-cache';
import { buildCacheDir, cachedFile, wholeZip } from '../../../lib/fs/cached-file';

// A form whose input did not change since the last build comes from the cache in
// node_modules/.cache/congdoan-soket/bieu-mau (src/lib/report-kit/file-cache.ts). Keyed by the rows
// the form carries (the unit's own), so one unit's new figure writes that unit's form again, not all.
const cacheDir = buildCacheDir(process.cwd(), 'bieu-mau');
function formFile(name: string): Promise<Uint8Array> {
  const input = formInput(name);
  // The indicators and units are the same arrays in every form: hashed once a build, not stringified 201 times.
  const key = inputKey(writerFingerprint(process.cwd()), { ...input, rows: formRowsOf(input) }, [input.indicators, input.units]);
  return cachedFile(cacheDir, key, 'xlsx', () => formXlsx(input), wholeZip);
}

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(new Blob([(await formFile(params.name as string)) as Uint8Array<ArrayBuffer>]), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
