// A real build of a project copy where units have not all reported, the office keeps a receipts
// file and some rows carry notes: /tinh-hinh-bao-cao/, its CSV, the home page counts, the unit
// badges and the numbered notes under the tables, read from the built HTML. A bad receipts file
// stops the build with its file:line message and publishes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { numberNotes } from '../src/lib/indicators/notes';
import type { ResultRow } from '../src/lib/indicators/results-csv';
import { kitOutcome, WHOLE_KIT } from './helpers/kit-log';
import { copyProject, runIn } from './helpers/project-copy';

let dir = '';
let buildOutput = '';
const page = (path: string) => parseHtml(readFileSync(join(dir, 'dist', path), 'utf8'));
const text = (el: { textContent: string } | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function editResults(name: string, edit: (lines: string[]) => string[]) {
  const file = join(dir, 'content/so-lieu', name);
  writeFileSync(file, edit(readFileSync(file, 'utf8').split('\r\n')).join('\r\n'));
}

beforeAll(() => {
  dir = copyProject('congdoan-bao-cao-');
  // Biên Hòa: nothing for 2020. Cẩm Mỹ: two indicators missing in 2019. Vĩnh Cửu: nothing at all.
  editResults('2020.csv', (l) => l.filter((x) => !x.startsWith('bien-hoa,') && !x.startsWith('vinh-cuu,')));
  editResults('2019.csv', (l) => l.filter((x) => !/^cam-my,2019,(phat-trien-doan-vien|mai-am-cong-doan),/.test(x) && !x.startsWith('vinh-cuu,')));
  editResults('2018.csv', (l) => l.filter((x) => !x.startsWith('vinh-cuu,')));
  editResults('nk-truoc.csv', (l) => l.filter((x) => !x.startsWith('vinh-cuu,')));
  // Notes: one plain, one over two lines, one that looks like markup.
  editResults('2019.csv', (l) => l.map((x) => (x.startsWith('long-thanh,2019,phat-trien-doan-vien,') ? x.replace(/,$/, ',Số liệu đến 30/11/2019') : x)));
  editResults('2018.csv', (l) => l.map((x) => (x.startsWith('long-thanh,2018,phat-trien-doan-vien,') ? x.replace(/,$/, ',"Gồm hai đợt:\r\nđợt 1 và đợt 2"') : x)));
  editResults('nk-truoc.csv', (l) => l.map((x) => (x.startsWith('long-thanh,nk-truoc,ngung-viec-tap-the,') ? x.replace(/,$/, ',<b>không</b> in đậm') : x)));
  writeFileSync(join(dir, 'content/so-lieu/nop-bao-cao.yaml'), [
    'completeUnits: last',
    'received:',
    '  - unit: long-thanh',
    '    date: 2021-01-25',
    '  - unit: cam-my',
    '    date: 2021-02-04',
    '    note: gửi bổ sung qua thư điện tử',
    '',
  ].join('\n'));
  const build = runIn(dir, ['scripts/build.mjs']);
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  buildOutput = build.stdout;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the report kit made ahead (src/lib/report-kit/prepared-kit.ts)', () => {
  test('the worker listed every chart, draft and form under the key its page asked for, and did not break', () => {
    // A file missing from the worker's list means the worker's input differed from the page's. How
    // many it made before the pages got there is a race on a busy machine (tests/helpers/kit-log.ts);
    // tests/prepared-kit.test.ts runs the worker itself and takes every file from it.
    expect(kitOutcome(buildOutput), buildOutput.slice(-3000)).toEqual(WHOLE_KIT);
  });
});

describe('/tinh-hinh-bao-cao/ on a partly reported dataset', () => {
  test('one row per unit, grouped by kind; cells "reported/expected" or "chưa báo cáo", linking to what is missing', () => {
    const root = page('tinh-hinh-bao-cao/index.html');
    const groups = root.querySelectorAll('tbody[data-group]');
    expect(groups.map((g) => g.getAttribute('data-group'))).toEqual(['ldld-huyen', 'cd-nganh', 'cd-vien-chuc', 'cd-kcn', 'cd-tong-cong-ty', 'cdcs-truc-thuoc']);
    expect(root.querySelectorAll('tr[data-unit]')).toHaveLength(18);
    expect(root.querySelectorAll('thead th').map(text)).toEqual(['Đơn vị', '2018', '2019', '2020', 'Nhiệm kỳ IX, cùng kỳ (2013 – 2015)', 'Tình trạng', 'Ngày nhận']);
    const cells = (unit: string) => root.querySelectorAll(`tr[data-unit="${unit}"] td.rep`).map(text);
    expect(cells('bien-hoa')).toEqual(['✓ 9/9', '✓ 9/9', '✗ chưa báo cáo', '✓ 9/9']);
    expect(cells('cam-my')).toEqual(['✓ 9/9', '◐ 7/9', '✓ 9/9', '✓ 9/9']);
    expect(cells('vinh-cuu')).toEqual(['✗ chưa báo cáo', '✗ chưa báo cáo', '✗ chưa báo cáo', '✗ chưa báo cáo']);
    // A body cell is found by its column's header (data-period there, not on each of 200 units' cells: page budget).
    const column = root.querySelectorAll('thead th').findIndex((th) => th.getAttribute('data-period') === '2019');
    expect(column).toBe(2);
    const link = root.querySelectorAll('tr[data-unit="cam-my"] > *')[column]!.querySelector('a');
    expect(link?.getAttribute('href')).toBe('#thieu-cam-my-2019');
    expect(text(root.querySelector('#thieu-cam-my-2019'))).toBe('2019: thiếu 2/9 chỉ tiêu: Xây dựng, sửa chữa nhà "Mái ấm Công đoàn"; Kết nạp đoàn viên mới.');
    expect(text(root.querySelector('#thieu-bien-hoa-2020'))).toBe('2020: chưa báo cáo (cả 9 chỉ tiêu).');
    expect(root.querySelector('tr[data-unit="long-thanh"] td.rep a')).toBeNull();
  });

  test('units that reported everything come last in their group; totals per year', () => {
    const root = page('tinh-hinh-bao-cao/index.html');
    const districts = root.querySelectorAll('tbody[data-group="ldld-huyen"] tr[data-unit]').map((r) => r.getAttribute('data-state'));
    expect(districts.slice(0, 3)).toEqual(['thieu', 'thieu', 'chua'].sort((a, b) => districts.indexOf(a) - districts.indexOf(b)));
    expect(districts.lastIndexOf('thieu') < districts.indexOf('du') || districts.lastIndexOf('chua') < districts.indexOf('du')).toBe(true);
    expect(districts.slice(districts.indexOf('du')).every((s) => s === 'du')).toBe(true);
    expect(root.querySelectorAll('tfoot td').map(text).slice(0, 4)).toEqual([
      '17/18 đơn vị đủ; 153/162 số liệu',
      '16/18 đơn vị đủ; 151/162 số liệu',
      '16/18 đơn vị đủ; 144/162 số liệu',
      '17/18 đơn vị đủ; 153/162 số liệu',
    ]);
    expect(text(root.querySelector('[data-reporting-counts]'))).toMatch(/^15\/18 đơn vị đã báo cáo đủ số liệu, 2 đơn vị còn thiếu, 1 đơn vị chưa báo cáo\./);
  });

  test('on time or late against the plan\'s deadline, as recorded in nop-bao-cao.yaml', () => {
    const root = page('tinh-hinh-bao-cao/index.html');
    expect(text(root.querySelector('tr[data-unit="long-thanh"] td[data-receipt]'))).toBe('25/01/2021 — Đúng hạn');
    expect(text(root.querySelector('tr[data-unit="cam-my"] td[data-receipt]'))).toBe('04/02/2021 — Trễ 4 ngày (gửi bổ sung qua thư điện tử)');
    expect(text(root.querySelector('tr[data-unit="bien-hoa"] td[data-receipt]'))).toBe('Chưa nhận');
    const receipts = root.querySelector('[data-receipts]');
    expect(text(receipts)).toContain('“trước ngày 01/2/2021”, tức chậm nhất ngày 31/01/2021');
    expect(text(receipts)).toContain('2/18 đơn vị: 1 đúng hạn, 1 trễ hạn');
    expect(receipts?.querySelector('a')?.getAttribute('href')).toBe('/van-ban/ke-hoach-so-ket/#moc-gui-bao-cao');
  });

  test('the CSV of missing items lists each unit × period × indicator missing', () => {
    const rows = parseCsv(readFileSync(join(dir, 'dist/tinh-hinh-bao-cao/con-thieu.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(9 + 2 + 36);
    expect(rows.filter((r) => r.don_vi === 'cam-my').map((r) => `${r.nam} ${r.chi_tieu} ${r.ngay_nhan}`)).toEqual(['2019 mai-am-cong-doan 04/02/2021', '2019 phat-trien-doan-vien 04/02/2021']);
    expect(rows.filter((r) => r.don_vi === 'vinh-cuu').map((r) => r.nam)).toEqual([...Array(9).fill('2018'), ...Array(9).fill('2019'), ...Array(9).fill('2020'), ...Array(9).fill('nk-truoc')]);
  });

  test('the home page gives the counts; each unit page its badge and receipt', () => {
    expect(text(page('index.html').querySelector('[data-reporting-counts]'))).toMatch(/^15\/18 đơn vị đã báo cáo đủ số liệu, 2 đơn vị còn thiếu, 1 đơn vị chưa báo cáo; Văn phòng đã nhận báo cáo của 2 đơn vị \(1 đúng hạn, 1 trễ hạn\)\./);
    const badge = (unit: string) => page(`don-vi/${unit}/index.html`).querySelector('[data-report-state]');
    expect(text(badge('cam-my'))).toBe('Còn thiếu 2/36 số liệu · nhận báo cáo ngày 04/02/2021, trễ 4 ngày');
    expect(badge('cam-my')?.querySelector('a')?.getAttribute('href')).toBe('/tinh-hinh-bao-cao/#thieu-cam-my');
    expect(text(badge('vinh-cuu'))).toBe('Chưa báo cáo · Văn phòng chưa nhận báo cáo');
    expect(text(badge('long-thanh'))).toBe('Đã báo cáo đủ · nhận báo cáo ngày 25/01/2021, đúng hạn');
  });
});

describe('notes (ghi_chu) as numbered notes under the tables', () => {
  test('indicator page: the cell shows the number, the list under the table the note, lines kept, markup as text', () => {
    const root = page('chi-tieu/phat-trien-doan-vien/index.html');
    const notes = root.querySelectorAll('[data-table-notes] li');
    expect(notes.map((li) => [li.getAttribute('id'), text(li.querySelector('.note-label')), li.querySelector('.note-text')?.textContent.replace(/\r\n?/g, '\n')])).toEqual([
      ['ghi-chu-1', 'Long Thành, 2018:', 'Gồm hai đợt:\nđợt 1 và đợt 2'],
      ['ghi-chu-2', 'Long Thành, 2019:', 'Số liệu đến 30/11/2019'],
    ]);
    const row = root.querySelectorAll('table[data-table="theo-don-vi"] tbody tr').find((r) => text(r.querySelector('th')) === 'Long Thành')!;
    expect(row.querySelectorAll('td sup a').map((a) => [a.getAttribute('href'), a.textContent])).toEqual([['#ghi-chu-1', '1'], ['#ghi-chu-2', '2']]);
  });

  test('unit page: numbered across its two tables; an HTML-looking note is shown as text', () => {
    const root = page('don-vi/long-thanh/index.html');
    const notes = root.querySelectorAll('[data-table-notes] li');
    expect(notes.map((li) => text(li))).toEqual([
      expect.stringMatching(/^Kết nạp đoàn viên mới, 2018: Gồm hai đợt: đợt 1 và đợt 2$/),
      'Kết nạp đoàn viên mới, 2019: Số liệu đến 30/11/2019',
      expect.stringMatching(/, Nhiệm kỳ IX, cùng kỳ \(2013 – 2015\): <b>không<\/b> in đậm$/),
    ]);
    expect(notes.map((li) => li.getAttribute('value'))).toEqual(['1', '2', '3']);
    expect(root.querySelectorAll('[data-table-notes] b')).toHaveLength(0);
    expect(page('don-vi/bien-hoa/index.html').querySelector('[data-table-notes]')).toBeNull();
  });
});

describe('a bad receipts file stops the build', () => {
  test('an unknown unit: file:line and rule from check:data and from the build, nothing published', () => {
    const bad = copyProject('congdoan-bao-cao-loi-');
    try {
      writeFileSync(join(bad, 'content/so-lieu/nop-bao-cao.yaml'), 'received:\n  - unit: bien-hoa\n    date: 2021-01-20\n  - unit: khong-co\n    date: 2021-01-20\n');
      const expected = 'content/so-lieu/nop-bao-cao.yaml:4: received[1].unit: đơn vị "khong-co" không có trong content/don-vi/ (quy tắc: don-vi-khong-co)';
      const check = runIn(bad, ['scripts/check-data.ts']);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(expected);
      // `npm run build` stops at its pre-check (scripts/check.ts): Astro, started beside it, is stopped
      // and has said nothing, and its half-built folder is gone.
      const build = runIn(bad, ['scripts/build.mjs']);
      expect(build.status).not.toBe(0);
      expect(`${build.stdout}\n${build.stderr}`).toContain(expected);
      expect(build.stderr.trim().split('\n').at(-1)).toBe('Dựng trang không thành công ở bước kiểm tra nội dung và số liệu; dist/ vẫn là bản dựng trước, không đổi.');
      expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/\[(build|content|types|vite)\]/);
      expect(existsSync(join(bad, 'dist'))).toBe(false);
      expect(readdirSync(bad).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('numberNotes', () => {
  const row = (unit: string, period: string, note: string) => ({ unit, period, indicator: 'x', note, file: 'f', line: 1 }) as ResultRow;
  test('numbers in reading order, skips blank notes, starts where asked', () => {
    const rows = [row('b', '2019', 'n3'), row('a', '2020', 'n2'), row('a', '2018', 'n1'), row('a', '2019', '  ')];
    const numbered = numberNotes(rows, (r) => r.unit, [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], ['2018', '2019', '2020'].map((k) => ({ key: k, label: k })), 'g', 4);
    expect(numbered.notes).toEqual([
      { number: 4, id: 'g-4', label: 'A, 2018', text: 'n1' },
      { number: 5, id: 'g-5', label: 'A, 2020', text: 'n2' },
      { number: 6, id: 'g-6', label: 'B, 2019', text: 'n3' },
    ]);
    expect([numbered.numberOf('a', '2020'), numbered.numberOf('a', '2019'), numbered.numberOf('b', '2019')]).toEqual([5, undefined, 6]);
  });
});
