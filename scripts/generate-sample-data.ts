// Writes the illustrative dataset (content/so-lieu/{2018,2019,2020,nk-truoc}.csv): every unit ×
// indicator × year, plus previous-term baseline rows. Deterministic (seeded), so re-running it
// reproduces the committed files byte for byte. The figures are invented: bo-du-lieu.yaml keeps
// status minh-hoa, and every page showing them says so.
//   npm run data:sample            (rewrites content/so-lieu/*.csv)
//   npm run data:sample -- <dir>   (writes the files to <dir> instead, e.g. to compare)
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { toCsv } from '../src/lib/data/csv-write.ts';
import { RESULT_COLUMNS } from '../src/lib/data/results-csv.ts';
import { loadDataset } from '../src/lib/data/read.ts';
import { seededRandom } from './seeded-random.ts';
import { acquireLock, commitFiles } from '../src/lib/fs/transaction.ts';

const root = new URL('..', import.meta.url).pathname;
const outDir = process.argv[2] ?? `${root}/content/so-lieu`;

/** Relative size of each unit (share of the province's workers), for plausible proportions. */
const weights: Record<string, number> = {
  'bien-hoa': 14, 'long-khanh': 4, 'cam-my': 3, 'thong-nhat': 4, 'trang-bom': 9, 'vinh-cuu': 4,
  'dinh-quan': 3, 'tan-phu': 3, 'xuan-loc': 4, 'long-thanh': 6, 'nhon-trach': 7,
  'cd-nganh-giao-duc': 3, 'cd-nganh-y-te': 2, 'cd-nganh-cong-thuong': 3, 'cd-vien-chuc': 3,
  'cd-kcn': 22, 'cd-tong-cty-tin-nghia': 2, 'cd-cty-oto-truong-hai': 1,
};

interface Def { kind: 'count' | 'rate'; termTarget?: number; annualTargets?: Record<string, number>; direction: string }
const load = (dir: string) =>
  readdirSync(`${root}/content/${dir}`).filter((n) => n.endsWith('.yaml')).sort().map((n) => ({ id: n.replace(/\.yaml$/, ''), data: parse(readFileSync(`${root}/content/${dir}/${n}`, 'utf8')) }));
const indicators = load('chi-tieu') as { id: string; data: Def }[];
const units = load('don-vi') as { id: string; data: { order: number } }[];
const totalWeight = units.reduce((sum, u) => sum + (weights[u.id] ?? 1), 0);

const periods = ['nk-truoc', '2018', '2019', '2020'];
const next = seededRandom(20181231);
const files: Record<string, (string | number)[][]> = Object.fromEntries(periods.map((p) => [p, []]));

for (const indicator of indicators) {
  const { kind, annualTargets = {}, termTarget } = indicator.data;
  for (const unit of units) {
    const share = (weights[unit.id] ?? 1) / totalWeight;
    // Each unit has its own level, so rankings are stable across years, as in real data.
    const level = 0.85 + next() * 0.35;
    for (const period of periods) {
      const baseline = period === 'nk-truoc';
      if (kind === 'count') {
        // A three-year total for the baseline row: the previous term's first three years.
        const annual = annualTargets[period] ?? annualTargets['2018'] ?? (termTarget ? termTarget / 5 : 4000);
        const scale = baseline ? 3 * 0.9 : 1;
        const value = Math.max(0, Math.round(annual * share * level * scale * (0.9 + next() * 0.25)));
        files[period]!.push([unit.id, period, indicator.id, value, '', '', '']);
      } else {
        const denominator = Math.max(3, Math.round(900 * share * (0.95 + next() * 0.1)));
        const target = (annualTargets[period] ?? termTarget ?? 70) / 100;
        const rate = Math.min(0.97, Math.max(0.05, (baseline ? target - 0.08 : target) + (level - 1) * 0.25 + (next() - 0.5) * 0.06));
        files[period]!.push([unit.id, period, indicator.id, '', Math.round(denominator * rate), denominator, '']);
      }
    }
  }
}

// All four files together or none, under the import's lock, as `npm run import:form` writes
// them. A results file is read again, not downloaded: written exactly, never neutralised.
const lock = await acquireLock(outDir);
try {
  commitFiles(outDir, periods.map((period) => ({ name: `${period}.csv`, bytes: new TextEncoder().encode(toCsv(RESULT_COLUMNS, files[period]!, { neutralise: false })) })));
} finally {
  lock.release();
}
if (process.argv[2]) {
  console.log(`Đã ghi ${periods.length} tệp vào ${outDir}.`);
} else {
  const dataset = loadDataset(root);
  console.log(`Đã ghi ${dataset.rows.length} dòng số liệu minh họa (${units.length} đơn vị × ${indicators.length} chỉ tiêu × ${periods.length} kỳ).`);
}
