// The content files are read once before the build; the front-matter check and the citation
// plugins' list of published documents both work from that reading.
import { afterAll, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentFiles } from '../src/lib/content/content-files';
import { NOT_PARSED } from '../src/lib/content/frontmatter-check';
import { publishedDocuments } from '../src/plugins/known-documents';
import { checkContentFrontMatter } from '../src/integrations/content-check';

const root = mkdtempSync(join(tmpdir(), 'content-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'content', 'chuong-trinh'), { recursive: true });
mkdirSync(join(root, 'content', 'van-ban'), { recursive: true });
// An unquoted date stays text, as the check reads it: the programme's year is still known.
writeFileSync(join(root, 'content', 'chuong-trinh', '2494-ctr-tld-2018.mdx'), '---\nnumber: "2494"\nsymbol: CTr-TLĐ\nissueDate: 2018-12-19\n---\nNội dung\n');
writeFileSync(join(root, 'content', 'van-ban', 'hong.mdx'), '---\nnumber: "56/KH-TLĐ"\ntitle: [không đóng\n---\nNội dung\n');
writeFileSync(join(root, 'content', 'van-ban', 'khong-co-front-matter.mdx'), 'Nội dung\n');
writeFileSync(join(root, 'content', 'van-ban', 'ghi-chu.txt'), 'không phải MDX');

test('every MDX file of both collections is read once, with its front matter', () => {
  const files = readContentFiles(root);
  expect(files.map((f) => f.file)).toEqual([
    'content/van-ban/hong.mdx',
    'content/van-ban/khong-co-front-matter.mdx',
    'content/chuong-trinh/2494-ctr-tld-2018.mdx',
  ]);
  expect(files[2]!.frontMatter.data).toEqual({ number: '2494', symbol: 'CTr-TLĐ', issueDate: '2018-12-19' });
  expect(files[0]!.frontMatter.data).toBe(NOT_PARSED);
  expect(files[1]!.frontMatter.block).toBeUndefined();
});

test('published documents come from that reading; a file that does not parse is still listed', () => {
  expect(publishedDocuments(readContentFiles(root))).toEqual([
    { id: '2494-ctr-tld-2018', collection: 'chuong-trinh', href: '/chuong-trinh/2494-ctr-tld-2018/', number: '2494', symbol: 'CTr-TLĐ', year: 2018 },
    { id: 'hong', collection: 'van-ban', href: '/van-ban/hong/', number: undefined, symbol: undefined, year: undefined },
    { id: 'khong-co-front-matter', collection: 'van-ban', href: '/van-ban/khong-co-front-matter/', number: undefined, symbol: undefined, year: undefined },
  ]);
});

test('the check reports, from the same reading, what does not parse with its line', () => {
  const problems = checkContentFrontMatter(root, readContentFiles(root));
  expect(problems.find((p) => p.file === 'content/van-ban/hong.mdx')).toMatchObject({ rule: 'yaml', line: 3 });
  expect(problems.find((p) => p.file === 'content/van-ban/khong-co-front-matter.mdx')).toMatchObject({ rule: 'front-matter', line: 1 });
});
