// Who has reported what: for each unit and each period of the review (the years of the term up to
// the last year with figures, then the previous-term baseline), how many indicators it has a row
// for out of how many are expected, what is missing, and — when the office keeps
// content/so-lieu/nop-bao-cao.yaml — whether its report arrived by the plan's deadline.
// Pure: /tinh-hinh-bao-cao/, the home page, the unit pages and the missing-items CSV render this.
import type { Dataset, Indicator, Unit } from './dataset.ts';
import { toCsv } from './csv-write.ts';
import { formatInteger, NOT_REPORTED } from './format.ts';
import { formatDayKey, type DayKey } from './plan-dates.ts';

export interface ReportingPeriod {
  /** `nam` of the results files: "2025", or the baseline key. */
  key: string;
  label: string;
}

/** du: every indicator; thieu: some; chua: none. */
export type ReportState = 'du' | 'thieu' | 'chua';

export interface ReportingCell {
  period: string;
  reported: number;
  expected: number;
  /** Ids of the indicators with no row, in the indicators' order. */
  missing: string[];
  state: ReportState;
  /** "9/9", "7/9" or "chưa báo cáo". */
  text: string;
  /** Id of the list item naming what is missing; null when nothing is. */
  missingAnchor: string | null;
}

export interface ReceiptStatus {
  /** "28/01/2026" */
  date: string;
  onTime: boolean;
  daysLate: number;
  /** "Đúng hạn" or "Trễ 3 ngày". */
  label: string;
  note?: string;
}

export interface UnitReporting {
  unitId: string;
  name: string;
  shortName: string;
  cells: ReportingCell[];
  reported: number;
  expected: number;
  state: ReportState;
  /** "Đã báo cáo đủ", "Còn thiếu 5/36 số liệu", "Chưa báo cáo". */
  stateLabel: string;
  /** Only when the office keeps the receipts file: the day received, or null when not yet. */
  receipt?: ReceiptStatus | null;
}

export interface ReportingGroup {
  /** A code of the edition's `unitTypes`. */
  type: string;
  label: string;
  units: UnitReporting[];
}

export interface PeriodTotal {
  period: string;
  completeUnits: number;
  units: number;
  reported: number;
  expected: number;
}

export interface ReportingStatus {
  periods: ReportingPeriod[];
  indicators: number;
  groups: ReportingGroup[];
  totals: PeriodTotal[];
  counts: { units: number; du: number; thieu: number; chua: number };
  completeUnits: 'first' | 'last';
  /** Present when nop-bao-cao.yaml exists. */
  receipts?: {
    file: string;
    /** "trước ngày 01/2/2026", as the plan prints it. */
    asIssued: string;
    /** "31/01/2026": the last day that is on time. */
    lastOnTimeDay: string;
    anchor: string;
    received: number;
    onTime: number;
    late: number;
  };
}

/** The periods a unit reports: term years from the first to the last year with figures, then the baseline. */
export function reportingPeriods(dataset: Pick<Dataset, 'meta' | 'years'>): ReportingPeriod[] {
  const last = Math.max(dataset.meta.term.from, ...dataset.years);
  const years: ReportingPeriod[] = [];
  for (let year = dataset.meta.term.from; year <= Math.min(last, dataset.meta.term.to); year += 1) years.push({ key: String(year), label: String(year) });
  return [...years, ...(dataset.meta.baseline ? [{ key: dataset.meta.baseline.key, label: dataset.meta.baseline.label }] : [])];
}

export const stateLabels: Record<ReportState, string> = { du: 'Đã báo cáo đủ', thieu: 'Còn thiếu', chua: 'Chưa báo cáo' };

const stateOf = (reported: number, expected: number): ReportState => (reported === 0 ? 'chua' : reported >= expected ? 'du' : 'thieu');

export function missingAnchorOf(unitId: string, period: string): string {
  return `thieu-${unitId}-${period}`;
}

