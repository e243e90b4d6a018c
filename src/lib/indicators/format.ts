// Presentation of aggregated figures in Vietnamese: numbers in vi-VN, per cents to one decimal
// (from exact fractions), status labels and one-sentence summaries of each chart.
import { percentTenths, type IndicatorSummary, type Quantity, type Status } from './aggregate.ts';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const statusLabels: Record<Status, string> = {
  'vuot': 'Vượt',
  'dat': 'Đạt',
  'chua-dat': 'Chưa đạt',
  'chua-co-phan-bo-nam': 'Chưa có phân bổ năm',
  'chua-co-muc-tieu': 'Chưa có mục tiêu',
  'chua-co-so-lieu': 'Chưa có số liệu',
};

/** The symbol beside each verdict, so colour is never the only cue (and it prints in black). */
export const statusSymbols: Record<Status, string> = {
  'vuot': '▲',
  'dat': '●',
  'chua-dat': '▼',
  'chua-co-phan-bo-nam': '◇',
  'chua-co-muc-tieu': '○',
  'chua-co-so-lieu': '…',
};

export const NOT_REPORTED = 'chưa báo cáo';

export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "66,7%" from an exact fraction. */
export function formatPercent(numerator: number, denominator: number): string {
  return `${oneDecimal.format(percentTenths(numerator, denominator) / 10)}%`;
}

/** A target as written in the definition: "25.000" or "72,5%". */
export function formatTarget(target: number, kind: 'count' | 'rate'): string {
  return kind === 'count' ? integer.format(target) : `${twoDecimals.format(target)}%`;
}

/** "25.310" for a count, "66,7%" for a rate; "chưa báo cáo" for no data. */
export function formatQuantity(q: Quantity | null): string {
  if (!q) return NOT_REPORTED;
  return q.kind === 'count' ? integer.format(q.value) : formatPercent(q.numerator, q.denominator);
}

/** "66,7% (1.234/1.850)": a rate with the counts it comes from. */
export function formatQuantityDetailed(q: Quantity | null): string {
  if (!q || q.kind === 'count') return formatQuantity(q);
  return `${formatPercent(q.numerator, q.denominator)} (${integer.format(q.numerator)}/${integer.format(q.denominator)})`;
}

/** Plain number for charts and CSV: the count, or the per cent to one decimal (66.7). */
export function chartNumber(q: Quantity | null): number | null {
  if (!q) return null;
  return q.kind === 'count' ? q.value : percentTenths(q.numerator, q.denominator) / 10;
}

/** `unit`: the label of the unit of measure ("đoàn viên"); a rate carries its "%" already. */
function withUnit(text: string, kind: 'count' | 'rate', unit: string): string {
  return kind === 'count' ? `${text} ${unit}` : text;
}

function missingClause(missing: number): string {
  return missing > 0 ? ` (${integer.format(missing)} đơn vị chưa báo cáo)` : '';
}

/** One sentence for the "results by year against the allocation" chart. */
export function summariseByYear(s: IndicatorSummary, unit: string, scope: string): string {
  const latest = s.years.at(-1);
  if (!latest) return 'Chưa có số liệu của năm nào.';
  const met = s.years.filter((y) => y.status === 'vuot' || y.status === 'dat').length;
  const withTarget = s.years.filter((y) => y.target !== null).length;
  const value = latest.total ? withUnit(formatQuantity(latest.total), s.kind, unit) : NOT_REPORTED;
  const against = latest.target === null
    ? 'năm này chưa có phân bổ'
    : `phân bổ ${withUnit(formatTarget(latest.target, s.kind), s.kind, unit)}, ${statusLabels[latest.status].toLowerCase()}`;
  const years = withTarget > 0 ? `; ${integer.format(met)}/${integer.format(withTarget)} năm có phân bổ đạt hoặc vượt` : '';
  return `Năm ${latest.year}, ${scope}: ${value}${missingClause(latest.missingUnits.length)}, ${against}${years}.`;
}

/** One sentence for the "cumulative against the term target" chart. */
export function summariseCumulative(s: IndicatorSummary, unit: string): string {
  const first = s.years[0]?.year;
  const last = s.years.at(-1)?.year;
  if (!s.result || first === undefined || last === undefined) return 'Chưa có số liệu.';
  const span = first === last ? `năm ${first}` : `${first} – ${last}`;
  const head = s.kind === 'count'
    ? `Lũy kế ${span}: ${withUnit(formatQuantity(s.result), s.kind, unit)}`
    : `Tỷ lệ năm ${last}: ${formatQuantity(s.result)}`;
  const share = s.termTarget === null
    ? 'chưa có mục tiêu nhiệm kỳ'
    : s.termShare
      ? `bằng ${formatPercent(s.termShare.numerator, s.termShare.denominator)} mục tiêu nhiệm kỳ (${withUnit(formatTarget(s.termTarget, s.kind), s.kind, unit)})`
      : `mục tiêu nhiệm kỳ ${withUnit(formatTarget(s.termTarget, s.kind), s.kind, unit)}`;
  return `${head}, ${share}.`;
}

/** One sentence for the "results by unit" chart. */
export function summariseByUnit(s: IndicatorSummary, unitName: (id: string) => string, unit: string): string {
  const ranked = s.units.filter((u) => u.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  const incomplete = s.units.length - ranked.length;
  const top = ranked.filter((u) => u.rank === 1);
  if (top.length === 0) return 'Chưa đơn vị nào báo cáo đủ số liệu.';
  const lastYear = s.years.at(-1)?.year;
  const what = s.kind === 'count' ? 'lũy kế' : lastYear === undefined ? 'tỷ lệ' : `tỷ lệ năm ${lastYear}`;
  const leaders = top.map((u) => unitName(u.unitId)).join(', ');
  const value = withUnit(formatQuantity(top[0]?.result ?? null), s.kind, unit);
  const rest = incomplete > 0 ? `; ${integer.format(incomplete)} đơn vị chưa báo cáo đủ, không xếp hạng` : '';
  return `Dẫn đầu về ${what}: ${leaders} (${value})${rest}.`;
}

/** data-sort-value for a table cell: the count, or the per cent in tenths; empty when not reported. */
export function sortKey(q: Quantity | null): string {
  if (!q) return '';
  return q.kind === 'count' ? String(q.value) : String(percentTenths(q.numerator, q.denominator));
}
