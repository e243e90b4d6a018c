// The citation plugin on real Markdown: links what the site publishes, records everything, and
// refuses explicit links to documents that do not exist.
import { describe, expect, test } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { parse } from 'node-html-parser';
import remarkVietnameseAnchors from '../src/plugins/remark-vietnamese-anchors';
import remarkCitations from '../src/plugins/remark-citations';
import { publishedDocuments } from '../src/plugins/known-documents';
import { readContentFiles } from '../src/lib/content/content-files';
import { decodeCitationRecords, type CitationRecord } from '../src/lib/citations/citation-register';
import { markdownToHtml } from 'satteri';
import { satteriPlugins } from '../src/plugins/satteri';
import { documentIdOf } from '../src/plugins/citation-linker';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const published = publishedDocuments(readContentFiles('.'));

type Run = (markdown: string, path?: string) => Promise<{ html: string; records: CitationRecord[] }>;

const runUnified: Run = async (markdown, path = 'content/van-ban/thu.mdx') => {
  const file = new VFile({ path, value: markdown, data: { astro: { frontmatter: {} } } });
  const out = await unified()
    .use(remarkParse)
    .use(remarkVietnameseAnchors)
    .use(remarkCitations, { published })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(file);
  const data = file.data as { astro: { frontmatter: { citations: unknown } } };
  return { html: String(out), records: decodeCitationRecords(data.astro.frontmatter.citations, documentIdOf(path)) };
};

