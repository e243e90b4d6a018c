// Each reporting unit's draft report (and the province's), rebuilt at every build from the outline
// and the unit's published figures.
import { routes } from '../../../lib/site/routes';
import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { indicatorData } from '../../../data/indicators';
import { outlineBlocks } from '../../../lib/report-kit/outline';
import { draftPackage } from '../../../lib/report-kit/docx';
import { deadlinesFor, draftFigures, draftTable, evaluationWindow } from '../../../lib/report-kit/draft';
import { buildTimeline } from '../../../lib/documents/schedule';
import { site } from '../../../lib/site/site';
import { chartImage, chartImagePng } from '../../../data/chart-images';

export function getStaticPaths() {
  return [...indicatorData().dataset.units.map((u) => u.id), site.scope.slug].map((name) => ({ params: { name } }));
}

/** Widths (mm) of the landscape table: STT, indicator, the years, then the summary columns. */
const widths = (years: number) => [10, 52, ...Array(years).fill(22), 22, 24, 18, 15, 18, 20];

/** What every draft of a build shares — the outline's blocks and the plan's timeline — read once, not once a unit. */
let shared: Promise<{ blocks: ReturnType<typeof outlineBlocks>; sourceTitle: string; timeline: ReturnType<typeof buildTimeline> }> | undefined;
async function readShared() {
  const outline = await getEntry('van-ban', site.outline);
  if (!outline?.body) throw new Error(`Không đọc được nội dung content/van-ban/${site.outline}.mdx`);
  const documents = (await getCollection('van-ban')).map((d) => ({ id: d.id, title: d.data.title, schedule: d.data.schedule ?? [] }));
  return { blocks: outlineBlocks(outline.body), sourceTitle: outline.data.title, timeline: buildTimeline(documents) };
}

export const GET: APIRoute = async ({ params }) => {
  const { dataset, summaries, isSample } = indicatorData();
  const unit = params.name === site.scope.slug ? null : dataset.units.find((u) => u.id === params.name)!;
  const { blocks, sourceTitle, timeline } = await (shared ??= readShared());
  const figures = draftFigures(dataset, summaries, unit);
  const table = draftTable(figures);
  const file = draftPackage(blocks, {
    formUrl: unit ? routes.form(unit.id, 'xlsx') : routes.form(site.scope.slug, 'xlsx'),
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
