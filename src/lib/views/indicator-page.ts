// What an indicator's page shows, computed here so that the page only renders it: the definition
// box, the mid-term verdict, the three charts with their tables (by year, cumulative, by unit,
// units best first with their notes numbered in reading order) and the download links.
import { shareOfTarget, unitsByRank, type IndicatorSummary, type Status } from '../indicators/aggregate.ts';
import type { Dataset, Indicator } from '../indicators/dataset.ts';
import {
  formatInteger, formatPercent, formatQuantity, formatQuantityDetailed, formatTarget,
  summariseByUnit, summariseByYear, summariseCumulative, NOT_REPORTED,
} from '../indicators/format.ts';
import { chartImageName, chartImagePath, indicatorChartSpecs } from '../indicators/charts/images.ts';
import type { ChartSpec } from '../indicators/chart-specs.ts';
import { IMAGE_WIDTH, imageHeight } from '../indicators/charts/config.ts';
import { numberNotes, tablePeriods } from '../indicators/notes.ts';
import { figure } from '../indicators/figure-cell.ts';
import { directions } from '../indicators/schemas.ts';
import { programmeSymbol, type ProgrammeLike } from '../citations/programmes.ts';
import { routes } from '../site/routes.ts';
import { upperFirst } from '../text/vietnamese.ts';
import { progressCell, unitProgress, wholeProgress } from './progress-page.ts';
import { rowsWhere } from '../indicators/row-index.ts';

export interface IndicatorPageInput {
  dataset: Dataset;
  summaries: ReadonlyMap<string, IndicatorSummary>;
  /** Every programme of the edition, in the collection's order; the page lists those the indicator names. */
  programmes: readonly ProgrammeLike[];
}

const chart = (indicatorId: string, spec: ChartSpec, summary: string) => ({
  spec,
  summary,
  /** What a screen reader says of the canvas: the mark of illustrative figures, the title, the summary, where the figures are. */
  canvasLabel: `Biểu đồ${spec.sampleMark ? ` (${spec.sampleMark.toLowerCase()})` : ''}: ${spec.title}. ${summary} Số liệu chi tiết ở bảng bên dưới.`,
  /** The PNG drawn at build time (also what prints in place of the canvas), with its size in pixels. */
  image: { href: chartImagePath(indicatorId, spec.id), fileName: chartImageName(indicatorId, spec.id), width: IMAGE_WIDTH, height: imageHeight(spec) },
});

/** The metadata headings, in the order national indicator platforms give them; each a field of the indicator file. */
export const METADATA_HEADINGS = [
  ['dinh-nghia', 'Định nghĩa', 'definition'],
  ['cach-tinh', 'Cách tính', 'computation'],
  ['nguon-so-lieu', 'Nguồn số liệu', 'dataSource'],
  ['ky-bao-cao', 'Kỳ báo cáo', 'reportingPeriod'],
  ['co-quan-chiu-trach-nhiem', 'Cơ quan chịu trách nhiệm', 'responsibleOffice'],
  ['lien-he', 'Liên hệ', 'contact'],
  ['cap-nhat', 'Cập nhật lần cuối', 'lastUpdated'],
  ['kha-nang-so-sanh', 'Khả năng so sánh', 'comparability'],
  ['nguon-dinh-nghia', 'Nguồn định nghĩa, mục tiêu', 'source'],
] as const;

/** The indicator's metadata under its headings; "Chưa có" where the file gives none. */
export function indicatorMetadata(indicator: Indicator): { id: string; heading: string; field: string; text: string }[] {
  return METADATA_HEADINGS.map(([id, heading, field]) => {
    const value = indicator[field];
    const text = value === undefined ? 'Chưa có' : field === 'lastUpdated' ? value.split('-').reverse().join('/') : value;
    return { id: `thong-tin-${id}`, heading, field, text };
  });
}

