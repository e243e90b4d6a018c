// A unit's (or the province's) draft report: the outline with its own figures in the indicators
// section. The figures are the site's aggregation, formatted by the same functions as the unit's
// page (formatQuantityDetailed, the same ranks), so the draft and the page cannot disagree.
import type { IndicatorSummary } from '../indicators/aggregate.ts';
import { figuresDate, type Dataset, type Indicator, type Unit } from '../indicators/dataset.ts';
import { formatInteger, formatQuantityDetailed, formatTarget, statusLabels } from '../indicators/format.ts';
import { groupsOf } from '../indicators/groups.ts';
import { formatPartialDate, parsePartialDate, isPartialDate } from '../documents/dates.ts';
import { unitScorecard } from '../indicators/scorecard.ts';
import { appliesToUnit, lateCongressWindow, type ScheduleItem } from '../documents/schedule.ts';
import { progressCell, PROGRESS_RULE, unitProgress } from './progress-page.ts';
import type { DraftOptions } from '../report-kit/docx.ts';
import type { TimelineEntry } from '../documents/schedule.ts';

export interface DraftLine {
  indicator: Indicator;
  /** One cell per year of the dataset, then the cumulative total (counts) or latest rate. */
  years: string[];
  result: string;
  /** The year-by-year allocation and the term target: the unit's own (muc-tieu-don-vi.yaml) in a unit's draft, the definition's in the whole's. */
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
  /** null: the publishing organisation as a whole. */
  unit: Unit | null;
  /** The edition's word for the whole (organisation.scope.word). */
  scope: string;
  years: number[];
  baselineLabel: string | null;
  groups: DraftGroup[];
  /** Whose targets the table gives: the unit's own, or the whole's. */
  targetsOf: 'unit' | 'whole';
  /** Printed under the table: what the verdict and targets mean for this scope. */
  notes: string[];
  /** The units' own notes on their figures (ghi_chu), numbered: "1. <chỉ tiêu>, 2025 (<tên ngắn của đơn vị>): …". */
  figureNotes: string[];
}

type TargetsLike = { termTarget?: number | undefined; annualTargets: Readonly<Record<string, number>> };

function allocationText(indicator: Indicator, targets: TargetsLike, years: number[]): string {
  const parts = years.flatMap((y) => (targets.annualTargets[String(y)] === undefined ? [] : [`${y}: ${formatTarget(targets.annualTargets[String(y)]!, indicator.kind)}`]));
  return parts.length > 0 ? parts.join('\n') : 'Chưa có phân bổ năm';
}

const termTargetText = (indicator: Indicator, targets: TargetsLike) => (targets.termTarget === undefined ? 'Chưa có mục tiêu' : formatTarget(targets.termTarget, indicator.kind));

/** The rank as the unit's page shows it. */
export function rankText(rank: number | null, rankedUnits: number): string {
  return rank === null ? 'Không xếp hạng (chưa đủ số liệu)' : `${formatInteger(rank)}/${formatInteger(rankedUnits)}`;
}

