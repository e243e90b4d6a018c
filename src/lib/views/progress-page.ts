// What /tien-do/ shows, computed here so that the page only renders it: the whole's progress on
// each indicator, a summary in words of who is behind where, and each unit's verdicts grouped by
// kind of unit. Every verdict comes from progressOf (progress.ts), under the rule it states.
import type { IndicatorSummary, Quantity } from '../indicators/aggregate.ts';
import type { Dataset, Indicator } from '../indicators/dataset.ts';
import { formatInteger, formatQuantity, formatTarget } from '../indicators/format.ts';
import {
  formatExpectedCount, formatShareTenths, progressOf, progressSortValue,
  PROGRESS_BASES, PROGRESS_STATES, type Progress, type ProgressState, type Targets,
} from '../indicators/progress.ts';
import { routes } from '../site/routes.ts';
import { upperFirst } from '../text/vietnamese.ts';

/** The rule, in the words every page that shows a verdict links to. */
export const PROGRESS_RULE = [
  'Chỉ tiêu đếm: cộng kết quả các năm đã đánh giá, so với tổng phân bổ các năm ấy; đơn vị không có phân bổ cho đủ các năm thì so với mục tiêu nhiệm kỳ chia theo số năm (mục tiêu × số năm đã đánh giá ÷ số năm của nhiệm kỳ).',
  'Chỉ tiêu tỷ lệ: lấy tỷ lệ của năm cuối được đánh giá, so với phân bổ năm ấy, hoặc với mục tiêu nhiệm kỳ.',
  'Tốt hơn mức ấy (theo chiều đánh giá của chỉ tiêu: càng cao hay càng thấp càng tốt) là "Vượt", bằng là "Đạt", kém hơn là "Chậm". Thiếu số liệu một năm cần cho phép so sánh là "Chưa báo cáo"; không có mục tiêu là "Chưa có mục tiêu", không bao giờ tự suy ra.',
] as const;

/** One verdict as the pages show it: the words, and the figures behind them. */
export interface ProgressCell {
  state: ProgressState;
  label: string;
  /** "18.532 / 10.902 (170,0%)", "72,3% / 68,0%", "thiếu năm 2019", "chưa có mục tiêu". */
  detail: string;
  /** How the level was set ("tổng phân bổ các năm"), when there is one. */
  basis?: string;
  /** Sorts the furthest behind first. */
  sortValue: string;
}

function expectedText(progress: Progress, indicator: Pick<Indicator, 'kind'>): string {
  const e = progress.expected!;
  return indicator.kind === 'count' ? formatExpectedCount(e) : formatTarget(e.numerator / e.denominator, 'rate');
}

export function progressCell(progress: Progress, indicator: Pick<Indicator, 'kind' | 'direction'>): ProgressCell {
  let detail: string;
  if (progress.state === 'chua-co-muc-tieu') detail = '';
  else if (progress.state === 'chua-bao-cao') detail = `thiếu số liệu năm ${progress.missingYears.join(', ')}`;
  else {
    // A count's share of its level says how far along it is; a rate's two per cents already say it.
    const share = progress.shareTenths === null || indicator.kind === 'rate' ? '' : ` (${formatShareTenths(progress.shareTenths)})`;
    detail = `${formatQuantity(progress.result)} / ${expectedText(progress, indicator)}${share}`;
  }
  return {
    state: progress.state,
    label: progress.label,
    detail,
    ...(progress.basis ? { basis: PROGRESS_BASES[progress.basis] } : {}),
    sortValue: progressSortValue(progress, indicator.direction),
  };
}

/** The verdict of one unit on one indicator, from the dataset's rows and the unit's targets. */
export function unitProgress(dataset: Dataset, summary: IndicatorSummary, indicator: Indicator, unitId: string): Progress {
  const unit = summary.units.find((u) => u.unitId === unitId);
  const targets: Targets | undefined = dataset.unitTargets?.byUnit[unitId]?.[indicator.id];
  return progressOf({
    kind: indicator.kind, direction: indicator.direction, years: dataset.years, term: dataset.meta.term,
    values: dataset.years.map((y) => unit?.years.find((uy) => uy.year === y)?.value ?? null),
    targets,
  });
}