export function indicatorPageModel(input: IndicatorPageInput, indicatorId: string) {
  const { dataset } = input;
  const indicator = dataset.indicators.find((i) => i.id === indicatorId);
  const summary = input.summaries.get(indicatorId);
  if (!indicator || !summary) throw new Error(`Không có chỉ tiêu "${indicatorId}"`);
  const names = new Map(dataset.units.map((u) => [u.id, u.shortName]));
  const shortName = (unitId: string) => names.get(unitId) ?? unitId;
  const scope = { word: dataset.edition.scope, label: upperFirst(dataset.edition.scope) };
  const isRate = indicator.kind === 'rate';
  const unitWord = isRate ? '' : ` ${indicator.unitLabel}`;
  const firstYear = dataset.years[0];
  const lastYear = dataset.years.at(-1);
  const baseline = dataset.meta.baseline;
  const annual = Object.entries(indicator.annualTargets);
  const ranked = unitsByRank(summary);
  const notes = numberNotes(rowsWhere(dataset.rows, 'indicator', indicatorId), (r) => r.unit, ranked.map((u) => ({ key: u.unitId, label: shortName(u.unitId) })), tablePeriods(dataset), 'ghi-chu');
  const [byYearSpec, cumulativeSpec, byUnitSpec] = indicatorChartSpecs(dataset, indicator, summary) as [ChartSpec, ChartSpec, ChartSpec];
  const programmes = input.programmes.filter((p) => indicator.programmes.includes(p.id));

  return {
    indicator,
    title: indicator.name,
    description: `Chỉ tiêu ${indicator.name}: ${indicator.definition}`,
    breadcrumb: [{ label: 'Trang chủ', href: routes.home() }, { label: 'Chỉ tiêu', href: routes.indicators() }, { label: indicator.name }],
    isRate,
    /** The definition box, row by row. */
    meta: {
      direction: directions[indicator.direction],
      termTarget: indicator.termTarget === undefined ? 'Chưa có' : `${formatTarget(indicator.termTarget, indicator.kind)}${unitWord}`,
      annualTargets: annual.length === 0 ? 'Chưa có' : annual.map(([year, value]) => `${year}: ${formatTarget(value, indicator.kind)}${unitWord}`).join('; '),
      programmes: programmes.map((p) => ({ href: routes.programme(p.id), label: `Chương trình ${programmeSymbol(p)}`, title: p.data.title })),
    },
    /** "Lũy kế <first> – <last>: <total> <unit>, so với …" or "Tỷ lệ năm <last>: <rate> (…), so với …". */
    verdict: {
      status: summary.status,
      lead: isRate ? `Tỷ lệ năm ${lastYear}: ` : `Lũy kế ${firstYear} – ${lastYear}: `,
      result: isRate ? formatQuantityDetailed(summary.result) : `${formatQuantity(summary.result)}${unitWord}`,
      against: summary.periodTarget === null
        ? (isRate ? '; chưa có phân bổ năm để đánh giá.' : '; chưa đủ phân bổ hằng năm để đánh giá.')
        : (isRate ? `, so với phân bổ năm ${lastYear} là ${formatTarget(summary.periodTarget, 'rate')}.` : `, so với tổng phân bổ các năm là ${formatInteger(summary.periodTarget)}${unitWord}.`),
      incomplete: summary.complete ? null : `Có đơn vị chưa báo cáo đủ: số liệu ${scope.word} chỉ cộng các đơn vị đã báo cáo (xem bảng theo năm).`,
    },
    byYear: {
      ...chart(indicatorId, byYearSpec, summariseByYear(summary, indicator.unitLabel, scope.word)),
      valueHeading: isRate ? `Tỷ lệ ${scope.word}` : `Kết quả ${scope.word} (${indicator.unitLabel})`,
      rows: summary.years.map((y) => ({
        year: y.year,
        total: formatQuantity(y.total),
        numerator: y.total?.kind === 'rate' ? formatInteger(y.total.numerator) : NOT_REPORTED,
        denominator: y.total?.kind === 'rate' ? formatInteger(y.total.denominator) : NOT_REPORTED,
        target: y.target === null ? 'Chưa có' : formatTarget(y.target, indicator.kind),
        status: y.status satisfies Status,
        reported: `${formatInteger(y.reportedUnits)}/${formatInteger(dataset.units.length)}`,
        missing: y.missingUnits.length > 0 ? ` (chưa báo cáo: ${y.missingUnits.map(shortName).join(', ')})` : null,
      })),
    },
    cumulative: {
      ...chart(indicatorId, cumulativeSpec, summariseCumulative(summary, indicator.unitLabel)),
      valueHeading: isRate ? `Tỷ lệ ${scope.word}` : `Lũy kế (${indicator.unitLabel})`,
      /** The term-target columns, when the indicator has a term target. */
      hasTermTarget: summary.termTarget !== null,
      rows: summary.cumulative.map((c) => {
        const share = shareOfTarget(c.total, summary.termTarget);
        return {
          year: c.year,
          total: formatQuantity(c.total),
          termTarget: summary.termTarget === null ? null : formatTarget(summary.termTarget, indicator.kind),
          share: share ? formatPercent(share.numerator, share.denominator) : '—',
        };
      }),
    },
    byUnit: {
      ...chart(indicatorId, byUnitSpec, summariseByUnit(summary, shortName, indicator.unitLabel)),
      years: dataset.years,
      resultHeading: isRate ? `Tỷ lệ ${lastYear}` : 'Lũy kế',
      baselineLabel: baseline?.label,
      /** Units best first, unranked (incomplete) last. */
      rows: ranked.map((u) => ({
        unitId: u.unitId,
        href: routes.unit(u.unitId),
        name: shortName(u.unitId),
        years: u.years.map((y) => figure(y.value, notes.numberOf(u.unitId, String(y.year)))),
        result: figure(u.result),
        rank: { text: u.rank === null ? 'Không xếp hạng (chưa đủ số liệu)' : formatInteger(u.rank), sortValue: u.rank === null ? '' : String(u.rank) },
        baseline: baseline ? figure(u.baseline, notes.numberOf(u.unitId, baseline.key)) : null,
        /** Against the unit's own target (progress.ts): sortable, furthest behind first. */
        progress: progressCell(unitProgress(dataset, summary, indicator, u.unitId), indicator),
      })),
      /** Where the progress rule is written, and every unit's progress on every indicator. */
      progressLinks: { rule: routes.progress('cach-danh-gia'), all: routes.progress() },
      /** The whole's row under the units. */
      total: {
        label: scope.label,
        progress: progressCell(wholeProgress(dataset, summary, indicator), indicator),
        years: summary.years.map((y) => formatQuantityDetailed(y.total)),
        result: formatQuantityDetailed(summary.result),
        baseline: baseline ? formatQuantityDetailed(summary.baseline) : null,
      },
      notes: notes.notes,
    },
    metadata: indicatorMetadata(indicator),
    downloads: {
      summary: { href: routes.indicatorSummaryCsv(indicatorId), fileName: `${indicatorId}-tong-hop.csv`, label: `Số liệu tổng hợp ${scope.word} theo năm (CSV)` },
      rows: { href: routes.indicatorRowsCsv(indicatorId), fileName: `${indicatorId}-so-lieu-goc.csv` },
      dataPackage: { href: routes.dataPackage(), fileName: 'goi-du-lieu.zip' },
    },
  };
}

export type IndicatorPageModel = ReturnType<typeof indicatorPageModel>;
