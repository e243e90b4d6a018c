// Province-wide aggregation of indicator results. Counts are summed as exact integers; rates
// are aggregated as Σnumerator / Σdenominator, never as an average of unit percentages. A unit
// with no row for a year is "chưa báo cáo" (null), never zero.
import type { ResultRow } from './results-csv.ts';
import { rowsWhere } from './row-index.ts';

export type Quantity =
  | { kind: 'count'; value: number }
  | { kind: 'rate'; numerator: number; denominator: number };

/**
 * `chua-co-so-lieu`: a target exists but no unit has reported yet. `chua-co-phan-bo-nam`: no
 * allocation to judge by, but the indicator has a term target (so "no target" would be untrue);
 * `chua-co-muc-tieu`: neither.
 */
export type Status = 'vuot' | 'dat' | 'chua-dat' | 'chua-co-phan-bo-nam' | 'chua-co-muc-tieu' | 'chua-co-so-lieu';

export interface IndicatorInput {
  id: string;
  kind: 'count' | 'rate';
  direction: 'cao-hon-la-tot' | 'thap-hon-la-tot';
  termTarget?: number | undefined;
  annualTargets: Record<string, number>;
}

export interface YearResult {
  year: number;
  /** Sum over the units that reported; null when none did. */
  total: Quantity | null;
  reportedUnits: number;
  /** Units with no row for this year ("chưa báo cáo"). */
  missingUnits: string[];
  /** The year's allocation: a count, or a per-cent level for a rate. */
  target: number | null;
  status: Status;
}

export interface UnitYear {
  year: number;
  value: Quantity | null;
  note: string;
}

export interface UnitResult {
  unitId: string;
  years: UnitYear[];
  baseline: Quantity | null;
  /** Cumulative count over the reported years, or the rate of the latest year. */
  result: Quantity | null;
  /** Every year reported (for rates: the latest year reported). */
  complete: boolean;
  /** Competition ranking (1, 2, 2, 4) among complete units; null when incomplete. */
  rank: number | null;
}

export interface IndicatorSummary {
  indicatorId: string;
  kind: 'count' | 'rate';
  years: YearResult[];
  /** Counts: running total after each year; rates: the year's rate (a level is not cumulative). */
  cumulative: { year: number; total: Quantity | null }[];
  /** Result of the review period: the cumulative count, or the latest year's rate. */
  result: Quantity | null;
  /** What `result` is judged against: Σ allocations of the years (counts), the latest year's allocation (rates). */
  periodTarget: number | null;
  status: Status;
  termTarget: number | null;
  /** result ÷ termTarget as an exact fraction (percent = 100 × numerator / denominator). */
  termShare: { numerator: number; denominator: number } | null;
  baseline: Quantity | null;
  units: UnitResult[];
  /** Every unit reported every year. */
  complete: boolean;
}

function add(a: Quantity | null, b: Quantity): Quantity {
  if (!a) return b;
  if (a.kind === 'count' && b.kind === 'count') return { kind: 'count', value: a.value + b.value };
  if (a.kind === 'rate' && b.kind === 'rate') return { kind: 'rate', numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
  throw new Error('không cộng được số đếm với tỷ lệ');
}

export function quantityOf(row: ResultRow, kind: 'count' | 'rate'): Quantity {
  if (kind === 'count') {
    if (row.value === undefined) throw new Error(`${row.file}:${row.line}: thiếu gia_tri`);
    return { kind, value: row.value };
  }
  if (row.numerator === undefined || row.denominator === undefined) throw new Error(`${row.file}:${row.line}: thiếu tu_so hoặc mau_so`);
  return { kind, numerator: row.numerator, denominator: row.denominator };
}

/**
 * Compares a quantity with another or with a target, exactly: -1 below, 0 equal, 1 above.
 * Rate targets are per cent with at most two decimals, compared as hundredths of a per cent.
 */
export function compareToTarget(q: Quantity, target: number): -1 | 0 | 1 {
  if (q.kind === 'count') return Math.sign(q.value - target) as -1 | 0 | 1;
  const lhs = BigInt(q.numerator) * 10_000n;
  const rhs = BigInt(Math.round(target * 100)) * BigInt(q.denominator);
  return lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.kind === 'count' && b.kind === 'count') return Math.sign(a.value - b.value) as -1 | 0 | 1;
  if (a.kind === 'rate' && b.kind === 'rate') {
    const lhs = BigInt(a.numerator) * BigInt(b.denominator);
    const rhs = BigInt(b.numerator) * BigInt(a.denominator);
    return lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
  }
  throw new Error('không so sánh được số đếm với tỷ lệ');
}

/**
 * The verdict of a result against the allocation it is judged by (`target`). Without one, the
 * words say which target is missing: the annual allocation when a term target exists.
 */
export function statusOf(q: Quantity | null, target: number | null, direction: IndicatorInput['direction'], termTarget: number | null = null): Status {
  if (target === null) return termTarget === null ? 'chua-co-muc-tieu' : 'chua-co-phan-bo-nam';
  if (q === null) return 'chua-co-so-lieu';
  const cmp = compareToTarget(q, target) * (direction === 'cao-hon-la-tot' ? 1 : -1);
  return cmp > 0 ? 'vuot' : cmp === 0 ? 'dat' : 'chua-dat';
}

/** Per cent in tenths, rounded half up, in exact integer arithmetic: 2/3 → 667 (66,7 %). */
export function percentTenths(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new Error('mẫu số phải lớn hơn 0');
  const n = BigInt(numerator) * 2000n + BigInt(denominator);
  return Number(n / (2n * BigInt(denominator)));
}

