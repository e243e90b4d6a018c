// A unit's (or the province's) draft report: the outline with its own figures in the indicators
// section. The figures are the site's aggregation, formatted by the same functions as the unit's
// page (formatQuantityDetailed, the same ranks), so the draft and the page cannot disagree.
import type { IndicatorSummary } from '../data/aggregate.ts';
import type { Dataset, Indicator, Unit } from '../data/dataset.ts';
import { formatInteger, formatQuantityDetailed, formatTarget, statusLabels } from '../data/format.ts';
import { indicatorGroups, measureUnits } from '../data/schemas.ts';
import { unitScorecard } from '../data/scorecard.ts';
import { appliesToUnit, type ScheduleItem } from '../schedule.ts';

export interface DraftLine {
  indicator: Indicator;
  /** One cell per year of the dataset, then the cumulative total (counts) or latest rate. */
  years: string[];
  result: string;
  /** The year-by-year allocation and the term target, as the definition gives them (province-wide). */
  allocation: string;
  termTarget: string;
  verdict: string;
  rank: string;
  baseline: string;
}

export interface DraftGroup {
  label: string;
  lines: DraftLine[];
}

export interface DraftFigures {
  /** null: the province as a whole. */
  unit: Unit | null;
  years: number[];
  baselineLabel: string | null;
  groups: DraftGroup[];
  /** Printed under the table: what the verdict and targets mean for this scope. */
  notes: string[];
}

function allocationText(indicator: Indicator, years: number[]): string {
  const parts = years.flatMap((y) => (indicator.annualTargets[String(y)] === undefined ? [] : [`${y}: ${formatTarget(indicator.annualTargets[String(y)]!, indicator.kind)}`]));
  return parts.length > 0 ? parts.join('\n') : 'Chưa có phân bổ năm';
}

const termTargetText = (indicator: Indicator) => (indicator.termTarget === undefined ? 'Chưa có mục tiêu' : formatTarget(indicator.termTarget, indicator.kind));

/** The rank as the unit's page shows it. */
export function rankText(rank: number | null, rankedUnits: number): string {
  return rank === null ? 'Không xếp hạng (chưa đủ số liệu)' : `${formatInteger(rank)}/${formatInteger(rankedUnits)}`;
}

export function draftFigures(dataset: Dataset, summaries: ReadonlyMap<string, IndicatorSummary>, unit: Unit | null): DraftFigures {
  const groupOf = (lines: DraftLine[]) =>
    (Object.keys(indicatorGroups) as (keyof typeof indicatorGroups)[])
      .map((group) => ({ label: indicatorGroups[group], lines: lines.filter((l) => l.indicator.group === group) }))
      .filter((g) => g.lines.length > 0);
  const common = (indicator: Indicator) => ({ allocation: allocationText(indicator, dataset.years), termTarget: termTargetText(indicator) });
  let lines: DraftLine[];
  if (unit) {
    lines = unitScorecard(unit.id, dataset.indicators, summaries).map((l) => ({
      indicator: l.indicator,
      years: l.unit.years.map((y) => formatQuantityDetailed(y.value)),
      result: formatQuantityDetailed(l.unit.result),
      ...common(l.indicator),
      verdict: 'Không đánh giá',
      rank: rankText(l.unit.rank, l.rankedUnits),
      baseline: formatQuantityDetailed(l.unit.baseline),
    }));
  } else {
    lines = dataset.indicators.map((indicator) => {
      const s = summaries.get(indicator.id);
      if (!s) throw new Error(`Không có số liệu tổng hợp của chỉ tiêu "${indicator.id}"`);
      return {
        indicator,
        years: s.years.map((y) => formatQuantityDetailed(y.total)),
        result: formatQuantityDetailed(s.result),
        ...common(indicator),
        verdict: statusLabels[s.status],
        rank: '—',
        baseline: formatQuantityDetailed(s.baseline),
      };
    });
  }
  const notes = [
    'Số đếm ghi theo đơn vị tính của chỉ tiêu; tỷ lệ ghi phần trăm kèm (tử số/mẫu số). "Chưa báo cáo": đơn vị chưa gửi số liệu năm đó, không phải số 0.',
    'Lũy kế: tổng các năm đã báo cáo (chỉ tiêu đếm); với chỉ tiêu tỷ lệ là tỷ lệ của năm cuối đã báo cáo.',
    unit
      ? 'Phân bổ năm và mục tiêu nhiệm kỳ là chỉ tiêu chung của toàn tỉnh; đơn vị chưa được giao chỉ tiêu riêng nên cột Đánh giá không xếp loại đạt hay chưa đạt. Xếp hạng: thứ hạng của đơn vị trong số các đơn vị đã báo cáo đủ.'
      : 'Đánh giá: so kết quả toàn tỉnh với tổng phân bổ các năm (chỉ tiêu đếm) hoặc phân bổ của năm cuối (chỉ tiêu tỷ lệ).',
  ];
  return { unit, years: dataset.years, baselineLabel: dataset.meta.baseline?.label ?? null, groups: groupOf(lines), notes };
}

/** The table of a draft: header and rows, one group heading row before its indicators. */
export function draftTable(f: DraftFigures): { header: string[]; rows: { cells: string[]; bold?: boolean }[] } {
  const header = ['STT', 'Chỉ tiêu (đơn vị tính)', ...f.years.map(String), 'Lũy kế / tỷ lệ năm cuối', 'Phân bổ năm (toàn tỉnh)', 'Mục tiêu nhiệm kỳ (toàn tỉnh)', 'Đánh giá', 'Xếp hạng', f.baselineLabel ?? 'Nhiệm kỳ trước'];
  const rows: { cells: string[]; bold?: boolean }[] = [];
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  f.groups.forEach((g, gi) => {
    rows.push({ cells: [roman[gi] ?? String(gi + 1), g.label, ...Array(header.length - 2).fill('')], bold: true });
    g.lines.forEach((l, i) => {
      const name = `${l.indicator.name} (${measureUnits[l.indicator.unit]})`;
      rows.push({ cells: [String(i + 1), name, ...l.years, l.result, l.allocation, l.termTarget, l.verdict, l.rank, l.baseline] });
    });
  });
  return { header, rows };
}

/**
 * The plan's dated tasks that concern a unit — those whose `appliesTo` takes in its kind (and its
 * late congress) — or, for the province's own draft, the tasks of the provincial office (no
 * `appliesTo`).
 */
export function deadlinesFor<T extends Pick<ScheduleItem, 'appliesTo'>>(entries: readonly T[], unit: Unit | null): T[] {
  return entries.filter((e) => (unit ? appliesToUnit(e, unit) : e.appliesTo === undefined));
}

/** The period a unit's report covers, as the plan words it. */
export function evaluationWindow(unit: Unit | null): string {
  return unit?.lateCongress
    ? 'đơn vị kéo dài thời gian Đại hội: đánh giá từ đầu nhiệm kỳ đến thời điểm tháng 12/2020.'
    : 'từ đầu nhiệm kỳ đến hết tháng 12/2020.';
}