export function draftFigures(dataset: Dataset, summaries: ReadonlyMap<string, IndicatorSummary>, unit: Unit | null): DraftFigures {
  const groupOf = (lines: DraftLine[]) =>
    groupsOf(lines.map((l) => l.indicator)).map((g) => ({ label: g.label, lines: lines.filter((l) => l.indicator.group === g.group) }));
  const { scope } = dataset.edition;
  const common = (indicator: Indicator, targets: TargetsLike) => ({ allocation: allocationText(indicator, targets, dataset.years), termTarget: termTargetText(indicator, targets) });
  // A unit's draft gives its own targets and its progress against them, when the edition keeps them.
  const ownTargets = unit && dataset.unitTargets ? dataset.unitTargets : null;
  let lines: DraftLine[];
  if (unit) {
    lines = unitScorecard(unit.id, dataset.indicators, summaries).map((l) => {
      const own = ownTargets?.byUnit[unit.id]?.[l.indicator.id];
      const cell = progressCell(unitProgress(dataset, summaries.get(l.indicator.id)!, l.indicator, unit.id), l.indicator);
      return {
      indicator: l.indicator,
      years: l.unit.years.map((y) => formatQuantityDetailed(y.value)),
      result: formatQuantityDetailed(l.unit.result),
      ...(ownTargets ? common(l.indicator, { termTarget: own?.term, annualTargets: own?.annual ?? {} }) : common(l.indicator, l.indicator)),
      verdict: ownTargets ? (cell.detail ? `${cell.label}: ${cell.detail}` : cell.label) : 'Không đánh giá',
      rank: rankText(l.unit.rank, l.rankedUnits),
      baseline: formatQuantityDetailed(l.unit.baseline),
    };
    });
  } else {
    lines = dataset.indicators.map((indicator) => {
      const s = summaries.get(indicator.id);
      if (!s) throw new Error(`Không có số liệu tổng hợp của chỉ tiêu "${indicator.id}"`);
      return {
        indicator,
        years: s.years.map((y) => formatQuantityDetailed(y.total)),
        result: formatQuantityDetailed(s.result),
        ...common(indicator, indicator),
        verdict: statusLabels[s.status],
        rank: '—',
        baseline: formatQuantityDetailed(s.baseline),
      };
    });
  }
  const notes = [
    'Số đếm ghi theo đơn vị tính của chỉ tiêu; tỷ lệ ghi phần trăm kèm (tử số/mẫu số). "Chưa báo cáo": đơn vị chưa gửi số liệu năm đó, không phải số 0.',
    'Lũy kế: tổng các năm đã báo cáo (chỉ tiêu đếm); với chỉ tiêu tỷ lệ là tỷ lệ của năm cuối đã báo cáo.',
    ...(ownTargets
      ? [
        `Phân bổ năm và mục tiêu nhiệm kỳ là mục tiêu riêng của đơn vị${ownTargets.status === 'minh-hoa' ? ' (MỤC TIÊU MINH HỌA, không phải chỉ tiêu Nghị quyết Đại hội của đơn vị)' : ''}; "Chưa có mục tiêu": đơn vị chưa có mục tiêu cho chỉ tiêu đó. Đánh giá tiến độ: ${PROGRESS_RULE.join(' ')}`,
        'Xếp hạng: thứ hạng của đơn vị trong số các đơn vị đã báo cáo đủ.',
      ]
      : unit
        ? [`Phân bổ năm và mục tiêu nhiệm kỳ là chỉ tiêu chung của ${scope}; đơn vị chưa được giao chỉ tiêu riêng nên cột Đánh giá không xếp loại đạt hay chưa đạt. Xếp hạng: thứ hạng của đơn vị trong số các đơn vị đã báo cáo đủ.`]
        : [`Đánh giá: so kết quả ${scope} với tổng phân bổ các năm (chỉ tiêu đếm) hoặc phân bổ của năm cuối (chỉ tiêu tỷ lệ).`]),
  ];
  const shortName = new Map(dataset.units.map((u) => [u.id, u.shortName]));
  // Notes follow the table's order: group by group, then the indicators' own order.
  const ranked = [...dataset.indicators].sort((a, b) => a.groupOrder - b.groupOrder);
  const order = new Map(ranked.map((i, n) => [i.id, n]));
  const periodLabel = (p: string) => (p === dataset.meta.baseline?.key ? dataset.meta.baseline.label : p);
  const figureNotes = dataset.rows
    .filter((r) => r.note.trim() !== '' && (!unit || r.unit === unit.id))
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0) || a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit))
    .map((r, n) => `${n + 1}. ${ranked[order.get(r.indicator) ?? 0]?.name ?? r.indicator}, ${periodLabel(r.period)}${unit ? '' : ` (${shortName.get(r.unit) ?? r.unit})`}: ${r.note.replace(/\s*\r?\n\s*/g, '; ')}`);
  return { unit, scope, years: dataset.years, baselineLabel: dataset.meta.baseline?.label ?? null, groups: groupOf(lines), targetsOf: ownTargets ? 'unit' : 'whole', notes, figureNotes };
}