/** Competition ranking of [key, quantity] pairs, best first. */
export function rank(items: { key: string; value: Quantity }[], direction: IndicatorInput['direction']): Map<string, number> {
  const sign = direction === 'cao-hon-la-tot' ? -1 : 1;
  const sorted = [...items].sort((a, b) => sign * compareQuantities(a.value, b.value) || a.key.localeCompare(b.key));
  const ranks = new Map<string, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    ranks.set(item.key, previous && compareQuantities(previous.value, item.value) === 0 ? (ranks.get(previous.key) as number) : index + 1);
  });
  return ranks;
}

/**
 * A result as an exact fraction of a target (percent = 100 × numerator ÷ denominator); null
 * without a positive target. For a rate: (num/den) ÷ (t/100) = num·10 000 ÷ (den · t in hundredths).
 */
export function shareOfTarget(q: Quantity | null, target: number | null): { numerator: number; denominator: number } | null {
  if (!q || target === null || target <= 0) return null;
  return q.kind === 'count'
    ? { numerator: q.value, denominator: target }
    : { numerator: q.numerator * 10_000, denominator: q.denominator * Math.round(target * 100) };
}

export function aggregateIndicator(
  indicator: IndicatorInput,
  unitIds: readonly string[],
  rows: readonly ResultRow[],
  years: readonly number[],
  baselineKey?: string,
): IndicatorSummary {
  const own = rowsWhere(rows, 'indicator', indicator.id);
  const cell = new Map(own.map((row) => [`${row.unit}|${row.period}`, row]));
  const valueAt = (unit: string, period: string): { value: Quantity | null; note: string } => {
    const row = cell.get(`${unit}|${period}`);
    return row ? { value: quantityOf(row, indicator.kind), note: row.note } : { value: null, note: '' };
  };
  const target = (year: number): number | null => indicator.annualTargets[String(year)] ?? null;
  const termTarget = indicator.termTarget ?? null;

  const yearResults: YearResult[] = years.map((year) => {
    let total: Quantity | null = null;
    const missingUnits: string[] = [];
    for (const unit of unitIds) {
      const { value } = valueAt(unit, String(year));
      if (value) total = add(total, value);
      else missingUnits.push(unit);
    }
    return {
      year, total, reportedUnits: unitIds.length - missingUnits.length, missingUnits,
      target: target(year), status: statusOf(total, target(year), indicator.direction, termTarget),
    };
  });

  let running: Quantity | null = null;
  const cumulative = yearResults.map(({ year, total }) => {
    if (indicator.kind === 'rate') return { year, total };
    if (total) running = add(running, total);
    return { year, total: running };
  });

  const latest = yearResults.at(-1);
  const result = indicator.kind === 'count' ? (cumulative.at(-1)?.total ?? null) : (latest?.total ?? null);
  const allocations = yearResults.map((y) => y.target);
  const periodTarget =
    indicator.kind === 'count'
      ? (allocations.length > 0 && allocations.every((t) => t !== null) ? allocations.reduce<number>((sum, t) => sum + (t as number), 0) : null)
      : (latest?.target ?? null);

  const termShare = shareOfTarget(result, termTarget);

  let baseline: Quantity | null = null;
  const units: UnitResult[] = unitIds.map((unitId) => {
    const unitYears = years.map((year) => ({ year, ...valueAt(unitId, String(year)) }));
    const base = baselineKey ? valueAt(unitId, baselineKey).value : null;
    if (base) baseline = add(baseline, base);
    let unitResult: Quantity | null = null;
    let complete: boolean;
    if (indicator.kind === 'count') {
      for (const y of unitYears) if (y.value) unitResult = add(unitResult, y.value);
      complete = unitYears.every((y) => y.value !== null);
    } else {
      unitResult = unitYears.at(-1)?.value ?? null;
      complete = unitResult !== null;
    }
    return { unitId, years: unitYears, baseline: base, result: unitResult, complete, rank: null };
  });
  const ranks = rank(units.filter((u) => u.complete && u.result).map((u) => ({ key: u.unitId, value: u.result as Quantity })), indicator.direction);
  for (const unit of units) unit.rank = ranks.get(unit.unitId) ?? null;

  return {
    indicatorId: indicator.id,
    kind: indicator.kind,
    years: yearResults,
    cumulative,
    result,
    periodTarget,
    status: statusOf(result, periodTarget, indicator.direction, termTarget),
    termTarget,
    termShare,
    baseline,
    units,
    complete: yearResults.every((y) => y.missingUnits.length === 0),
  };
}

/** Units best first; unranked (incomplete) units last, in their listed order. */
export function unitsByRank(s: IndicatorSummary): UnitResult[] {
  return [...s.units].sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}

/** Every indicator of a validated dataset, aggregated over all its units and years, by indicator id. */
export function aggregateDataset(dataset: {
  indicators: readonly IndicatorInput[];
  units: readonly { id: string }[];
  rows: readonly ResultRow[];
  years: readonly number[];
  meta: { baseline?: { key: string } | undefined };
}): Map<string, IndicatorSummary> {
  const unitIds = dataset.units.map((u) => u.id);
  return new Map(
    dataset.indicators.map((indicator) => [
      indicator.id,
      aggregateIndicator(indicator, unitIds, dataset.rows, dataset.years, dataset.meta.baseline?.key),
    ]),
  );
}
