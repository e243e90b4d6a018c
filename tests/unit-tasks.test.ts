// A unit's to-do list and the home timeline's "Việc của đơn vị tôi" (issue 16, point 6).
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { buildTimeline, scheduleSchema, type ScheduleItem } from '../src/lib/documents/schedule';
import { filterKey, MAX_TIMELINE_FILTERS, timelineFilters, unitTodo } from '../src/lib/documents/unit-tasks';
import { loadEdition } from '../src/lib/edition/load';

const planText = readFileSync('content/van-ban/ke-hoach-so-ket.mdx', 'utf8');
const planFront = yaml.load(/^---\n([\s\S]*?)\n---/.exec(planText)![1]!) as { schedule: unknown };
const schedule = scheduleSchema.parse(planFront.schedule);
const timeline = buildTimeline([{ id: 'ke-hoach-so-ket', title: 'Kế hoạch sơ kết', schedule }]);

const district = { id: 'bien-hoa', shortName: 'Biên Hòa', type: 'ldld-huyen' as const, lateCongress: false };
const late = { id: 'cam-my', shortName: 'Cẩm Mỹ', type: 'ldld-huyen' as const, lateCongress: true };
const units = readdirSync('content/don-vi').map((f) => {
  const u = yaml.load(readFileSync(join('content/don-vi', f), 'utf8')) as { shortName: string; type: 'ldld-huyen'; lateCongress?: boolean };
  return { shortName: u.shortName, type: u.type, lateCongress: u.lateCongress ?? false };
});

describe("a unit's to-do list, from the plan's schedule", () => {
  test('a district federation: finish in 01/2021, send the report before 01/02/2021 with the three dossier items', () => {
    const todo = unitTodo(timeline, district);
    expect(todo.tasks.map((t) => [t.label, t.href])).toEqual([
      ['Trong tháng 01/2021', '/van-ban/ke-hoach-so-ket/#moc-don-vi-to-chuc-xong'],
      ['Trước ngày 01/02/2021', '/van-ban/ke-hoach-so-ket/#moc-gui-bao-cao'],
    ]);
    const send = todo.tasks[1]!;
    expect(send.dossier.map((d) => d.text)).toEqual([
      'Các văn bản triển khai thực hiện Nghị quyết Đại hội X Công đoàn tỉnh',
      'Các Chương trình, kế hoạch thực hiện Nghị quyết gắn với 03 Chương trình được Hội nghị Ban Chấp hành lần thứ 2 thông qua',
      'Báo cáo tổng hợp số liệu hoạt động công đoàn giai đoạn 2018 - 2020 - mẫu biểu kèm theo',
    ]);
    // The figures item is filled by the unit's own Excel form.
    expect(send.dossier[2]!.download?.href).toBe('/tai-ve/bieu-mau/bien-hoa.xlsx');
    expect(send.dossier[0]!.download).toBeUndefined();
    expect(todo.lateCongress).toBeUndefined();
    expect(todo.draft.href).toBe('/tai-ve/bao-cao/bien-hoa.docx');
    expect(todo.form.href).toBe('/tai-ve/bieu-mau/bien-hoa.xlsx');
  });

  test('a late-congress unit is told it evaluates up to 12/2020, with the plan\'s sentence', () => {
    const todo = unitTodo(timeline, late);
    expect(todo.lateCongress).toEqual({
      text: 'Cẩm Mỹ là đơn vị kéo dài thời gian Đại hội: đánh giá từ đầu nhiệm kỳ đến thời điểm tháng 12/2020.',
      href: '/van-ban/ke-hoach-so-ket/#moc-don-vi-dai-hoi-muon',
    });
    // Told once, not again as a task; the tasks are the same as any district's.
    expect(todo.tasks.map((t) => t.id)).toEqual(unitTodo(timeline, district).tasks.map((t) => t.id));
  });

  test('the province\'s own tasks (no appliesTo) are no unit\'s', () => {
    const ids = unitTodo(timeline, { id: 'x', shortName: 'X', type: 'cd-kcn', lateCongress: false }).tasks.map((t) => t.id);
    expect(ids).toEqual(['don-vi-to-chuc-xong', 'gui-bao-cao']);
  });

  test('a task limited to some kinds of unit is not on another kind\'s list', () => {
    const only: ScheduleItem = { id: 'rieng', task: 'Việc riêng', who: 'CĐ ngành', kind: 'before', end: '2021-01-10', asIssued: 'trước 10/1/2021', anchor: 'a', appliesTo: { types: ['cd-nganh'] } };
    const t = buildTimeline([{ id: 'd', title: 'D', schedule: [only] }]);
    expect(unitTodo(t, { ...district, type: 'cd-nganh' }).tasks).toHaveLength(1);
    expect(unitTodo(t, district).tasks).toHaveLength(0);
  });

  test('every dossier item is the plan\'s own words, in the sentence the entry points to', () => {
    for (const entry of schedule.filter((e) => e.dossier)) {
      const paragraph = planText.split('\n').find((line) => line.includes(`<Anchor id="${entry.anchor}"`));
      expect(paragraph, entry.anchor).toBeDefined();
      for (const item of entry.dossier!) expect(paragraph, item.text).toContain(item.text);
    }
    expect(schedule.find((e) => e.id === 'gui-bao-cao')?.dossier).toHaveLength(3);
  });

  test('the schema refuses an empty dossier and an unknown report-kit file', () => {
    const base = schedule.find((e) => e.id === 'gui-bao-cao')!;
    expect(scheduleSchema.safeParse([{ ...base, dossier: [] }]).success).toBe(false);
    expect(scheduleSchema.safeParse([{ ...base, dossier: [{ text: 'x', kit: 'khac' }] }]).success).toBe(false);
  });
});

