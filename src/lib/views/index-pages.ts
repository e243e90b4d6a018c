// The view models of the listing pages that used to compute in their frontmatter: /tinh-hinh-bao-cao/
// (who has reported what), /chi-tieu/ (the indicators by group), /don-vi/ (the units by kind) and
// each programme's page. The pages render these and compute nothing.
import type { ScheduleItem } from '../documents/schedule.ts';
import { lateCongressWindow } from '../documents/schedule.ts';
import { formatPartialDate, mustParsePartialDate } from '../documents/dates.ts';
import { programmeSymbol, type ProgrammeLike } from '../citations/programmes.ts';
import type { Dataset } from '../indicators/dataset.ts';
import { groupsOf } from '../indicators/groups.ts';
import type { ReportingStatus } from '../indicators/reporting.ts';

/** The symbol of a unit's state in the reporting table (the key under the table says what each means). */
export const REPORTING_SYMBOLS = { du: '✓', thieu: '◐', chua: '✗' } as const;

/** /tinh-hinh-bao-cao/: the status, the names its cells need, the units still owing and the table's width. */
export function reportingPageModel(dataset: Dataset, status: ReportingStatus) {
  const units = status.groups.flatMap((g) => g.units);
  return {
    status,
    indicatorName: new Map(dataset.indicators.map((i) => [i.id, i.name])),
    periodLabel: new Map(status.periods.map((p) => [p.key, p.label])),
    owing: units.filter((u) => u.state !== 'du'),
    /** Unit, the periods, its state, and its receipt when the office keeps them. */
    columns: 1 + status.periods.length + 1 + (status.receipts ? 1 : 0),
    symbol: REPORTING_SYMBOLS,
  };
}

/** /chi-tieu/: the indicators in the edition's groups, and the evaluated years as the page says them. */
export function indicatorsPageModel(dataset: Dataset) {
  return {
    groups: groupsOf(dataset.indicators).map((g) => ({ group: g.group, label: g.label, items: g.indicators })),
    span: `${dataset.years[0]} – ${dataset.years.at(-1)}`,
  };
}

/** /don-vi/: the units by kind, in the edition's order of kinds (kinds without units left out). */
export function unitsPageModel<T extends Pick<ScheduleItem, 'kind' | 'appliesTo'>>(dataset: Dataset, unitTypes: Readonly<Record<string, string>>, timeline: readonly T[]) {
  return {
    groups: Object.entries(unitTypes)
      .map(([type, label]) => ({ type, label, units: dataset.units.filter((u) => u.type === type) }))
      .filter((g) => g.units.length > 0),
    /** The plan's window for units whose congress was late ("Đến tháng …"), from its `until` entry. */
    lateWindow: lateCongressWindow(timeline),
    hasIllustrativeNames: dataset.units.some((u) => u.nameSource === 'minh-hoa'),
  };
}

/** A programme's page: its symbol, issue day and year, and the indicators that report on it. */
export function programmePageModel(programme: ProgrammeLike, dataset: Dataset) {
  return {
    symbol: programmeSymbol(programme),
    issued: formatPartialDate(mustParsePartialDate(programme.data.issueDate)),
    year: programme.data.issueDate.slice(0, 4),
    indicators: dataset.indicators.filter((i) => i.programmes.includes(programme.id)),
  };
}
