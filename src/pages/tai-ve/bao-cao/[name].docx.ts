// Each reporting unit's draft report (and the province's), made at every build from the outline
// and the unit's published figures; a draft whose input did not change since the last build is
// taken from the cache in node_modules/.cache/congdoan-soket/bao-cao (src/lib/report-kit/file-cache.ts).
import { routes } from '../../../lib/site/routes';
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { indicatorData } from '../../../data/indicators';
import { outlineBlocks } from '../../../lib/report-kit/outline';
import { draftPackage, type DraftOptions } from '../../../lib/report-kit/docx';
import type { OutlineBlock } from '../../../lib/report-kit/outline';
import { inputKey, writerFingerprint } from '../../../lib/report-kit/file-cache';
import { buildCacheDir, cachedFile, wholeZip } from '../../../lib/fs/cached-file';
import { draftModel } from '../../../lib/views/draft';
import { documentFile } from '../../../lib/content/paths';
import { site } from '../../../lib/site/site';
import { chartImage, chartImagePng } from '../../../data/chart-images';
import { formNames, PROVINCE_FORM } from '../../../data/forms';
import { reviewTimeline } from '../../../data/navigation';

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

/** What every draft of a build shares — the outline's blocks — read once, not once a unit. */
let shared: Promise<{ blocks: ReturnType<typeof outlineBlocks>; sourceTitle: string }> | undefined;
async function readShared() {
  const outline = await getEntry('van-ban', site.outline);
  if (!outline?.body) throw new Error(`Không đọc được nội dung ${documentFile(site.outline)}`);
  return { blocks: outlineBlocks(outline.body), sourceTitle: outline.data.title };
}

const cacheDir = buildCacheDir(process.cwd(), 'bao-cao');
const cachedDraft = (blocks: OutlineBlock[], options: DraftOptions) =>
  // The outline's blocks are the same array in every draft: hashed once a build, not stringified 201 times.
  cachedFile(cacheDir, inputKey(writerFingerprint(process.cwd()), { blocks, options }, [blocks]), 'docx', () => draftPackage(blocks, options), wholeZip);

export const GET: APIRoute = async ({ params }) => {
  const { dataset, summaries, isSample, unit: unitById } = indicatorData();
  const unit = params.name === PROVINCE_FORM ? null : unitById(params.name!);
  const { blocks, sourceTitle } = await (shared ??= readShared());
  // The review's timeline, as the build computed it once for the home page, the plan and the units.
  const timeline = await reviewTimeline();
  const file = await cachedDraft(blocks, draftModel({
    dataset,
    summaries,
    isSample,
    unit,
    timeline,
    site,
    sourceTitle,
    formUrl: routes.form(params.name!, 'xlsx'),
    // The province's draft carries each indicator's year-by-year chart, the very PNG published on
    // its page; units have no charts of their own on the site (their figures are in the table).
    charts: unit
      ? []
      : await Promise.all(dataset.indicators.map(async (indicator) => {
        const image = chartImage(indicator.id, 'theo-nam');
        return { png: await chartImagePng(indicator.id, 'theo-nam'), width: image.frame.width, height: image.frame.height, caption: `Biểu đồ: ${image.frame.title} — ${image.frame.subtitle}` };
      })),
  }));
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