/** The whole's verdict on one indicator: its totals against the indicator's own targets. */
export function wholeProgress(dataset: Dataset, summary: IndicatorSummary, indicator: Indicator): Progress {
  // The whole is "reported" for a year when every unit has: a partial total would read as behind.
  const values: (Quantity | null)[] = dataset.years.map((y) => {
    const year = summary.years.find((r) => r.year === y);
    return year && year.missingUnits.length === 0 ? year.total : null;
  });
  const hasTarget = indicator.termTarget !== undefined || Object.keys(indicator.annualTargets).length > 0;
  return progressOf({
    kind: indicator.kind, direction: indicator.direction, years: dataset.years, term: dataset.meta.term, values,
    targets: hasTarget ? { term: indicator.termTarget, annual: indicator.annualTargets } : null,
  });
}

/**
 * Bounds that keep /tien-do/ within the 100 KB page budget at 200 units × 50 indicators: the
 * furthest behind are named, the rest counted with a link to where they are listed in full (the
 * indicator's or the unit's page, and tien-do.csv of the data package).
 */
export const PROGRESS_PAGE_LIMITS = { unitsNamedPerIndicator: 5, indicatorsNamedPerUnit: 3, gridCells: 2000, manyUnits: 50 } as const;

export interface ProgressPageInput {
  dataset: Dataset;
  summaries: ReadonlyMap<string, IndicatorSummary>;
}

