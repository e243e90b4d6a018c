// The committed dataset and the built indicator pages: complete illustrative data, the sample
// banner wherever figures show, CSV files equal to the aggregation, links between programmes and
// indicators, and a real build that refuses a bad cell and publishes nothing.
import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse as parseHtml } from 'node-html-parser';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { aggregateCsv, rawRowsCsv, sortRows } from '../src/lib/indicators/downloads';
import { htmlFiles } from './helpers/dist';
import { copyProject, runIn } from './helpers/project-copy';

const DIST = process.env.DIST_DIR ?? 'dist';
const dataset = loadDataset(process.cwd());
const unitIds = dataset.units.map((u) => u.id);
const summaries = aggregateDataset(dataset);
const summaryOf = (id: string) => summaries.get(id)!;
const html = (path: string) => parseHtml(readFileSync(join(DIST, path), 'utf8'));

describe('the committed illustrative dataset', () => {
  test('is marked minh-hoa and holds every unit × indicator × year, plus a baseline row for each', () => {
    expect(dataset.meta.status).toBe('minh-hoa');
    expect(dataset.units).toHaveLength(18);
    expect(dataset.indicators).toHaveLength(9);
    expect(dataset.years).toEqual([2018, 2019, 2020]);
    for (const period of ['2018', '2019', '2020', 'nk-truoc']) {
      for (const unit of unitIds) {
        for (const indicator of dataset.indicators) {
          expect(dataset.rows.some((r) => r.unit === unit && r.period === period && r.indicator === indicator.id), `${unit} ${period} ${indicator.id}`).toBe(true);
        }
      }
    }
    expect(dataset.rows).toHaveLength(18 * 9 * 4);
  });

  test('names the 11 districts and cities, and flags the four late congresses', () => {
    const districts = dataset.units.filter((u) => u.type === 'ldld-huyen').map((u) => u.shortName);
    expect(districts.sort()).toEqual(
      ['Biên Hòa', 'Long Khánh', 'Cẩm Mỹ', 'Thống Nhất', 'Trảng Bom', 'Vĩnh Cửu', 'Định Quán', 'Tân Phú', 'Xuân Lộc', 'Long Thành', 'Nhơn Trạch'].sort(),
    );
    expect(dataset.units.filter((u) => u.lateCongress).map((u) => u.shortName).sort()).toEqual(['Cẩm Mỹ', 'Long Khánh', 'Thống Nhất', 'Trảng Bom'].sort());
    for (const name of ['CĐVC tỉnh', 'CĐKCN', 'CĐ Tổng Cty Tín Nghĩa', 'CĐ Cty Ôtô Trường Hải']) {
      expect(dataset.units.map((u) => u.shortName)).toContain(name);
    }
  });

  test('is reproduced byte for byte by the seeded generator', () => {
    const out = mkdtempSync(join(tmpdir(), 'so-lieu-'));
    try {
      const result = spawnSync(process.execPath, ['scripts/generate-sample-data.ts', out], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      for (const name of ['2018.csv', '2019.csv', '2020.csv', 'nk-truoc.csv', 'muc-tieu-don-vi.csv']) {
        expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join('content/so-lieu', name), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('built pages that show figures', () => {
  const pages = htmlFiles(DIST);
  const showsFigures = (path: string) => {
    const root = html(path);
    return Boolean(root.querySelector('figure[data-chart], .status, table.scorecard, table.indicator-list, .programme-indicators'));
  };

  test('every one carries the "Số liệu minh họa" banner, and there are as many as expected', () => {
    const withFigures = pages.filter(showsFigures);
    // /chi-tieu/, 9 indicators, /don-vi/ is a list (no figures), 18 units, programmes with indicators.
    const programmesWithIndicators = new Set(dataset.indicators.flatMap((i) => i.programmes)).size;
    expect(withFigures.length).toBe(1 + 9 + 18 + programmesWithIndicators);
    for (const path of withFigures) {
      const banner = html(path).querySelector('[data-sample-banner]');
      expect(banner, path).not.toBeNull();
      expect(banner?.textContent).toContain('Số liệu minh họa');
      expect(banner?.textContent).toContain('không phải số liệu chính thức');
    }
  });

  test('pages without figures carry no banner', () => {
    for (const path of ['index.html', 'van-ban/ke-hoach-so-ket/index.html', 'tim-kiem/index.html']) {
      expect(html(path).querySelector('[data-sample-banner]'), path).toBeNull();
    }
  });

  test('the CSV downloads equal the aggregation and the committed rows', () => {
    for (const indicator of dataset.indicators) {
      const unitName = (id: string) => dataset.units.find((u) => u.id === id)!.name;
      expect(readFileSync(join(DIST, `chi-tieu/${indicator.id}/tong-hop.csv`), 'utf8')).toBe(aggregateCsv(summaryOf(indicator.id), unitName));
      const rows = sortRows(dataset.rows.filter((r) => r.indicator === indicator.id), dataset.indicators, dataset.units);
      expect(readFileSync(join(DIST, `chi-tieu/${indicator.id}/so-lieu-goc.csv`), 'utf8')).toBe(rawRowsCsv(rows, dataset.indicators, dataset.units));
    }
    const all = readFileSync(join(DIST, 'so-lieu/toan-bo.csv'), 'utf8').trim().split('\r\n');
    expect(all).toHaveLength(1 + dataset.rows.length);
  });

  test('programme pages list their indicators and indicator pages their programmes', () => {
    for (const indicator of dataset.indicators) {
      const links = html(`chi-tieu/${indicator.id}/index.html`).querySelectorAll('[data-indicator-programmes] a').map((a) => a.getAttribute('href'));
      expect(links.sort()).toEqual(indicator.programmes.map((p) => `/chuong-trinh/${p}/`).sort());
      for (const programme of indicator.programmes) {
        const listed = html(`chuong-trinh/${programme}/index.html`).querySelectorAll('.programme-indicators a').map((a) => a.getAttribute('href'));
        expect(listed, programme).toContain(`/chi-tieu/${indicator.id}/`);
      }
    }
  });

  test('the indicator index groups chính and phối hợp, each with its status', () => {
    const root = html('chi-tieu/index.html');
    const group = (g: string) => root.querySelectorAll(`table[data-group="${g}"] tr[data-indicator]`).map((tr) => tr.getAttribute('data-indicator'));
    expect(group('chinh')).toEqual(dataset.indicators.filter((i) => i.group === 'chinh').map((i) => i.id));
    expect(group('phoi-hop')).toEqual(dataset.indicators.filter((i) => i.group === 'phoi-hop').map((i) => i.id));
    const statusText = root.querySelector('tr[data-indicator="phat-trien-doan-vien"] .status')?.textContent;
    expect(statusText).toContain({ vuot: 'Vượt', dat: 'Đạt', 'chua-dat': 'Chưa đạt', 'chua-co-phan-bo-nam': 'Chưa có phân bổ năm', 'chua-co-muc-tieu': 'Chưa có mục tiêu', 'chua-co-so-lieu': 'Chưa có số liệu' }[summaryOf('phat-trien-doan-vien').status]);
  });

  test('a unit page says when the unit is evaluated only to 12/2020', () => {
    expect(html('don-vi/cam-my/index.html').querySelector('.meta-table')?.textContent).toContain('đến thời điểm tháng 12/2020');
    expect(html('don-vi/bien-hoa/index.html').querySelector('.meta-table')?.textContent).not.toContain('12/2020');
  });

  test('Chart.js is not referenced by document pages; indicator pages load it only on demand', () => {
    const scriptsOf = (path: string) => html(path).querySelectorAll('script[src]').map((s) => s.getAttribute('src') ?? '');
    for (const path of ['van-ban/ke-hoach-so-ket/index.html', 'chi-tieu/index.html', 'don-vi/cam-my/index.html']) {
      for (const src of scriptsOf(path)) expect(readFileSync(join(DIST, src), 'utf8'), `${path} ${src}`).not.toMatch(/chart-render|Chart\.register/);
    }
    const [entry] = scriptsOf('chi-tieu/phat-trien-doan-vien/index.html').filter((src) => readFileSync(join(DIST, src), 'utf8').includes('chart-render'));
    expect(entry).toBeDefined();
    // The entry imports the chart chunk dynamically, not statically.
    const code = readFileSync(join(DIST, entry!), 'utf8');
    expect(code).toMatch(/import\([`"'][^`"']*chart-render/);
    expect(code).not.toMatch(/(import|from)\s*[`"'][^`"']*chart-render/);
  });
});

describe('a bad cell stops everything', () => {
  test('npm run check:data and npm run build fail with file, line, column, rule and value; no dist/', () => {
    const dir = copyProject('congdoan-data-');
    try {
      const file = 'content/so-lieu/2019.csv';
      const lines = readFileSync(join(dir, file), 'utf8').split('\r\n');
      lines[4] = lines[4]!.replace(/,(\d+),,,$/, ',-$1,,,');
      const value = /,(-\d+),,,$/.exec(lines[4]!)?.[1];
      writeFileSync(join(dir, file), lines.join('\r\n'));
      const expected = `${file}:5:4 (cột gia_tri): số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0 — giá trị "${value}" (quy tắc: so-khong-am)`;

      const check = runIn(dir, ['scripts/check-data.ts']);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(expected);

      const build = runIn(dir, ['node_modules/.bin/astro', 'build']);
      expect(build.status).not.toBe(0);
      expect(`${build.stdout}\n${build.stderr}`).toContain(expected);
      expect(existsSync(join(dir, 'dist'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
