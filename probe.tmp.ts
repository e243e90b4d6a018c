import { readFileSync } from 'node:fs';
import { readForm } from './src/lib/report-kit/import.ts';
import { loadDataset } from './src/lib/indicators/read.ts';
const dataset = loadDataset('.');
for (const f of ['base', 'bloated']) {
  const bytes = new Uint8Array(readFileSync(`/tmp/hostile/${f}.xlsx`));
  const t = performance.now();
  const r = await readForm(`${f}.xlsx`, bytes, dataset);
  console.log(f, Math.round(performance.now() - t), 'problems' in r ? r.problems : r.entries.length);
}
