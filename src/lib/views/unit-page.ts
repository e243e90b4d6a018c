// What a unit's page shows, computed here so that the page only renders it: the unit's results by
// indicator group (its own notes numbered across the page, the second table going on from the
// first), the periods of its tables, its reporting state and its to-do list from the plan.
import type { IndicatorSummary } from '../indicators/aggregate.ts';
import type { Dataset } from '../indicators/dataset.ts';
import { groupsOf } from '../indicators/groups.ts';
import { numberNotes, tablePeriods } from '../indicators/notes.ts';
import { unitReporting, type ReportingStatus } from '../indicators/reporting.ts';
import { unitScorecard } from '../indicators/scorecard.ts';
import { figure } from '../indicators/figure-cell.ts';
import { formatInteger } from '../indicators/format.ts';
import { routes } from '../site/routes.ts';
import type { TimelineEntry } from '../documents/schedule.ts';
import { unitTodo } from '../documents/unit-tasks.ts';
import { progressCell, unitProgress } from './progress-page.ts';
import type { ProgressState } from '../indicators/progress.ts';
import { upperFirst } from '../text/vietnamese.ts';
import { rowsWhere } from '../indicators/row-index.ts';

export interface UnitPageInput {
  dataset: Dataset;
  summaries: ReadonlyMap<string, IndicatorSummary>;
  reporting: ReportingStatus;
  /** The review's timeline (every document's dated tasks, in order). */
  timeline: readonly TimelineEntry[];
  /** The edition's last evaluated month, for a unit the plan gives no window of its own. */
  until?: string;
}

export function unitPageModel(input: UnitPageInput, unitId: string) {
  const { dataset } = input;
  const unit = dataset.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`Không có đơn vị "${unitId}"`);
  const lines = unitScorecard(unitId, dataset.indicators, input.summaries);
  const baseline = dataset.meta.baseline;
  const periods = tablePeriods(dataset);
  const ownRows = rowsWhere(dataset.rows, 'unit', unitId);
  let nextNote = 1;
  const groups = groupsOf(lines.map((l) => l.indicator)).map(({ group, label }) => {
    const groupLines = lines.filter((l) => l.indicator.group === group);
    const notes = numberNotes(ownRows, (r) => r.indicator, groupLines.map((l) => ({ key: l.indicator.id, label: l.indicator.name })), periods, 'ghi-chu', nextNote);
    nextNote += notes.notes.length;
    // One row per indicator: its figures by year (each with its note), the result, the rank, the baseline.
    const rows = groupLines.map((line) => ({
      indicatorId: line.indicator.id,
      href: routes.indicator(line.indicator.id),
      name: line.indicator.name,
      unitLabel: line.indicator.unitLabel,
      years: line.unit.years.map((y) => figure(y.value, notes.numberOf(line.indicator.id, String(y.year)))),
      result: figure(line.unit.result),
      rank: line.unit.rank === null
        ? { text: 'Không xếp hạng (chưa đủ số liệu)', sortValue: '' }
        : { text: `${formatInteger(line.unit.rank)}/${formatInteger(line.rankedUnits)}`, sortValue: String(line.unit.rank) },
      baseline: baseline ? figure(line.unit.baseline, notes.numberOf(line.indicator.id, baseline.key)) : undefined,
    }));
    return { group, label, rows, notes: notes.notes };
  });
  // The unit against its own targets, one line per indicator, furthest behind first.
  const progressRows = dataset.indicators
    .map((indicator) => ({
      indicatorId: indicator.id,
      name: indicator.name,
      href: routes.indicator(indicator.id, 'tien-do'),
      ...progressCell(unitProgress(dataset, input.summaries.get(indicator.id)!, indicator, unitId), indicator),
    }))
    .sort((a, b) => a.sortValue.localeCompare(b.sortValue));
  const countOf = (state: ProgressState) => progressRows.filter((r) => r.state === state).length;
  const progress = {
    rows: progressRows,
    /** "Chậm 2, đạt hoặc vượt 5, chưa có mục tiêu 1 (trên 9 chỉ tiêu)". */
    summary: upperFirst(`${[
      [countOf('cham'), 'chậm'], [countOf('dat') + countOf('vuot'), 'đạt hoặc vượt'],
      [countOf('chua-bao-cao'), 'chưa báo cáo'], [countOf('chua-co-muc-tieu'), 'chưa có mục tiêu'],
    ].filter(([n]) => (n as number) > 0).map(([n, w]) => `${w} ${formatInteger(n as number)}`).join(', ')} (trên ${formatInteger(progressRows.length)} chỉ tiêu)`),
    slowest: progressRows.find((r) => r.state === 'cham') ?? null,
    targetsIllustrative: dataset.unitTargets?.status === 'minh-hoa',
    ruleHref: routes.progress('cach-danh-gia'),
    allHref: routes.progress(),
  };
  return {
    unit,
    progress,
    years: dataset.years,
    baselineLabel: baseline?.label,
    baselineKey: baseline?.key,
    periods,
    groups,
    reported: unitReporting(input.reporting, unitId),
    todo: unitTodo(input.timeline, unit, input.until),
  };
}

export type UnitPageModel = ReturnType<typeof unitPageModel>;
