// Builds the Pagefind index of dist/ after `astro build`.
import * as pagefind from 'pagefind';

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: 'dist' });
if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: 'dist/pagefind' });
if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
console.log(`Pagefind: ${added.page_count} trang đã lập chỉ mục.`);
await pagefind.close();
