// Progress of a unit (or of the whole organisation) towards its term target, under one written
// rule (README, "Tiến độ so với mục tiêu"; the same words on /tien-do/):
// - what is judged: a count's cumulative result over the evaluated years, a rate's latest year;
// - against what: for a count, the sum of its annual allocations for those years when it has one
//   for each of them, otherwise the term target pro rata (target × evaluated years ÷ years of the
//   term); for a rate, the allocation of the latest evaluated year, otherwise the term target;
// - the verdict, with the indicator's direction: better than that level "Vượt", equal "Đạt",
//   worse "Chậm"; no target "Chưa có mục tiêu"; a year missing "Chưa báo cáo".
// Every comparison is exact (BigInt): a verdict never turns on a rounding.
import { percentTenths, type Quantity } from './aggregate.ts';
import { formatInteger } from './format.ts';

/** The verdicts, in the order a leader reads them (behind first); words first, colour second. */
export const PROGRESS_STATES = {
  cham: 'Chậm',
  'chua-bao-cao': 'Chưa báo cáo',
  'chua-co-muc-tieu': 'Chưa có mục tiêu',
  dat: 'Đạt',
  vuot: 'Vượt',
} as const;
export type ProgressState = keyof typeof PROGRESS_STATES;

/** How the level judged against was set, in words for the page. */
export type ProgressBasis = 'phan-bo' | 'phan-bo-nam-cuoi' | 'ty-le-nhiem-ky' | 'muc-tieu-nhiem-ky';
export const PROGRESS_BASES: Record<ProgressBasis, string> = {
  'phan-bo': 'tổng phân bổ các năm',
  'phan-bo-nam-cuoi': 'phân bổ của năm cuối',
  'ty-le-nhiem-ky': 'mục tiêu nhiệm kỳ chia theo số năm',
  'muc-tieu-nhiem-ky': 'mục tiêu nhiệm kỳ',
};

export interface Targets {
  /** A count's total for the term, or a rate's per-cent level. */
  term?: number | undefined;
  /** Allocations by year. */
  annual: Readonly<Record<string, number>>;
}

export interface ProgressInput {
  kind: 'count' | 'rate';
  direction: 'cao-hon-la-tot' | 'thap-hon-la-tot';
  /** The years evaluated, ascending. */
  years: readonly number[];
  /** The congress term: its length (to − from years) sets the pro-rata share. */
  term: { from: number; to: number };
  /** The figure of each evaluated year, null when not reported. */
  values: readonly (Quantity | null)[];
  /** Null or undefined: no target at all. */
  targets: Targets | null | undefined;
}

export interface Progress {
  state: ProgressState;
  label: string;
  /** The result judged (cumulative count, latest rate); null when a year is missing. */
  result: Quantity | null;
  /**
   * The level expected by the last evaluated year as an exact fraction: a count (numerator ÷
   * denominator units), or a per cent (numerator ÷ denominator %). Null without a target.
   */
  expected: { numerator: number; denominator: number } | null;
  basis: ProgressBasis | null;
  /** Evaluated years with no figure. */
  missingYears: number[];
  /**
   * result ÷ expected in tenths of a per cent (1000 = exactly on track), for sorting and for "61,0 %";
   * null when either is missing or the level expected is zero.
   */
  shareTenths: number | null;
}

function expectedLevel(input: ProgressInput): Pick<Progress, 'expected' | 'basis'> {
  const { targets, years, kind } = input;
  if (!targets) return { expected: null, basis: null };
  if (kind === 'count') {
    const allocations = years.map((y) => targets.annual[String(y)]);
    if (years.length > 0 && allocations.every((a) => a !== undefined)) {
      return { expected: { numerator: allocations.reduce<number>((s, a) => s + (a as number), 0), denominator: 1 }, basis: 'phan-bo' };
    }
    const termYears = input.term.to - input.term.from;
    if (targets.term === undefined || termYears <= 0) return { expected: null, basis: null };
    // Whole years evaluated out of the term's years, never more than the whole target.
    const share = Math.min(years.length, termYears);
    return { expected: { numerator: targets.term * share, denominator: termYears }, basis: share === termYears ? 'muc-tieu-nhiem-ky' : 'ty-le-nhiem-ky' };
  }
  const latest = years.at(-1);
  const allocation = latest === undefined ? undefined : targets.annual[String(latest)];
  if (allocation !== undefined) return { expected: { numerator: Math.round(allocation * 100), denominator: 100 }, basis: 'phan-bo-nam-cuoi' };
  if (targets.term === undefined) return { expected: null, basis: null };
  return { expected: { numerator: Math.round(targets.term * 100), denominator: 100 }, basis: 'muc-tieu-nhiem-ky' };
}