/** The table of a draft: header and rows, one group heading row before its indicators. */
export function draftTable(f: DraftFigures): { header: string[]; rows: { cells: string[]; bold?: boolean }[] } {
  const whose = f.targetsOf === 'unit' ? 'của đơn vị' : `(${f.scope})`;
  const header = ['STT', 'Chỉ tiêu (đơn vị tính)', ...f.years.map(String), 'Lũy kế / tỷ lệ năm cuối', `Phân bổ năm ${whose}`, `Mục tiêu nhiệm kỳ ${whose}`, f.targetsOf === 'unit' ? 'Tiến độ' : 'Đánh giá', 'Xếp hạng', f.baselineLabel ?? 'Nhiệm kỳ trước'];
  const rows: { cells: string[]; bold?: boolean }[] = [];
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  f.groups.forEach((g, gi) => {
    rows.push({ cells: [roman[gi] ?? String(gi + 1), g.label, ...Array(header.length - 2).fill('')], bold: true });
    g.lines.forEach((l, i) => {
      const name = `${l.indicator.name} (${l.indicator.unitLabel})`;
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

/**
 * The period a unit's report covers: to the end of the edition's evaluation (`until`, YYYY-MM),
 * or, for a unit whose congress was late, as the plan's `until` entry for such units words it.
 */
export function evaluationWindow(unit: Unit | null, entries: readonly Pick<ScheduleItem, 'appliesTo' | 'kind' | 'asIssued'>[], until: string): string {
  const late = unit?.lateCongress ? lateCongressWindow(entries) : undefined;
  if (late) return `đơn vị kéo dài thời gian Đại hội: đánh giá ${late.asIssued}.`;
  const month = parsePartialDate(until);
  return `từ đầu nhiệm kỳ đến hết tháng ${isPartialDate(month) ? formatPartialDate(month).replace(/^0/, '') : until}.`;
}

/** Widths (mm) of the landscape table: STT, indicator, the years, then the summary columns. */
const draftWidths = (years: number) => [10, 52, ...Array(years).fill(22), 22, 24, 18, 15, 18, 20];

export interface DraftModelInput {
  dataset: Dataset;
  summaries: ReadonlyMap<string, IndicatorSummary>;
  isSample: boolean;
  /** The unit, or null for the organisation's own draft. */
  unit: Unit | null;
  /** The review's timeline (src/data/navigation.ts). */
  timeline: readonly (TimelineEntry & Pick<ScheduleItem, 'appliesTo' | 'kind' | 'asIssued'>)[];
  site: { publisher: string; parentBody: string; reportRecipient: string; evaluation: { until: string } };
  /** The outline's title and the address of the unit's form. */
  sourceTitle: string;
  formUrl: string;
  /** The indicators' charts (the organisation's draft only), drawn by the build. */
  charts: DraftOptions['charts'];
}

/** Everything a draft report says besides the outline's blocks: the Word-draft route renders this. */
export function draftModel(input: DraftModelInput): DraftOptions {
  const { dataset, summaries, unit, timeline, site } = input;
  const figures = draftFigures(dataset, summaries, unit);
  const table = draftTable(figures);
  return {
    formUrl: input.formUrl,
    sourceTitle: input.sourceTitle,
    organisation: site.publisher,
    issuer: unit ? unit.name : site.publisher,
    parentBody: unit ? site.publisher : site.parentBody,
    recipient: site.reportRecipient,
    evaluationWindow: evaluationWindow(unit, timeline, site.evaluation.until),
    deadlines: deadlinesFor(timeline, unit).map((e) => ({ task: e.task, who: e.who, when: `${e.label} (văn bản ghi: ${e.asIssued.replace(/^\(|\)$/g, '')})` })),
    indicatorsHeading: /CHỈ TIÊU/i,
    table: { widths: draftWidths(figures.years.length), header: table.header, rows: table.rows, size: 10 },
    notes: figures.notes,
    figureNotes: figures.figureNotes,
    charts: input.charts,
    made: figuresDate(dataset),
    ...(input.isSample ? { illustrativeNote: 'SỐ LIỆU MINH HỌA — các số trong dự thảo này chưa phải số liệu chính thức của đơn vị.' } : {}),
  };
}
