import { describe, expect, it } from 'vitest';
import { buildTimeline, deadlineLabel, scheduleItemSchema, scheduleSchema } from '../src/lib/documents/schedule';
import { formatPartialDate, parsePartialDate } from '../src/lib/documents/dates';

const base = { id: 'gop-y', task: 'Góp ý dự thảo', who: 'Lãnh đạo các ban', kind: 'before' as const, end: '2020-08-20', asIssued: 'trước ngày 20/8/2020', anchor: 'moc-gop-y' };

describe('partial dates', () => {
  it('parses days and months and prints them dd/mm/yyyy', () => {
    expect(formatPartialDate(parsePartialDate('2021-02-01') as never)).toBe('01/02/2021');
    expect(formatPartialDate(parsePartialDate('2020-08') as never)).toBe('08/2020');
  });
  it.each([
    ['2020-02-30', 'ngày 30 không tồn tại trong tháng 2/2020'],
    ['2021-02-29', 'ngày 29 không tồn tại trong tháng 2/2021'],
    ['2020-13', 'tháng 13 không tồn tại'],
    ['20/8/2020', 'không đúng dạng'],
  ])('rejects %s', (value, reason) => {
    expect(parsePartialDate(value)).toEqual({ error: expect.stringContaining(reason) });
  });
  it('accepts 29 February in a leap year', () => {
    expect(parsePartialDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe('schedule schema', () => {
  it('accepts a well-formed entry', () => {
    expect(scheduleItemSchema.parse(base).end).toBe('2020-08-20');
  });
  it('accepts a YAML Date and keeps it as text', () => {
    expect(scheduleItemSchema.parse({ ...base, end: new Date('2020-08-20') }).end).toBe('2020-08-20');
  });
  it('rejects an impossible date with the field and the rule', () => {
    const result = scheduleItemSchema.safeParse({ ...base, end: '2020-02-31' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['end']);
    expect(result.error?.issues[0]?.message).toMatch(/Ngày không hợp lệ.*ngày 31 không tồn tại/);
  });
  it('rejects a start after the end', () => {
    const result = scheduleItemSchema.safeParse({ ...base, kind: 'during', start: '2020-12', end: '2020-11' });
    expect(result.error?.issues.map((i) => i.message).join()).toMatch(/sau ngày kết thúc/);
  });
  it('rejects start on a kind that has no range', () => {
    const result = scheduleItemSchema.safeParse({ ...base, start: '2020-08-01' });
    expect(result.error?.issues[0]?.path).toEqual(['start']);
  });
  it('requires an editor note when the sort date departs from the printed one', () => {
    const result = scheduleItemSchema.safeParse({ ...base, sortAs: '2021-02' });
    expect(result.error?.issues[0]?.path).toEqual(['editorNote']);
  });
  it('rejects duplicate ids', () => {
    const result = scheduleSchema.safeParse([base, base]);
    expect(result.error?.issues[0]?.message).toMatch(/bị trùng/);
  });
  it('rejects an anchor with diacritics', () => {
    expect(scheduleItemSchema.safeParse({ ...base, anchor: 'mốc' }).success).toBe(false);
  });
});

describe('deadline labels', () => {
  it.each([
    [{ kind: 'before', end: '2020-08-20' }, 'Trước ngày 20/08/2020'],
    [{ kind: 'during', end: '2020-08' }, 'Trong tháng 08/2020'],
    [{ kind: 'during', start: '2020-11', end: '2020-12' }, 'Từ 11/2020 đến 12/2020'],
    [{ kind: 'early', end: '2020-02' }, 'Đầu tháng 02/2020'],
    [{ kind: 'until', end: '2020-12' }, 'Đến tháng 12/2020'],
  ] as const)('%o → %s', (item, label) => {
    expect(deadlineLabel(item)).toBe(label);
  });
});

describe('timeline', () => {
  it('orders tasks from several documents by date, using sortAs for an evident slip', () => {
    const timeline = buildTimeline([
      {
        id: 'ke-hoach',
        title: 'Kế hoạch',
        schedule: [
          { ...base, id: 'bao-cao-tinh', kind: 'early', end: '2020-02', asIssued: 'đầu tháng 2/2020', sortAs: '2021-02', editorNote: 'có lẽ 2/2021' },
          { ...base, id: 'xong', kind: 'during', end: '2021-01', asIssued: 'tháng 01/2021' },
        ],
      },
      { id: 'cong-van', title: 'Công văn', schedule: [base] },
    ]);
    expect(timeline.map((e) => e.id)).toEqual(['gop-y', 'xong', 'bao-cao-tinh']);
    expect(timeline[0]).toMatchObject({ documentId: 'cong-van', label: 'Trước ngày 20/08/2020', datetime: '2020-08-20' });
  });
});