function daysBetween(from: DayKey, to: DayKey): number {
  const utc = (k: DayKey) => Date.UTC(Math.floor(k / 10000), (Math.floor(k / 100) % 100) - 1, k % 100);
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function reportingStatus(dataset: Pick<Dataset, 'meta' | 'years' | 'indicators' | 'units' | 'rows' | 'receipts' | 'edition'>): ReportingStatus {
  const periods = reportingPeriods(dataset);
  const have = new Set(dataset.rows.map((r) => `${r.unit}|${r.period}|${r.indicator}`));
  const expected = dataset.indicators.length;
  const log = dataset.receipts;
  const received = new Map((log?.received ?? []).map((r) => [r.unit, r]));

  const unitLine = (unit: Unit): UnitReporting => {
    const cells = periods.map((p): ReportingCell => {
      const missing = dataset.indicators.filter((i) => !have.has(`${unit.id}|${p.key}|${i.id}`)).map((i) => i.id);
      const reported = expected - missing.length;
      const state = stateOf(reported, expected);
      return {
        period: p.key, reported, expected, missing, state,
        text: state === 'chua' ? NOT_REPORTED : `${formatInteger(reported)}/${formatInteger(expected)}`,
        missingAnchor: missing.length > 0 ? missingAnchorOf(unit.id, p.key) : null,
      };
    });
    const reported = cells.reduce((n, c) => n + c.reported, 0);
    const all = expected * periods.length;
    const state = stateOf(reported, all);
    const line: UnitReporting = {
      unitId: unit.id, name: unit.name, shortName: unit.shortName, cells, reported, expected: all, state,
      stateLabel: state === 'thieu' ? `Còn thiếu ${formatInteger(all - reported)}/${formatInteger(all)} số liệu` : stateLabels[state],
    };
    if (log) {
      const r = received.get(unit.id);
      if (!r) line.receipt = null;
      else {
        const late = Math.max(0, daysBetween(log.plan.lastOnTimeDay, r.date));
        line.receipt = {
          date: formatDayKey(r.date), onTime: late === 0, daysLate: late,
          label: late === 0 ? 'Đúng hạn' : `Trễ ${formatInteger(late)} ngày`,
          ...(r.note ? { note: r.note } : {}),
        };
      }
    }
    return line;
  };

  const completeUnits = log?.completeUnits ?? 'last';
  const lines = dataset.units.map(unitLine);
  const unitTypes = dataset.edition.unitTypes;
  const groups = Object.keys(unitTypes)
    .map((type) => {
      const own = lines.filter((_, i) => dataset.units[i]!.type === type);
      // Stable: within "complete" and "not complete" the units keep their listed order.
      const done = own.filter((u) => u.state === 'du');
      const open = own.filter((u) => u.state !== 'du');
      return { type, label: unitTypes[type]!, units: completeUnits === 'first' ? [...done, ...open] : [...open, ...done] };
    })
    .filter((g) => g.units.length > 0);

  const totals = periods.map((p, index): PeriodTotal => ({
    period: p.key,
    completeUnits: lines.filter((u) => u.cells[index]!.state === 'du').length,
    units: lines.length,
    reported: lines.reduce((n, u) => n + u.cells[index]!.reported, 0),
    expected: lines.length * expected,
  }));

  const count = (state: ReportState) => lines.filter((u) => u.state === state).length;
  const status: ReportingStatus = {
    periods, indicators: expected, groups, totals, completeUnits,
    counts: { units: lines.length, du: count('du'), thieu: count('thieu'), chua: count('chua') },
  };
  if (log) {
    const receipts = lines.map((u) => u.receipt).filter((r): r is ReceiptStatus => Boolean(r));
    status.receipts = {
      file: log.file, asIssued: log.plan.asIssued, lastOnTimeDay: formatDayKey(log.plan.lastOnTimeDay), anchor: log.plan.anchor,
      received: receipts.length, onTime: receipts.filter((r) => r.onTime).length, late: receipts.filter((r) => !r.onTime).length,
    };
  }
  return status;
}

/** A unit's line of the status, for its page's badge. */
export function unitReporting(status: ReportingStatus, unitId: string): UnitReporting {
  const line = status.groups.flatMap((g) => g.units).find((u) => u.unitId === unitId);
  if (!line) throw new Error(`Không có đơn vị "${unitId}" trong tình hình báo cáo`);
  return line;
}

/** "15/18 đơn vị đủ; 150/162 số liệu" */
export function totalText(t: PeriodTotal): string {
  return `${formatInteger(t.completeUnits)}/${formatInteger(t.units)} đơn vị đủ; ${formatInteger(t.reported)}/${formatInteger(t.expected)} số liệu`;
}

export const MISSING_CSV_COLUMNS = ['don_vi', 'ten_don_vi', 'nam', 'ky_bao_cao', 'chi_tieu', 'ten_chi_tieu', 'ngay_nhan'] as const;

/** One line per missing unit × period × indicator, in the page's order: what the office has to chase. */
export function missingCsv(status: ReportingStatus, indicators: readonly Pick<Indicator, 'id' | 'name'>[]): string {
  const names = new Map(indicators.map((i) => [i.id, i.name]));
  const labels = new Map(status.periods.map((p) => [p.key, p.label]));
  const rows = status.groups.flatMap((g) => g.units).flatMap((u) =>
    u.cells.flatMap((c) => c.missing.map((id) => [u.unitId, u.name, c.period, labels.get(c.period) ?? c.period, id, names.get(id) ?? id, u.receipt ? u.receipt.date : ''])),
  );
  return toCsv(MISSING_CSV_COLUMNS, rows);
}
