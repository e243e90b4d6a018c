// Status words that agree with the figures, on the built indicator pages (issue 16, point 7).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { statusLabels, statusSymbols } from '../src/lib/indicators/format';

const DIST = process.env.DIST_DIR ?? 'dist';
const dataset = loadDataset(process.cwd());
const summaries = aggregateDataset(dataset);
const html = (path: string) => parseHtml(readFileSync(join(DIST, path), 'utf8'));
const text = (path: string) => html(path).querySelector('main')!.textContent.replace(/\s+/g, ' ');

describe('status words agree with the figures', () => {
  const termOnly = dataset.indicators.filter((i) => i.termTarget !== undefined && Object.keys(i.annualTargets).length === 0);
  const noTerm = dataset.indicators.filter((i) => i.termTarget === undefined);

  test('the data has both cases', () => {
    expect(termOnly.map((i) => i.id)).toContain('ty-le-doanh-nghiep-doi-thoai');
    expect(noTerm.map((i) => i.id)).toContain('ngung-viec-tap-the');
  });

  test('a term target without annual allocation says "Chưa có phân bổ năm", never "Chưa có mục tiêu"', () => {
    for (const indicator of termOnly) {
      const page = text(`chi-tieu/${indicator.id}/index.html`);
      expect(page).toContain('Chưa có phân bổ năm');
      expect(page).not.toContain('Chưa có mục tiêu');
      const row = html('chi-tieu/index.html').querySelector(`tr[data-indicator="${indicator.id}"]`)!;
      expect(row.textContent).toContain('Chưa có phân bổ năm');
      expect(row.textContent).not.toContain('Chưa có mục tiêu');
    }
  });

  test('progress bars take the verdict\'s colour class and symbol', () => {
    const list = html('chi-tieu/index.html');
    const bars = list.querySelectorAll('[data-progress]');
    expect(bars.length).toBeGreaterThan(3);
    for (const bar of bars) {
      const row = bar.closest('tr')!;
      const status = summaries.get(row.getAttribute('data-indicator')!)!.status;
      expect(bar.getAttribute('data-progress')).toBe(status);
      expect(bar.classList.contains(`status-${status}`)).toBe(true);
      expect(bar.querySelector('[aria-hidden="true"]')?.textContent).toBe(statusSymbols[status]);
      expect(row.textContent).toContain(statusLabels[status]);
    }
    // The stylesheet colours each verdict's bar.
    const css = readFileSync('src/styles/global.css', 'utf8');
    for (const status of ['vuot', 'dat', 'chua-dat']) expect(css).toContain(`.progress.status-${status} meter::-webkit-meter-optimum-value`);
  });

  test('no "so với mục tiêu nhiệm kỳ" chart or column for an indicator with no term target', () => {
    for (const indicator of noTerm) {
      const page = html(`chi-tieu/${indicator.id}/index.html`);
      const charts = page.querySelectorAll('figure[data-chart]');
      for (const figure of charts) {
        expect(figure.querySelector('h3')!.textContent).not.toMatch(/mục tiêu nhiệm kỳ/);
        expect(figure.querySelector('script.chart-spec')!.textContent).not.toMatch(/mục tiêu nhiệm kỳ/i);
        for (const th of figure.querySelectorAll('th')) expect(th.textContent).not.toMatch(/mục tiêu nhiệm kỳ/i);
      }
    }
    // An indicator with a target keeps its chart.
    expect(html('chi-tieu/phat-trien-doan-vien/index.html').querySelector('#tieu-de-luy-ke')!.textContent).toBe('Lũy kế so với mục tiêu nhiệm kỳ');
  });
});
