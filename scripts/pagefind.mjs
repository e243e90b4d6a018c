// Builds the Pagefind index of the built site (dist/, or DIST_DIR). Each page is indexed from its
// HTML plus folded copies of its text (src/lib/search/fold-html.ts), added in memory only: the
// published HTML is not changed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { addFoldedCopies } from '../src/lib/search/fold-html.ts';

const dist = process.env.DIST_DIR ?? 'dist';

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** dist/van-ban/x/index.html → /van-ban/x/ ; dist/404.html → /404.html */
function urlOf(file) {
  const path = relative(dist, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
let pages = 0;
// Folding runs here while the Pagefind process indexes earlier pages: waiting for each page's
// answer before sending the next made indexing take several times longer on large sites.
const pending = new Set();
for (const file of htmlFiles(dist).sort()) {
  const html = readFileSync(file, 'utf8');
  if (!html.includes('data-pagefind-body')) continue;
  const task = index.addHTMLFile({ url: urlOf(file), content: addFoldedCopies(html) }).then((added) => {
    if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
    pending.delete(task);
  });
  pending.add(task);
  pages++;
  if (pending.size >= 64) await Promise.race(pending);
}
await Promise.all(pending);
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`Pagefind: đã lập chỉ mục ${pages} trang trong ${Math.round(performance.now() - started)} ms.`);
