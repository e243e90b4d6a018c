// The report template, rebuilt from the outline's MDX at every build: edit the outline, and the
// next build's template follows.
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { outlineBlocks } from '../../lib/report-kit/outline';
import { outlineTemplateBuffer } from '../../lib/report-kit/docx';
import { documentFile } from '../../lib/content/paths';
import { site } from '../../lib/site/site';
import { indicatorData } from '../../data/indicators';
import { figuresDate } from '../../lib/indicators/dataset';

export const GET: APIRoute = async () => {
  const outline = await getEntry('van-ban', site.outline);
  if (!outline?.body) throw new Error(`Không đọc được nội dung ${documentFile(site.outline)}`);
  const { dataset, isSample } = indicatorData();
  const buffer = await outlineTemplateBuffer(outlineBlocks(outline.body), {
    formUrl: 'trang Chỉ tiêu hoặc trang của đơn vị trên cổng sơ kết (/chi-tieu/, /don-vi/)',
    sourceTitle: outline.data.title,
    organisation: site.publisher,
    recipient: site.reportRecipient,
    illustrative: isSample,
    made: figuresDate(dataset),
  });
  return new Response(new Uint8Array(buffer), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
