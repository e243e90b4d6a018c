// `npm run build`: the site (astro build), then its search index (scripts/pagefind.mjs).
//
// The JavaScript heap is capped for the Sätteri build: even at 10,000 documents it keeps under
// 1.3 GB of live heap, but left at Node's default limit (about 4 GB here) V8 collects late and the
// build's resident memory passed 6 GB (docs/benchmarks.md). The remark/rehype pipeline keeps far
// more alive (it ran out of memory at 10,000 documents under a 1.5 GB cap), so it gets a large one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Node's --max-old-space-size for an `astro build` with this Markdown processor (MB). */
export function heapLimitMb(processor = process.env.MARKDOWN_PROCESSOR) {
  return processor === 'unified' ? 12288 : 1536;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run([`--max-old-space-size=${heapLimitMb()}`, fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url)), 'build']);
  run([fileURLToPath(new URL('./pagefind.mjs', import.meta.url))]);
}