/** result vs expected, exactly: -1 below, 0 equal, 1 above. */
function compare(result: Quantity, expected: { numerator: number; denominator: number }): -1 | 0 | 1 {
  // count: value vs n/d  ⇔ value·d vs n;  rate: (num/den)·100 vs n/d  ⇔ num·100·d vs n·den.
  const [lhs, rhs] = result.kind === 'count'
    ? [BigInt(result.value) * BigInt(expected.denominator), BigInt(expected.numerator)]
    : [BigInt(result.numerator) * 100n * BigInt(expected.denominator), BigInt(expected.numerator) * BigInt(result.denominator)];
  return lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
}

function shareTenths(result: Quantity, expected: { numerator: number; denominator: number }): number | null {
  if (expected.numerator <= 0) return null;
  return result.kind === 'count'
    ? percentTenths(result.value * expected.denominator, expected.numerator)
    : percentTenths(result.numerator * 100 * expected.denominator, expected.numerator * result.denominator);
}

/** The verdict of one unit (or the whole) on one indicator. */
export function progressOf(input: ProgressInput): Progress {
  const { expected, basis } = expectedLevel(input);
  const missingYears = input.years.filter((_, i) => !input.values[i]);
  let result: Quantity | null = null;
  if (input.kind === 'count') {
    if (missingYears.length === 0 && input.values.length > 0) {
      result = { kind: 'count', value: input.values.reduce((s, v) => s + (v && v.kind === 'count' ? v.value : 0), 0) };
    }
  } else {
    result = input.values.at(-1) ?? null;
  }
  // A rate is judged on its latest year alone: earlier gaps do not hold it back.
  const missing = input.kind === 'rate' ? (result ? [] : input.years.slice(-1)) : missingYears;
  const state: ProgressState = !expected
    ? 'chua-co-muc-tieu'
    : !result
      ? 'chua-bao-cao'
      : ((c) => (c > 0 ? 'vuot' : c === 0 ? 'dat' : 'cham'))(compare(result, expected) * (input.direction === 'cao-hon-la-tot' ? 1 : -1));
  return {
    state,
    label: PROGRESS_STATES[state],
    result,
    expected,
    basis,
    missingYears: missing,
    shareTenths: result && expected ? shareTenths(result, expected) : null,
  };
}

/** "12.600" or "12.600,6": a count level expected, to one decimal where it is not whole. */
export function formatExpectedCount(expected: { numerator: number; denominator: number }): string {
  if (expected.numerator % expected.denominator === 0) return formatInteger(expected.numerator / expected.denominator);
  const tenths = Math.round((expected.numerator * 10) / expected.denominator);
  return `${formatInteger(Math.trunc(tenths / 10))},${Math.abs(tenths % 10)}`;
}

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "61,0%": a share in tenths of a per cent, written as the site writes every per cent. */
export function formatShareTenths(tenths: number): string {
  return `${oneDecimal.format(tenths / 10)}%`;
}

/**
 * Sort key for "furthest behind first": Chậm, then Chưa báo cáo, Chưa có mục tiêu, Đạt, Vượt; within
 * a state, the furthest from the level first (the smallest share, or for "càng thấp càng tốt" the
 * largest). A whole number written fixed-width, so it sorts the same as a number and as text.
 */
export function progressSortValue(p: Progress, direction: ProgressInput['direction']): string {
  const order = Object.keys(PROGRESS_STATES).indexOf(p.state);
  const share = p.shareTenths === null ? 0 : Math.min(p.shareTenths, 99_999_999);
  return String(order * 1_000_000_000 + (direction === 'cao-hon-la-tot' ? share : 99_999_999 - share)).padStart(10, '0');
}
