// Writes the illustrative dataset (content/so-lieu/<year>.csv for each evaluated year of the edition,
// and the baseline file): every unit × indicator × year, plus previous-term baseline rows; and the
// units' illustrative targets (muc-tieu-don-vi.yaml): each unit's share of the term target and of
// the annual allocations, by its size. Deterministic (seeded), so re-running it
// reproduces the committed files byte for byte. The figures are invented: bo-du-lieu.yaml keeps
// status minh-hoa, and every page showing them says so.
//   npm run data:sample            (rewrites content/so-lieu/*.csv)
//   npm run data:sample -- <dir>   (writes the files to <dir> instead, e.g. to compare)
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { toCsv } from '../src/lib/indicators/csv-write.ts';
import { RESULT_COLUMNS } from '../src/lib/indicators/results-csv.ts';
import { TARGET_COLUMNS } from '../src/lib/indicators/targets-csv.ts';
import { loadDataset, META_FILE, UNIT_TARGETS_FILE } from '../src/lib/indicators/read.ts';
import { seededRandom } from './seeded-random.ts';
import { loadEdition } from '../src/lib/edition/load.ts';
import { acquireLock, commitFiles } from '../src/lib/fs/transaction.ts';

const root = new URL('..', import.meta.url).pathname;
const UNIT_TARGETS_NAME = UNIT_TARGETS_FILE.split('/').pop()!;
const outDir = process.argv[2] ?? `${root}/content/so-lieu`;

interface Def { kind: 'count' | 'rate'; termTarget?: number; annualTargets?: Record<string, number>; direction: string }
const load = (dir: string) =>
  readdirSync(`${root}/content/${dir}`).filter((n) => n.endsWith('.yaml')).sort().map((n) => ({ id: n.replace(/\.yaml$/, ''), data: parse(readFileSync(`${root}/content/${dir}/${n}`, 'utf8')) }));
const indicators = load('chi-tieu') as { id: string; data: Def }[];
const units = load('don-vi') as { id: string; data: { order: number; sampleWeight?: number } }[];
// Each unit's relative size (`sampleWeight` of its file), for plausible proportions; 1 when absent.
const weightOf = (unit: (typeof units)[number]) => unit.data.sampleWeight ?? 1;
const totalWeight = units.reduce((sum, u) => sum + weightOf(u), 0);

// The edition's evaluated years, and the previous term's baseline key of bo-du-lieu.yaml.
const { from, to } = loadEdition(root).review.evaluation.years;
const years = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const baselineKey = (parse(readFileSync(`${root}/${META_FILE}`, 'utf8')) as { baseline?: { key: string } }).baseline?.key;
const periods = [...(baselineKey ? [baselineKey] : []), ...years];
// Seeded by the last day of the first evaluated year, so each edition's figures are its own.
const next = seededRandom(from * 10000 + 1231);
const files: Record<string, (string | number)[][]> = Object.fromEntries(periods.map((p) => [p, []]));

for (const indicator of indicators) {
  const { kind, annualTargets = {}, termTarget } = indicator.data;
  for (const unit of units) {
    const share = weightOf(unit) / totalWeight;
    // Each unit has its own level, so rankings are stable across years, as in real data.
    const level = 0.85 + next() * 0.35;
    for (const period of periods) {
      const baseline = period === baselineKey;
      if (kind === 'count') {
        // A three-year total for the baseline row: the previous term's first three years.
        const annual = annualTargets[period] ?? annualTargets[years[0]!] ?? (termTarget ? termTarget / 5 : 4000);
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

// The units' targets, from a stream of their own so the results above stay as committed: a
// count's share of the whole by the unit's size, give or take a tenth; a rate's level within five
// points of the whole's.
const nextTarget = seededRandom(from * 10000 + 1232);
const targetRows: (string | number)[][] = [];
for (const unit of [...units].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))) {
  const share = weightOf(unit) / totalWeight;
  for (const indicator of indicators) {
    const { kind, annualTargets = {}, termTarget } = indicator.data;
    const level = 0.9 + nextTarget() * 0.2;
    if (kind === 'count') {
      if (termTarget !== undefined) targetRows.push([unit.id, indicator.id, 'nhiem-ky', Math.round(termTarget * share * level)]);
      for (const y of years) if (annualTargets[y] !== undefined) targetRows.push([unit.id, indicator.id, y, Math.round(annualTargets[y]! * share * level)]);
    } else {
      const offset = Math.round((nextTarget() - 0.5) * 10);
      if (termTarget !== undefined) targetRows.push([unit.id, indicator.id, 'nhiem-ky', Math.min(100, Math.max(0, termTarget + offset))]);
    }
  }
}

// All the files together or none, under the import's lock, as `npm run import:form` writes
// them. A results file is read again, not downloaded: written exactly, never neutralised.
const lock = await acquireLock(outDir);
try {
  commitFiles(outDir, [
    ...periods.map((period) => ({ name: `${period}.csv`, bytes: new TextEncoder().encode(toCsv(RESULT_COLUMNS, files[period]!, { neutralise: false })) })),
    { name: UNIT_TARGETS_NAME, bytes: new TextEncoder().encode(toCsv(TARGET_COLUMNS, targetRows, { neutralise: false })) },
  ]);
} finally {
  lock.release();
}
if (process.argv[2]) {
  console.log(`Đã ghi ${periods.length + 1} tệp vào ${outDir}.`);
} else {
  const dataset = loadDataset(root);
  console.log(`Đã ghi ${dataset.rows.length} dòng số liệu minh họa (${units.length} đơn vị × ${indicators.length} chỉ tiêu × ${periods.length} kỳ) và mục tiêu minh họa của ${Object.keys(dataset.unitTargets?.byUnit ?? {}).length} đơn vị.`);
}