describe('"Việc của đơn vị tôi" on the home timeline', () => {
  const { filters, keysOf } = timelineFilters(timeline, units, loadEdition().vocabularies.unitTypes);

  test('one choice per kind of unit the site lists; the late-congress districts apart', () => {
    expect(filters.map((f) => f.key)).toEqual(['ldld-huyen', 'ldld-huyen-dai-hoi-muon', 'cd-nganh', 'cd-vien-chuc', 'cd-kcn', 'cd-tong-cong-ty', 'cdcs-truc-thuoc']);
    expect(filters[1]!.label).toContain('kéo dài thời gian Đại hội');
    expect([...filters[1]!.units].sort()).toEqual(['Cẩm Mỹ', 'Long Khánh', 'Thống Nhất', 'Trảng Bom']);
    expect(filters.reduce((n, f) => n + f.units.length, 0)).toBe(units.length);
  });

  test('each entry is marked for the kinds it falls to, by the same rule as the unit pages', () => {
    expect(keysOf.get('don-vi-dai-hoi-muon')).toEqual(['ldld-huyen-dai-hoi-muon']);
    expect(keysOf.get('gui-bao-cao')).toHaveLength(7);
    expect(keysOf.get('ban-hanh-ke-hoach')).toEqual([]);
    for (const f of filters) {
      const sample = { id: 'u', shortName: f.units[0]!, type: f.key.replace(/-dai-hoi-muon$/, '') as 'ldld-huyen', lateCongress: f.key.endsWith('-dai-hoi-muon') };
      expect(filterKey(sample)).toBe(f.key);
      const fromTodo = unitTodo(timeline, sample);
      const marked = timeline.filter((e) => keysOf.get(e.id)!.includes(f.key)).map((e) => e.id);
      expect(marked.filter((id) => id !== 'don-vi-dai-hoi-muon')).toEqual(fromTodo.tasks.map((t) => t.id));
    }
  });

  test('the stylesheet has a rule for every numbered choice, so any edition\'s kinds of unit can be chosen', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(filters.map((f) => f.position)).toEqual(filters.map((_, i) => i + 1));
    for (let n = 1; n <= MAX_TIMELINE_FILTERS; n++) {
      expect(css, String(n)).toContain(`.timeline-filterable:has(input[data-loc="${n}"]:checked) .timeline > li:not(.loc-${n})`);
    }
  });
});
