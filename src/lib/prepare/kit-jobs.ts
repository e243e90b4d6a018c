// The report kit's generated files — each unit's Excel form and Word draft, and the whole's draft,
// which carries the chart images (keyed by chartJobKey, src/lib/report-kit/prepared-kit.ts) — as
// jobs: the input a file is made from, the key it is cached and prepared under, and how it is made.
// The pages (src/pages/tai-ve/) and the worker that makes the files while Astro is still compiling
// (kit-worker.ts) build their jobs with these same functions, so a file the worker made is byte for
// byte the one the page would have made: a page takes it only when its own key is the worker's.
import type { IndicatorSummary } from '../indicators/aggregate.ts';
import type { ChartImage } from '../indicators/charts/images.ts';
import { figuresDate, type Dataset, type Unit } from '../indicators/dataset.ts';
import type { TimelineEntry } from '../documents/schedule.ts';
import { buildCacheDir, cachedFile, wholeZip, type BuildCache } from '../fs/cached-file.ts';
import { routes } from '../site/routes.ts';
import type { site as siteFacts } from '../site/site.ts';
import { draftModel } from '../views/draft.ts';
import { draftPackage, outlineTemplateBuffer, type TemplateOptions } from '../report-kit/docx.ts';
import { formRowsOf, formXlsx, type FormInput } from '../report-kit/form.ts';
import { inputKey, writerFingerprint } from '../report-kit/file-cache.ts';
import { formPeriods } from '../report-kit/import.ts';
import type { OutlineBlock } from '../report-kit/outline.ts';
import { preparedFile } from '../report-kit/prepared-kit.ts';

type Site = typeof siteFacts;

/** One generated file of the kit: its cache folder, its key (the hash of everything that decides its bytes) and its maker. */
export interface KitJob {
  cache: Extract<BuildCache, 'bao-cao' | 'bieu-mau'>;
  key: string;
  make: () => Uint8Array | Promise<Uint8Array>;
}

function unitNamed(dataset: Dataset, id: string): Unit {
  const unit = dataset.units.find((u) => u.id === id);
  if (!unit) throw new Error(`Không có đơn vị "${id}"`);
  return unit;
}

/** The form offered as `name` (a unit's id, or the whole's scope slug): the whole's is blank, a unit's carries its rows. */
export function formInputOf(dataset: Dataset, name: string, site: Site): FormInput {
  const years = dataset.years;
  return {
    indicators: dataset.indicators,
    units: dataset.units,
    periods: formPeriods(dataset),
    unit: name === site.scope.slug ? null : unitNamed(dataset, name),
    title: `BÁO CÁO TỔNG HỢP SỐ LIỆU HOẠT ĐỘNG CÔNG ĐOÀN GIAI ĐOẠN ${years[0]} – ${years.at(-1)}`,
    date: figuresDate(dataset),
    rows: dataset.rows,
    organisation: site.publisher,
    illustrative: dataset.meta.status === 'minh-hoa',
  };
}

/**
 * A form's job, keyed by the rows it carries (the unit's own), so one unit's new figure writes that
 * unit's form again, not all. The indicators and units are the same arrays in every form: hashed
 * once a build, not stringified 201 times.
 */
export function formJob(root: string, input: FormInput): KitJob {
  const key = inputKey(writerFingerprint(root), { ...input, rows: formRowsOf(input) }, [input.indicators, input.units]);
  return { cache: 'bieu-mau', key, make: () => formXlsx(input) };
}

/** What a draft is made from besides the outline: the site's figures for `unit` (null: the whole). */
export interface DraftInput {
  dataset: Dataset;
  summaries: Map<string, IndicatorSummary>;
  unit: Unit | null;
  timeline: TimelineEntry[];
  site: Site;
  /** The outline's title, printed as the draft's source. */
  sourceTitle: string;
  /**
   * The whole's draft carries each indicator's year-by-year chart, the very PNG published on its
   * page (its `theo-nam` image and bytes); units have no charts of their own on the site.
   */
  charts: { image: ChartImage; png: Uint8Array }[];
}

/** A draft's job. The outline's blocks are the same array in every draft: hashed once a build, not stringified 201 times. */
export function draftJob(root: string, blocks: OutlineBlock[], input: DraftInput): KitJob {
  const { dataset, summaries, unit, timeline, site, sourceTitle } = input;
  const options = draftModel({
    dataset,
    summaries,
    isSample: dataset.meta.status === 'minh-hoa',
    unit,
    timeline,
    site,
    sourceTitle,
    formUrl: routes.form(unit?.id ?? site.scope.slug, 'xlsx'),
    charts: input.charts.map(({ image, png }) => ({ png, width: image.frame.width, height: image.frame.height, caption: `Biểu đồ: ${image.frame.title} — ${image.frame.subtitle}` })),
  });
  const key = inputKey(writerFingerprint(root), { blocks, options }, [blocks]);
  return { cache: 'bao-cao', key, make: () => draftPackage(blocks, options) };
}

/**
 * The report template's job (/tai-ve/de-cuong-bao-cao.docx: the outline with blanks, no unit's
 * figures), keyed like a draft's, so a rebuild whose outline and options did not change takes it
 * from the cache instead of writing it again.
 */
export function outlineTemplateJob(root: string, blocks: OutlineBlock[], options: TemplateOptions): KitJob {
  const key = inputKey(writerFingerprint(root), { template: 'de-cuong', blocks, options }, [blocks]);
  return { cache: 'bao-cao', key, make: () => outlineTemplateBuffer(blocks, options) };
}

/** The job's file from the cache between builds, or made here and kept there. */
export function cachedKitFile(root: string, job: KitJob): Promise<Uint8Array> {
  return cachedFile(buildCacheDir(root, job.cache), job.key, job.cache === 'bao-cao' ? 'docx' : 'xlsx', job.make, wholeZip);
}

/**
 * The job's file: the one the worker prepared under the same key when there is one (prepared-kit.ts),
 * otherwise cachedKitFile's.
 */
export async function kitFile(root: string, job: KitJob): Promise<Uint8Array> {
  return (await preparedFile(job.cache, job.key)) ?? cachedKitFile(root, job);
}
