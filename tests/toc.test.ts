import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildToc, headingLines } from '../src/lib/documents/toc';

describe('contents', () => {
  test('a heading written as a title and parts lists each part on its own line', () => {
    const body = readFileSync('content/van-ban/de-cuong-bao-cao.mdx', 'utf8');
    const lines = headingLines(body);
    const text = 'PHẦN THỨ HAI Nhiệm vụ chủ yếu đến hết nhiệm kỳ Những đề xuất và kiến nghị';
    expect(lines.get(text)).toEqual(['PHẦN THỨ HAI', 'Nhiệm vụ chủ yếu đến hết nhiệm kỳ', 'Những đề xuất và kiến nghị']);
    const toc = buildToc([{ depth: 2, slug: 'phan-thu-hai', text }], { lines });
    expect(toc[0]?.lines).toHaveLength(3);
    expect(toc[0]?.text).toBe(text);
  });

  test('sections the page adds come last; no headings and no extras make no contents', () => {
    const toc = buildToc([{ depth: 2, slug: 'i', text: 'I. MỤC ĐÍCH' }, { depth: 3, slug: 'i-1', text: '1. Một' }], { extra: [{ slug: 'moc-thoi-gian', text: 'Mốc thời gian' }] });
    expect(toc.map((t) => t.slug)).toEqual(['i', 'moc-thoi-gian']);
    expect(toc[0]?.children.map((c) => c.lines)).toEqual([['1. Một']]);
    expect(buildToc([])).toEqual([]);
  });
});