// The same transforms as native Sätteri plugins (the site's default processor).
const runSatteri: Run = async (markdown, path = 'content/van-ban/thu.mdx') => {
  const { html, data } = await markdownToHtml(markdown, {
    ...satteriPlugins({ published }),
    features: { smartPunctuation: false },
    fileURL: pathToFileURL(resolve(path)),
    data: { astro: { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  const astro = (data as unknown as { astro: { frontmatter: Record<string, unknown> } }).astro;
  return { html, records: decodeCitationRecords(astro.frontmatter.citations, documentIdOf(path)) };
};

describe.each([
  ['unified (remark)', runUnified],
  ['Sätteri (native plugins)', runSatteri],
])('citations and anchors under %s', (_name, run) => {
  test('reads the published programmes from content/', () => {
    expect(published.filter((d) => d.collection === 'chuong-trinh').map((d) => d.id).sort()).toEqual([
      '07-ctr-ldld-2018', '08-ctr-ldld-2018', '09-ctr-ldld-2018', '1306-ctr-tld-2019',
      '1563-ctr-tld-2019', '1734-ctr-tld-2019', '2494-ctr-tld-2018', '740-ctr-tld-2020',
    ]);
  });

  test('a citation of a published programme becomes a link; others stay text; all are recorded', async () => {
    const { html, records } = await run(
      '## II. NỘI DUNG\n\nĐánh giá Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 và Chỉ thị 05-CT/TW của Bộ Chính trị về học tập.\n',
    );
    const root = parse(html);
    const links = root.querySelectorAll('a.trich-dan');
    expect(links.map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['/chuong-trinh/2494-ctr-tld-2018/', 'Chương trình số 2494/CTr-TLĐ'],
    ]);
    expect(root.querySelector('p')?.text).toBe(
      'Đánh giá Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 và Chỉ thị 05-CT/TW của Bộ Chính trị về học tập.',
    );
    expect(records.map((r) => [r.label, r.documentId, r.sectionTitle, r.resolved?.id ?? null])).toEqual([
      ['2494/CTr-TLĐ', 'thu', 'II. NỘI DUNG', '2494-ctr-tld-2018'],
      ['05-CT/TW', 'thu', 'II. NỘI DUNG', null],
    ]);
    // Both are recorded at the paragraph, which carries the anchor.
    expect(records[0]?.anchor).toBe('dc-2494-ctr-tld');
    expect(root.querySelector('p')?.id).toBe('dc-2494-ctr-tld');
    expect(records[0]?.line).toBe(3);
  });

  test('the wrong year does not link (numbers restart every year)', async () => {
    const { html, records } = await run('Chương trình số 2494/CTr-TLĐ ngày 19/12/2019.\n');
    expect(html).not.toContain('<a');
    expect(records[0]?.resolved).toBeUndefined();
  });

  test('citations inside list items anchor the item', async () => {
    const { html, records } = await run('- Chương trình số 1563/CTr-TLĐ ngày 09/10/2019 về xây dựng\n- Chương trình số 1563/CTr-TLĐ nữa\n');
    const items = parse(html).querySelectorAll('li');
    expect(items.map((li) => li.id)).toEqual(['dc-1563-ctr-tld', 'dc-1563-ctr-tld-2']);
    expect(records.map((r) => r.anchor)).toEqual(['dc-1563-ctr-tld', 'dc-1563-ctr-tld-2']);
  });

  test('an explicit link to a document the site does not have fails, naming file and line', async () => {
    await expect(run('Đoạn một.\n\nXem [chương trình](/chuong-trinh/9999-ctr-tld-2030/).\n', 'content/van-ban/hong.mdx')).rejects.toThrow(
      'content/van-ban/hong.mdx:3:5: liên kết trỏ tới văn bản không có trên trang (cần một tệp trong content/chuong-trinh/) — giá trị "/chuong-trinh/9999-ctr-tld-2030/" (quy tắc: lien-ket-noi-bo)',
    );
  });

  test('an explicit link to an existing document is accepted and not double-linked', async () => {
    const { html } = await run('Xem [Chương trình số 2494/CTr-TLĐ](/chuong-trinh/2494-ctr-tld-2018/).\n');
    expect(parse(html).querySelectorAll('a')).toHaveLength(1);
  });
});

const DIST = process.env.DIST_DIR ?? 'dist';
const page = (path: string) => parse(readFileSync(join(DIST, path, 'index.html'), 'utf8'));

describe('both pipelines agree', () => {
  // Headings (repeated, with a citation), "+" and "-" lists, tight and loose items, citations in
  // emphasis, inside an explicit link, two in one paragraph, one in a quoted bold span.
  const fixture = [
    '## I. MỤC ĐÍCH, YÊU CẦU', '',
    'Theo Chương trình số 2494/CTr-TLĐ ngày 19/12/2018 và *Chương trình số 1563/CTr-TLĐ ngày 09/10/2019* của Tổng Liên đoàn.', '',
    '### 1. Hình thức', '',
    '- Một ý, theo Chương trình 07/CTr-LĐLĐ ngày 29/8/2018', '- Ý khác', '',
    '### 1. Hình thức', '',
    '+ Ý cộng, xem [Chương trình số 2494/CTr-TLĐ](/chuong-trinh/2494-ctr-tld-2018/)', '',
    '+ Ý cộng rời, Chỉ thị 05-CT/TW và Chương trình số 2494/CTr-TLĐ ngày 19/12/2018', '',
    '## II. Chương trình số 740/CTr-TLĐ ngày 22/7/2020', '',
    '1. Mục đánh số, Kế hoạch số 56/KH-TLĐ ngày 23/7/2020', '',
    '> Trích: **Chương trình số 1306/CTr-TLĐ ngày 18/7/2019**', '',
  ].join('\n');

  test('the same HTML and the same citation records', async () => {
    const [a, b] = await Promise.all([runUnified(fixture), runSatteri(fixture)]);
    // Sätteri writes the same HTML without the line breaks between blocks.
    const blocks = (html: string) => html.replace(/>\s+</g, '><').trim();
    expect(blocks(b.html)).toBe(blocks(a.html));
    expect(a.records.length).toBe(8);
    expect(b.records).toEqual(a.records);
    const root = parse(b.html);
    expect(root.querySelectorAll('h2, h3').map((h) => h.id)).toEqual(['i-muc-dich-yeu-cau', '1-hinh-thuc', '1-hinh-thuc-2', 'ii-chuong-trinh-so-740-ctr-tld-ngay-22-7-2020']);
    expect(root.querySelectorAll('ul').map((u) => u.classList.value)).toEqual([['dau-gach'], ['dau-cong']]);
  });
});

describe('the built register and backlinks', () => {
  test('the register lists the 19 documents the source cites, 8 of them published', () => {
    const rows = page('van-ban-dan-chieu').querySelectorAll('table.register tbody tr');
    expect(rows).toHaveLength(19);
    const labels = rows.map((r) => r.querySelector('th')?.text.trim());
    for (const label of ['56/KH-TLĐ', '99/KH-LĐLĐ', '05-CT/TW', '52-CT/TW', '104-KH-TU', '2494/CTr-TLĐ', '740/CTr-TLĐ']) {
      expect(labels).toContain(label);
    }
    const published = rows.filter((r) => r.querySelector('a[href^="/chuong-trinh/"]'));
    expect(published).toHaveLength(8);
    const row56 = rows.find((r) => r.querySelector('th')?.text.trim() === '56/KH-TLĐ');
    expect(row56?.text).toContain('23/7/2020');
    expect(row56?.text).toContain('Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam');
    expect(row56?.text).toContain('Chưa đăng');
    expect(row56?.querySelectorAll('.cited-at a')).toHaveLength(2);
  });

  test('every "cited at" link of the register and of each programme lands on an element that exists', () => {
    const targets = [
      ...page('van-ban-dan-chieu').querySelectorAll('.cited-at a'),
      ...['2494-ctr-tld-2018', '07-ctr-ldld-2018', '740-ctr-tld-2020'].flatMap((id) => page(`chuong-trinh/${id}`).querySelectorAll('.backlinks a')),
    ].map((a) => a.getAttribute('href') as string);
    expect(targets.length).toBeGreaterThan(20);
    for (const href of targets) {
      const [path, hash] = href.split('#') as [string, string | undefined];
      expect(existsSync(join(DIST, path, 'index.html')), href).toBe(true);
      if (hash) expect(page(path).getElementById(hash), href).not.toBeNull();
    }
  });

  test('programme 2494 is cited in the outline and in the memo', () => {
    const hrefs = page('chuong-trinh/2494-ctr-tld-2018').querySelectorAll('.backlinks a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/van-ban/de-cuong-bao-cao/#dc-2494-ctr-tld', '/van-ban/cong-van-xin-y-kien/#dc-2494-ctr-tld']);
  });
});
