// The report template, made from the outline's MDX: edit the outline, and the next build's template
// follows. Kept between builds like the drafts (src/lib/prepare/kit-jobs.ts, outlineTemplateJob), so
// a rebuild whose outline did not change takes it from the cache.
import type { APIRoute } from 'astro';
import { cachedKitFile, outlineTemplateJob } from '../../lib/prepare/kit-jobs';
import { site } from '../../lib/site/site';
import { indicatorData } from '../../data/indicators';
import { reportOutline } from '../../data/outline';
import { figuresDate } from '../../lib/indicators/dataset';

export const GET: APIRoute = async () => {
  const root = process.cwd();
  const { blocks, sourceTitle } = await reportOutline();
  const { dataset, isSample } = indicatorData();
  const file = await cachedKitFile(root, outlineTemplateJob(root, blocks, {
    formUrl: 'trang Chỉ tiêu hoặc trang của đơn vị trên cổng sơ kết (/chi-tieu/, /don-vi/)',
    sourceTitle,
    organisation: site.publisher,
    recipient: site.reportRecipient,
    illustrative: isSample,
    made: figuresDate(dataset),
  }));
  return new Response(new Uint8Array(file), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