export function progressPageModel({ dataset, summaries }: ProgressPageInput) {
  // With many units, fewer names per line: the page stays one read, and within its budget.
  const many = dataset.units.length > PROGRESS_PAGE_LIMITS.manyUnits;
  const unitsNamed = many ? 3 : PROGRESS_PAGE_LIMITS.unitsNamedPerIndicator;
  const indicatorsNamed = many ? 0 : PROGRESS_PAGE_LIMITS.indicatorsNamedPerUnit;
  const indicators = dataset.indicators.map((indicator, i) => ({ indicator, number: i + 1, summary: summaries.get(indicator.id)! }));
  const scope = upperFirst(dataset.edition.scope);
  const whole = indicators.map(({ indicator, number, summary }) => ({
    number,
    indicatorId: indicator.id,
    name: indicator.name,
    href: routes.indicator(indicator.id, 'tien-do'),
    cell: progressCell(wholeProgress(dataset, summary, indicator), indicator),
  }));

  const verdicts = new Map<string, Map<string, Progress>>();
  for (const unit of dataset.units) {
    verdicts.set(unit.id, new Map(indicators.map(({ indicator, summary }) => [indicator.id, unitProgress(dataset, summary, indicator, unit.id)])));
  }
  const cellOf = (unitId: string, indicator: Indicator) => progressCell(verdicts.get(unitId)!.get(indicator.id)!, indicator);

  // Who is behind where, furthest behind first: one sentence per indicator with a unit behind.
  const behind = indicators.flatMap(({ indicator }) => {
    const slow = dataset.units
      .map((u) => ({ unit: u, cell: cellOf(u.id, indicator) }))
      .filter((x) => x.cell.state === 'cham')
      .sort((a, b) => a.cell.sortValue.localeCompare(b.cell.sortValue));
    if (slow.length === 0) return [];
    const named = slow.slice(0, unitsNamed);
    const rest = slow.length - named.length;
    return [{
      indicatorId: indicator.id,
      text: `${formatInteger(slow.length)} đơn vị chậm ở chỉ tiêu ${indicator.name}: ${named.map((s) => `${s.unit.shortName} (${s.cell.detail})`).join('; ')}${rest > 0 ? `; và ${formatInteger(rest)} đơn vị khác` : ''}.`,
      /** Where every unit behind is listed, when some are not named here. */
      more: rest > 0 ? { href: routes.indicator(indicator.id, 'tien-do'), label: `Xem cả ${formatInteger(slow.length)} đơn vị` } : null,
      furthest: { unitId: slow[0]!.unit.id, name: slow[0]!.unit.shortName },
    }];
  });

  const stateOrder = Object.keys(PROGRESS_STATES) as ProgressState[];
  const groups = Object.entries(dataset.edition.unitTypes)
    .map(([type, label]) => ({
      type,
      label,
      units: dataset.units.filter((u) => u.type === type).map((unit) => {
        const cells = indicators.map(({ indicator, number }) => ({ number, indicatorId: indicator.id, name: indicator.name, ...cellOf(unit.id, indicator) }));
        const count = (state: ProgressState) => cells.filter((c) => c.state === state).length;
        return {
          unitId: unit.id,
          name: unit.name,
          shortName: unit.shortName,
          href: routes.unit(unit.id, 'tien-do'),
          cells,
          /** The indicators it is behind on, furthest first (the first few): the key information, readable on a phone. */
          slow: cells.filter((c) => c.state === 'cham').sort((a, b) => a.sortValue.localeCompare(b.sortValue)).slice(0, indicatorsNamed),
          /** Indicators behind but not named above, counted, with the unit's page listing them all. */
          slowNotNamed: Math.max(0, count('cham') - indicatorsNamed),
          /** The link to them: "và 2 chỉ tiêu chậm khác", or "Chậm 21 chỉ tiêu" where none is named. */
          moreSlow: count('cham') > indicatorsNamed
            ? { href: routes.unit(unit.id, 'tien-do'), text: indicatorsNamed > 0 ? `và ${formatInteger(count('cham') - indicatorsNamed)} chỉ tiêu chậm khác` : `Chậm ${formatInteger(count('cham'))} chỉ tiêu` }
            : null,
          counts: Object.fromEntries(stateOrder.map((s) => [s, count(s)])) as Record<ProgressState, number>,
          /** "Đạt, vượt 5 · chưa báo cáo 1 · chưa có mục tiêu 1": the rest, in one line. */
          others: [
            [count('dat') + count('vuot'), 'đạt, vượt'],
            [count('chua-bao-cao'), 'chưa báo cáo'],
            [count('chua-co-muc-tieu'), 'chưa có mục tiêu'],
          ].filter(([n]) => (n as number) > 0).map(([n, what]) => `${what} ${formatInteger(n as number)}`).join(' · '),
        };
      }),
    }))
    .filter((g) => g.units.length > 0);

  const totals = Object.fromEntries(stateOrder.map((s) => [s, [...verdicts.values()].filter((m) => [...m.values()].some((p) => p.state === s)).length])) as Record<ProgressState, number>;
  const slowUnits = totals.cham;
  return {
    scope,
    years: dataset.years,
    rule: PROGRESS_RULE,
    targetsSource: dataset.unitTargets ? { text: dataset.unitTargets.source, illustrative: dataset.unitTargets.status === 'minh-hoa' } : null,
    indicators: indicators.map(({ indicator, number }) => ({ number, id: indicator.id, name: indicator.name, unitLabel: indicator.unitLabel, href: routes.indicator(indicator.id) })),
    whole,
    behind,
    /** One sentence for the top of the page. */
    headline: dataset.unitTargets
      ? slowUnits === 0
        ? `Chưa có đơn vị nào chậm so với mục tiêu của mình ở các chỉ tiêu có mục tiêu.`
        : `${formatInteger(slowUnits)}/${formatInteger(dataset.units.length)} đơn vị chậm ở ít nhất một chỉ tiêu so với mục tiêu của chính đơn vị.`
      : 'Trang chưa có mục tiêu riêng của các đơn vị, nên chưa đánh giá tiến độ của từng đơn vị; tiến độ chung theo mục tiêu của cả tổ chức ở bảng dưới.',
    groups,
    /** The unit × indicator grid, when it fits the page; otherwise the data package carries it. */
    grid: dataset.units.length * indicators.length <= PROGRESS_PAGE_LIMITS.gridCells,
    unitCount: dataset.units.length,
    dataPackageHref: routes.dataPackage(),
  };
}

export type ProgressPageModel = ReturnType<typeof progressPageModel>;
