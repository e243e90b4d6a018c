// Plain Pagefind over the built site, no folding: the bare baseline.
import * as pagefind from 'pagefind';
const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
await index.addDirectory({ path: process.env.DIST_DIR ?? 'dist' });
await index.writeFiles({ outputPath: `${process.env.DIST_DIR ?? 'dist'}/pagefind` });
await pagefind.close();
