// The two days of the plan the receipts are judged by, taken from the plan's own `schedule` front
// matter (the edition's `review.plan` in content/van-ban/), never written a second time in code: the day it
// was issued (nothing can be received for it before) and the units' deadline for sending reports.
import { daysInMonth, parsePartialDate, isPartialDate, formatPartialDate, type PartialDate } from '../documents/dates.ts';

/** The plan's entry for sending the units' reports ("gửi báo cáo … trước ngày …"). */
export const DEADLINE_ENTRY = 'gui-bao-cao';
/** The plan's entry for its own issue ("tháng …"), used when the front matter has no issueDate. */
export const ISSUE_ENTRY = 'ban-hanh-ke-hoach';

/** A day as a sortable number, YYYYMMDD. */
export type DayKey = number;

export interface PlanDates {
  /** The first day the plan can have existed. */
  issued: DayKey;
  /** The last day a report counts as on time. */
  lastOnTimeDay: DayKey;
  /** The deadline as the plan prints it ("trước ngày 01/2/2026"). */
  asIssued: string;
  /** The paragraph it comes from, for links. */
  anchor: string;
}

export const dayKey = (d: { year: number; month: number; day: number }): DayKey => d.year * 10000 + d.month * 100 + d.day;
const pad = (n: number) => String(n).padStart(2, '0');
/** 20260131 → "31/01/2026" */
export const formatDayKey = (key: DayKey): string => `${pad(key % 100)}/${pad(Math.floor(key / 100) % 100)}/${Math.floor(key / 10000)}`;

function dayBefore(d: { year: number; month: number; day: number }): DayKey {
  if (d.day > 1) return dayKey({ ...d, day: d.day - 1 });
  const month = d.month === 1 ? 12 : d.month - 1;
  const year = d.month === 1 ? d.year - 1 : d.year;
  return dayKey({ year, month, day: daysInMonth(year, month) });
}

/**
 * The last day that meets a deadline. "trước ngày 01/2/2026" is read as written: before that day,
 * so 31/01/2026 at the latest; "trước tháng 2/2026" likewise ends on 31/01. Any other kind ends
 * with its date (the whole month when only a month is given).
 */
export function lastDayFor(kind: string, end: PartialDate): DayKey {
  if (kind === 'before') return dayBefore({ year: end.year, month: end.month, day: end.day ?? 1 });
  return dayKey({ year: end.year, month: end.month, day: end.day ?? daysInMonth(end.year, end.month) });
}

type Entry = { id?: unknown; kind?: unknown; start?: unknown; end?: unknown; asIssued?: unknown; anchor?: unknown };

const partial = (value: unknown): PartialDate | null => {
  if (typeof value !== 'string') return null;
  const parsed = parsePartialDate(value);
  return isPartialDate(parsed) ? parsed : null;
};

/** The plan's dates from its front matter as read (already checked by the front-matter check); null when missing. */
export function planDatesOf(frontMatter: unknown): PlanDates | null {
  const data = (frontMatter ?? {}) as { issueDate?: unknown; schedule?: unknown };
  const schedule = Array.isArray(data.schedule) ? (data.schedule as Entry[]) : [];
  const deadline = schedule.find((e) => e?.id === DEADLINE_ENTRY);
  const end = partial(deadline?.end);
  if (!deadline || !end || typeof deadline.kind !== 'string') return null;
  const issueEntry = schedule.find((e) => e?.id === ISSUE_ENTRY);
  const issuedDate = partial(data.issueDate) ?? partial(issueEntry?.start) ?? partial(issueEntry?.end);
  if (!issuedDate) return null;
  return {
    issued: dayKey({ year: issuedDate.year, month: issuedDate.month, day: issuedDate.day ?? 1 }),
    lastOnTimeDay: lastDayFor(deadline.kind, end),
    asIssued: typeof deadline.asIssued === 'string' ? deadline.asIssued : formatPartialDate(end),
    anchor: typeof deadline.anchor === 'string' ? deadline.anchor : '',
  };
}
