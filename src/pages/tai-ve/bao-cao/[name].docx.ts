// Each reporting unit's draft report (and the province's), made from the outline and the unit's
// published figures: the one the build's worker made ahead (src/lib/report-kit/prepared-kit.ts), or
// one kept in node_modules/.cache/congdoan-soket/bao-cao from an earlier build whose input did not
// change, or made here (src/lib/prepare/kit-jobs.ts).
import type { APIRoute } from 'astro';
import { indicatorData } from '../../../data/indicators';
import { reportOutline } from '../../../data/outline';
import { draftJob, kitFile } from '../../../lib/prepare/kit-jobs';
import { site } from '../../../lib/site/site';
import { chartImage, chartImagePng } from '../../../data/chart-images';
import { formNames, PROVINCE_FORM } from '../../../data/forms';
import { reviewTimeline } from '../../../data/navigation';

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) => {
  const root = process.cwd();
  const { dataset, summaries, unit: unitById } = indicatorData();
  const unit = params.name === PROVINCE_FORM ? null : unitById(params.name!);
  // What every draft of a build shares, the outline's blocks, read once (src/data/outline.ts).
  const { blocks, sourceTitle } = await reportOutline();
  // The review's timeline, as the build computed it once for the home page, the plan and the units.
  const timeline = await reviewTimeline();
  // The province's draft carries each indicator's year-by-year chart, the very PNG published on
  // its page; units have no charts of their own on the site (their figures are in the table).
  const charts = unit
    ? []
    : await Promise.all(dataset.indicators.map(async (indicator) => ({ image: chartImage(indicator.id, 'theo-nam'), png: await chartImagePng(indicator.id, 'theo-nam') })));
  const file = await kitFile(root, draftJob(root, blocks, { dataset, summaries, unit, timeline, site, sourceTitle, charts }));
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
