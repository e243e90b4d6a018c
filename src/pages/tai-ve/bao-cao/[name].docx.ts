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
import { cachedFile, inputKey, reportKitCacheDir, writerFingerprint } from '../../../lib/report-kit/file-cache';
import { deadlinesFor, draftFigures, draftTable, evaluationWindow } from '../../../lib/report-kit/draft';
import { site } from '../../../lib/site/site';
import { chartImage, chartImagePng } from '../../../data/chart-images';
import { formNames, PROVINCE_FORM } from '../../../data/forms';
import { reviewTimeline } from '../../../data/navigation';

export function getStaticPaths() {
  return formNames().map((name) => ({ params: { name } }));
}

/** Widths (mm) of the landscape table: STT, indicator, the years, then the summary columns. */
const widths = (years: number) => [10, 52, ...Array(years).fill(22), 22, 24, 18, 15, 18, 20];

/** What every draft of a build shares — the outline's blocks — read once, not once a unit. */
let shared: Promise<{ blocks: ReturnType<typeof outlineBlocks>; sourceTitle: string }> | undefined;
async function readShared() {
  const outline = await getEntry('van-ban', site.outline);
  if (!outline?.body) throw new Error(`Không đọc được nội dung content/van-ban/${site.outline}.mdx`);
  return { blocks: outlineBlocks(outline.body), sourceTitle: outline.data.title };
}

const cacheDir = reportKitCacheDir(process.cwd(), 'bao-cao');
const cachedDraft = (blocks: OutlineBlock[], options: DraftOptions) =>
  cachedFile(cacheDir, inputKey(writerFingerprint(process.cwd()), { blocks, options }), 'docx', () => draftPackage(blocks, options));

export const GET: APIRoute = async ({ params }) => {
  const { dataset, summaries, isSample, unit: unitById } = indicatorData();
  const unit = params.name === PROVINCE_FORM ? null : unitById(params.name!);
  const { blocks, sourceTitle } = await (shared ??= readShared());
  // The review's timeline, as the build computed it once for the home page, the plan and the units.
  const timeline = await reviewTimeline();
  const figures = draftFigures(dataset, summaries, unit);
  const table = draftTable(figures);
  const file = await cachedDraft(blocks, {
    formUrl: routes.form(params.name!, 'xlsx'),
    sourceTitle,
    organisation: site.publisher,
    issuer: unit ? unit.name : site.publisher,
    parentBody: unit ? site.publisher : site.parentBody,
    recipient: site.reportRecipient,
    evaluationWindow: evaluationWindow(unit, timeline, site.evaluation.until),
    deadlines: deadlinesFor(timeline, unit).map((e) => ({ task: e.task, who: e.who, when: `${e.label} (văn bản ghi: ${e.asIssued.replace(/^\(|\)$/g, '')})` })),
    indicatorsHeading: /CHỈ TIÊU/i,
    table: { widths: widths(figures.years.length), header: table.header, rows: table.rows, size: 10 },
    notes: figures.notes,
    figureNotes: figures.figureNotes,
    // The province's draft carries each indicator's year-by-year chart, the very PNG published on
    // its page; units have no charts of their own on the site (their figures are in the table).
    charts: unit
      ? []
      : await Promise.all(dataset.indicators.map(async (indicator) => {
        const image = chartImage(indicator.id, 'theo-nam');
        return { png: await chartImagePng(indicator.id, 'theo-nam'), width: image.frame.width, height: image.frame.height, caption: `Biểu đồ: ${image.frame.title} — ${image.frame.subtitle}` };
      })),
    ...(isSample ? { illustrativeNote: 'SỐ LIỆU MINH HỌA — các số trong dự thảo này chưa phải số liệu chính thức của đơn vị.' } : {}),
  });
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
