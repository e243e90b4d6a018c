// The calendar files (/lich/toan-bo.ics, /lich/<unit>.ics), read back with a real iCalendar
// parser (ical.js), and the RFC 5545 rules the writer must keep: CRLF, 75-octet folding inside
// UTF-8 characters never, TEXT escaping, all-day events, UID and DTSTAMP; a control character in a
// task is refused at its front-matter line.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { calendarText, escapeText, eventDays, foldLine, timelineEvents } from '../src/lib/documents/ical';
import { buildTimeline, scheduleItemSchema, type ScheduleItem } from '../src/lib/documents/schedule';
import { checkFrontMatter } from '../src/lib/content/frontmatter-check';
import { documentSchema } from '../src/lib/documents/content-schemas';
import { loadDataset } from '../src/lib/indicators/read';

const DIST = process.env.DIST_DIR ?? 'dist';
const SITE = 'https://congdoan-soket.example.vn';
const dataset = loadDataset(process.cwd());

interface Parsed { uid: string; summary: string; description: string; start: string; end: string; startIsDate: boolean; url: string; stamp: string }
function parseCalendar(text: string): { name: string; events: Parsed[] } {
  const component = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(component.getFirstPropertyValue('x-wr-calname')),
    events: component.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid, summary: event.summary, description: event.description,
        start: event.startDate.toString(), end: event.endDate.toString(), startIsDate: event.startDate.isDate,
        url: String(v.getFirstPropertyValue('url')), stamp: String(v.getFirstPropertyValue('dtstamp')),
      };
    }),
  };
}
const built = (name: string) => readFileSync(join(DIST, 'lich', name), 'utf8');

