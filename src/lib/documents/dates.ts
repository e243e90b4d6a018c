// Partial calendar dates as the documents give them: a whole month ("tháng 8/2025")
// or a day ("ngày 20/8/2025"). Stored as ISO-like strings so YAML keeps them as text.

export type DatePrecision = 'day' | 'month';

export interface PartialDate {
  year: number;
  month: number;
  day?: number;
}

const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "YYYY-MM" or "YYYY-MM-DD"; returns a Vietnamese reason when the date cannot exist. */
export function parsePartialDate(value: string): PartialDate | { error: string } {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return { error: `"${value}" không đúng dạng YYYY-MM hoặc YYYY-MM-DD` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month < 1 || month > 12) return { error: `"${value}": tháng ${month} không tồn tại` };
  if (day !== undefined) {
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) {
      return { error: `"${value}": ngày ${day} không tồn tại trong tháng ${month}/${year} (tháng có ${last} ngày)` };
    }
  }
  return day === undefined ? { year, month } : { year, month, day };
}

export function isPartialDate(parsed: PartialDate | { error: string }): parsed is PartialDate {
  return !('error' in parsed);
}

/** Earliest instant a partial date covers, as a sortable number (YYYYMMDD). */
export function startKey(date: PartialDate): number {
  return date.year * 10000 + date.month * 100 + (date.day ?? 1);
}

/** Latest day a partial date covers, as a sortable number (YYYYMMDD). */
export function endKey(date: PartialDate): number {
  return date.year * 10000 + date.month * 100 + (date.day ?? daysInMonth(date.year, date.month));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnamese display: dd/mm/yyyy for a day, mm/yyyy for a month. */
export function formatPartialDate(date: PartialDate): string {
  return date.day === undefined
    ? `${pad(date.month)}/${date.year}`
    : `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** Machine-readable value for <time datetime>. */
export function isoPartialDate(date: PartialDate): string {
  return date.day === undefined
    ? `${date.year}-${pad(date.month)}`
    : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function mustParsePartialDate(value: string): PartialDate {
  const parsed = parsePartialDate(value);
  if (!isPartialDate(parsed)) throw new Error(parsed.error);
  return parsed;
}
