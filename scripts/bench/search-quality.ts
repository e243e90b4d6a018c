// Search quality on the held-out queries (tests/fixtures/search-held-out.ts) against a built
// index, through the site's own query path: top-1 and top-5 rates, overall and per kind.
// Usage: node scripts/bench/search-quality.ts [dist] [--verbose]
import { loadPagefind } from '../../tests/helpers/pagefind-node.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { HELD_OUT } from '../../tests/fixtures/search-held-out.ts';

const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const verbose = process.argv.includes('--verbose');
const pagefind = await loadPagefind(dist);
const byKind = new Map<string, { n: number; top1: number; top5: number; section: number; sections: number }>();
let top1 = 0;
let top5 = 0;
for (const q of HELD_OUT) {
  const hits = await runSearch(pagefind, q.query, { limit: 10 });
  const pages = hits.map((h) => h.url.split('#')[0]);
  const first = pages[0] === q.expected;
  const five = pages.slice(0, 5).includes(q.expected);
  const stats = byKind.get(q.kind) ?? { n: 0, top1: 0, top5: 0, section: 0, sections: 0 };
  stats.n += 1;
  if (first) { top1 += 1; stats.top1 += 1; }
  if (five) { top5 += 1; stats.top5 += 1; }
  if (q.section) {
    stats.sections += 1;
    const hit = hits.find((h) => h.url.split('#')[0] === q.expected);
    if (hit?.url.endsWith(q.section)) stats.section += 1;
  }
  byKind.set(q.kind, stats);
  if (verbose) console.error(`${first ? '1' : five ? '5' : '-'} ${q.query.padEnd(42)} ${hits.slice(0, 3).map((h) => h.url).join('  ')}`);
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`top-1 ${pct(top1, HELD_OUT.length)} (${top1}/${HELD_OUT.length}), top-5 ${pct(top5, HELD_OUT.length)} (${top5}/${HELD_OUT.length})`);
for (const [kind, s] of byKind) {
  console.log(`  ${kind.padEnd(14)} top-1 ${s.top1}/${s.n}, top-5 ${s.top5}/${s.n}${s.sections ? `, mục đúng ${s.section}/${s.sections}` : ''}`);
}