describe('the built calendar files', () => {
  const all = parseCalendar(built('toan-bo.ics'));

  test('toan-bo.ics holds every schedule entry of every document, each an all-day event', () => {
    const ids = all.events.map((e) => e.uid.split('@')[0]);
    expect(ids).toEqual(expect.arrayContaining(['ke-hoach-so-ket.gui-bao-cao', 'ke-hoach-so-ket.ban-hanh-ke-hoach', 'cong-van-xin-y-kien.gop-y-du-thao']));
    expect(ids).toHaveLength(7);
    expect(new Set(all.events.map((e) => e.uid)).size).toBe(7);
    for (const e of all.events) {
      expect(e.startIsDate, e.uid).toBe(true);
      expect(e.uid).toMatch(/@congdoan-soket\.example\.vn$/);
      expect(e.stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  test('the deadline: who does what, the date as printed, a link to its paragraph that resolves', () => {
    const e = all.events.find((x) => x.uid.startsWith('ke-hoach-so-ket.gui-bao-cao'))!;
    expect(e.start).toBe('2021-01-31');
    expect(e.end).toBe('2021-02-01');
    expect(e.summary).toBe('Trước ngày 01/02/2021: Gửi báo cáo sơ kết về Văn phòng LĐLĐ tỉnh, kèm hồ sơ và Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn 2018 - 2020 (mẫu biểu kèm theo)');
    expect(e.description).toContain('Thực hiện: Liên đoàn Lao động các huyện, thành phố, Công đoàn ngành, CĐVC, CĐKCN');
    expect(e.description).toContain('(văn bản ghi: “trước ngày 01/2/2021”)');
    expect(e.url).toBe(`${SITE}/van-ban/ke-hoach-so-ket/#moc-gui-bao-cao`);
    expect(e.description).toContain(e.url);
    const page = readFileSync(join(DIST, 'van-ban/ke-hoach-so-ket/index.html'), 'utf8');
    expect(page).toContain('id="moc-gui-bao-cao"');
  });

  test('a misprinted date: the corrected month in the calendar, the printed one and the editor\'s note quoted', () => {
    const e = all.events.find((x) => x.uid.startsWith('ke-hoach-so-ket.bao-cao-tinh'))!;
    expect([e.start, e.end]).toEqual(['2021-02-01', '2021-02-11']);
    expect(e.description).toContain('văn bản ghi: “(đầu tháng 2/2020)”');
    expect(e.description).toContain('Ghi chú biên tập: Văn bản ghi “đầu tháng 2/2020”');
  });

  test('each unit has its feed with only the entries that fall to it', () => {
    const files = readdirSync(join(DIST, 'lich')).filter((n) => n.endsWith('.ics') && n !== 'toan-bo.ics').sort();
    expect(files).toEqual(dataset.units.map((u) => `${u.id}.ics`).sort());
    for (const unit of dataset.units) {
      const feed = parseCalendar(built(`${unit.id}.ics`));
      expect(feed.name).toContain(unit.shortName);
      const ids = feed.events.map((e) => e.uid.split('@')[0]!.split('.')[1]).sort();
      const expected = ['don-vi-to-chuc-xong', 'gui-bao-cao', ...(unit.lateCongress ? ['don-vi-dai-hoi-muon'] : [])].sort();
      expect(ids, unit.id).toEqual(expected);
      // The report deadline, with the three items of the dossier the plan lists, in the plan's words.
      const report = feed.events.find((e) => e.uid.startsWith('ke-hoach-so-ket.gui-bao-cao'))!;
      expect([report.start, report.end], unit.id).toEqual(['2021-01-31', '2021-02-01']);
      expect(report.description.split('\n').filter((line) => line.startsWith('- ')), unit.id).toEqual([
        '- Các văn bản triển khai thực hiện Nghị quyết Đại hội X Công đoàn tỉnh',
        '- Các Chương trình, kế hoạch thực hiện Nghị quyết gắn với 03 Chương trình được Hội nghị Ban Chấp hành lần thứ 2 thông qua',
        '- Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn 2018 - 2020 - mẫu biểu kèm theo',
      ]);
      expect(report.description).toContain('Hồ sơ kèm theo gồm:');
    }
  });

  test('files are CRLF, every line at most 75 octets, continuation lines start with a space', () => {
    for (const name of readdirSync(join(DIST, 'lich')).filter((n) => n.endsWith('.ics'))) {
      const text = built(name);
      expect(text.endsWith('\r\n'), name).toBe(true);
      expect(text.replace(/\r\n/g, ''), name).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n').slice(0, -1)) expect(Buffer.byteLength(line), `${name}: ${line}`).toBeLessThanOrEqual(75);
    }
  });

  test('"Thêm vào lịch" on the timeline and on each unit page', () => {
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toMatch(/<a href="\/lich\/toan-bo.ics"[^>]*>Thêm vào lịch<\/a>/);
    for (const unit of dataset.units) {
      expect(readFileSync(join(DIST, 'don-vi', unit.id, 'index.html'), 'utf8'), unit.id).toMatch(new RegExp(`<a href="/lich/${unit.id}.ics"[^>]*>Thêm vào lịch</a>`));
    }
  });
});

describe('the iCalendar writer', () => {
  const entry = (over: Partial<ScheduleItem>) => buildTimeline([{ id: 'doc', title: 'Văn bản', schedule: [{ id: 'x', task: 't', who: 'w', kind: 'before', end: '2021-02-01', asIssued: 'a', anchor: 'moc', ...over } as ScheduleItem] }]);
  const roundTrip = (task: string) => parseCalendar(calendarText({ name: 'Lịch; thử, \\', description: 'd', stamp: new Date(Date.UTC(2021, 0, 2, 3, 4, 5)), events: timelineEvents(entry({ task }), SITE) }));

  test('backslash, semicolon, comma and line breaks survive the round trip exactly', () => {
    const task = 'Gửi báo cáo; kèm hồ sơ, biểu mẫu \\ bản sao\ndòng hai\r\ndòng ba';
    const cal = roundTrip(task);
    // ical.js leaves X- properties unescaped (their type is unknown to it), so the name is read raw.
    expect(cal.name).toBe('Lịch\\; thử\\, \\\\');
    expect(cal.events[0]?.summary).toBe(`Trước ngày 01/02/2021: ${task.replace(/\r\n/g, '\n')}`);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  test('folding never cuts a UTF-8 character and unfolds to the same text', () => {
    const long = `SUMMARY:${'Tổ chức sơ kết giữa nhiệm kỳ ở các huyện, thành phố '.repeat(6)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(roundTrip('ồ'.repeat(200)).events[0]?.summary).toBe(`Trước ngày 01/02/2021: ${'ồ'.repeat(200)}`);
  });

  test('DTSTAMP is the file\'s time in UTC; the days of each kind of deadline', () => {
    const text = calendarText({ name: 'n', description: 'd', stamp: new Date(Date.UTC(2021, 0, 2, 3, 4, 5)), events: timelineEvents(entry({}), SITE) });
    expect(text).toContain('\r\nDTSTAMP:20210102T030405Z\r\n');
    const days = (over: Partial<ScheduleItem>) => {
      const e = eventDays(entry(over)[0]!);
      return [e.start, e.end].map((d) => `${d.year}-${d.month}-${d.day}`);
    };
    expect(days({ kind: 'before', end: '2021-03-01' })).toEqual(['2021-2-28', '2021-3-1']);
    expect(days({ kind: 'before', end: '2021-01' })).toEqual(['2020-12-31', '2021-1-1']);
    expect(days({ kind: 'during', end: '2020-12', start: '2020-11' })).toEqual(['2020-11-1', '2021-1-1']);
    expect(days({ kind: 'during', end: '2024-02' })).toEqual(['2024-2-1', '2024-3-1']);
    expect(days({ kind: 'early', end: '2021-02' })).toEqual(['2021-2-1', '2021-2-11']);
    expect(days({ kind: 'until', end: '2020-12' })).toEqual(['2020-12-31', '2021-1-1']);
  });

  test('a control character in a task: a Vietnamese error naming it, at its front-matter line; the writer refuses it too', () => {
    const text = readFileSync('content/van-ban/ke-hoach-so-ket.mdx', 'utf8').replace('task: Gửi báo cáo sơ kết', 'task: "Gửi\\u0007 báo cáo sơ kết');
    const fixed = text.replace(/(task: "Gửi\\u0007 báo cáo sơ kết[^\n]*)/, '$1"');
    const problems = checkFrontMatter('content/van-ban/ke-hoach-so-ket.mdx', fixed, documentSchema);
    const line = fixed.split('\n').findIndex((l) => l.includes('\\u0007')) + 1;
    // The front-matter check refuses control characters in any field (frontmatter-check.ts), so a
    // task that would break a calendar file never reaches the build.
    expect(problems).toEqual([expect.objectContaining({ line, field: 'schedule[4].task', rule: 'ky-tu-dieu-khien', message: expect.stringMatching(/^giá trị chứa ký tự điều khiển U\+0007/) })]);
    expect(scheduleItemSchema.safeParse({ id: 'x', task: 'ok\ttab', who: 'w', kind: 'before', end: '2021-02-01', asIssued: 'a', anchor: 'm' }).success).toBe(true);
    expect(() => calendarText({ name: 'n', description: 'd', stamp: new Date(), events: timelineEvents(entry({ task: 'a\u001bb' }), SITE) }))
      .toThrow(/có ký tự điều khiển U\+001B ở ký tự thứ \d+, tệp lịch \(.ics\) không chứa được/);
  });
});
