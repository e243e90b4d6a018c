// The documents' deadlines as iCalendar files (RFC 5545) that officers add to their own calendar:
// /lich/toan-bo.ics (every entry) and /lich/<unit>.ics (the entries that fall to the unit).
// Each entry is one all-day event (VALUE=DATE); its description says who does what, quotes the
// deadline as printed, lists the dossier to send with it, and links to the paragraph it comes from. Pure: the pages and tests use it.
//
// Text is escaped as §3.3.11 asks (backslash, semicolon, comma; line breaks as \n). Control
// characters, which §3.3.11 forbids and no escape can carry, are refused by the schedule schema at
// the front matter's line (rule ky-tu-dieu-khien); should one reach this module anyway, it throws
// a Vietnamese error rather than write a file calendars would reject.
import { codePointName, formatProblem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { daysInMonth, type PartialDate } from './dates.ts';
import type { TimelineEntry } from './schedule.ts';
import { routes } from '../site/routes.ts';

export interface Day {
  year: number;
  month: number;
  day: number;
}

export interface CalendarEvent {
  uid: string;
  summary: string;
  description: string;
  /** First day, inclusive. */
  start: Day;
  /** Day after the last day (DTEND of an all-day event is exclusive). */
  end: Day;
  url: string;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string, what = 'nội dung lịch'): string {
  const bad = CONTROL.exec(text);
  if (bad) {
    throw new Error(formatProblem(problem('ky-tu-dieu-khien', { in: 'ics', codePoint: codePointName(bad[0]), char: bad.index + 1 }, { file: what, fix: 'hãy xoá ký tự này trong front matter' })));
  }
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character; CRLF then a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const icsDate = (d: Day): string => `${pad(d.year, 4)}${pad(d.month)}${pad(d.day)}`;
const icsStamp = (t: Date): string =>
  `${pad(t.getUTCFullYear(), 4)}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}T${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}Z`;

function addDays(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
const firstDay = (p: PartialDate): Day => ({ year: p.year, month: p.month, day: p.day ?? 1 });
const lastDay = (p: PartialDate): Day => ({ year: p.year, month: p.month, day: p.day ?? daysInMonth(p.year, p.month) });

/**
 * The days an entry covers in a calendar. Where the printed date is an evident slip (sortAs), the
 * corrected date is used and the description quotes both. "trước ngày 01/2/2026" ends on 31/01;
 * "đầu tháng" is the month's first ten days; a month-long task spans its month.
 */
export function eventDays(entry: Pick<TimelineEntry, 'kind' | 'startDate' | 'endDate' | 'sortAs'>): { start: Day; end: Day } {
  const [y, m, d] = entry.sortAs ? entry.sortAs.split('-').map(Number) : [];
  const end: PartialDate = entry.sortAs ? { year: y!, month: m!, ...(d ? { day: d } : {}) } : entry.endDate;
  const single = (day: Day) => ({ start: day, end: addDays(day, 1) });
  switch (entry.kind) {
    case 'before':
      return single(addDays(firstDay(end), -1));
    case 'early':
      return end.day === undefined ? { start: firstDay(end), end: addDays(firstDay(end), 10) } : single(firstDay(end));
    case 'until':
      return single(lastDay(end));
    case 'during':
      return { start: firstDay(entry.startDate && !entry.sortAs ? entry.startDate : end), end: addDays(lastDay(end), 1) };
  }
}

export interface CalendarInput {
  /** X-WR-CALNAME: the name a calendar application shows. */
  name: string;
  description: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event: when this file was made. */
  stamp: Date;
}

export function calendarText(input: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lien doan Lao dong tinh Dong Nai//congdoan-soket//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name, 'tên lịch')}`,
    `X-WR-CALDESC:${escapeText(input.description, 'mô tả lịch')}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
    ...input.events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsStamp(input.stamp)}`,
      `DTSTART;VALUE=DATE:${icsDate(e.start)}`,
      `DTEND;VALUE=DATE:${icsDate(e.end)}`,
      `SUMMARY:${escapeText(e.summary, `${e.uid}: SUMMARY`)}`,
      `DESCRIPTION:${escapeText(e.description, `${e.uid}: DESCRIPTION`)}`,
      `URL:${e.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** One event per timeline entry: who does what, the deadline as printed, the source paragraph. */
export function timelineEvents(entries: readonly TimelineEntry[], siteUrl: string): CalendarEvent[] {
  const host = new URL(siteUrl).host;
  return entries.map((entry) => {
    const url = new URL(routes.document(entry.documentId, entry.anchor), siteUrl).href;
    const description = [
      `Việc: ${entry.task}`,
      `Thực hiện: ${entry.who}`,
      `Thời hạn: ${entry.label} (văn bản ghi: “${entry.asIssued}”)`,
      // What to send with it, as the plan lists it: the calendar reminder is then enough to act on.
      ...(entry.dossier ? ['Hồ sơ kèm theo gồm:', ...entry.dossier.map((item) => `- ${item.text}`)] : []),
      ...(entry.editorNote ? [`Ghi chú biên tập: ${entry.editorNote}`] : []),
      `Nguồn: ${entry.documentTitle}, ${url}`,
    ].join('\n');
    return {
      uid: `${entry.documentId}.${entry.id}@${host}`,
      summary: `${entry.label}: ${entry.task}`,
      description,
      ...eventDays(entry),
      url,
    };
  });
}
