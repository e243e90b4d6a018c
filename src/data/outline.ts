// The report outline's blocks, read once a build for every file made from it: each unit's draft
// (/tai-ve/bao-cao/…) and the report template (/tai-ve/de-cuong-bao-cao.docx). Astro-side (reads the
// collection); the parsing is the pure src/lib/report-kit/outline.ts.
import { getEntry } from 'astro:content';
import { documentFile } from '../lib/content/paths';
import { outlineBlocks, type OutlineBlock } from '../lib/report-kit/outline';
import { site } from '../lib/site/site';

let shared: Promise<{ blocks: OutlineBlock[]; sourceTitle: string }> | undefined;

/** The outline's blocks and its title, parsed at the first ask. */
export function reportOutline(): Promise<{ blocks: OutlineBlock[]; sourceTitle: string }> {
  shared ??= (async () => {
    const outline = await getEntry('van-ban', site.outline);
    if (!outline?.body) throw new Error(`Không đọc được nội dung ${documentFile(site.outline)}`);
    return { blocks: outlineBlocks(outline.body), sourceTitle: outline.data.title };
  })();
  return shared;
}
