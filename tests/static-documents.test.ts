// A document's MDX rendered to static HTML as Astro loads it (src/plugins/static-documents.ts): the
// site's two marks and HTML elements written as their components write them, positions kept as the
// file's, and anything else MDX allows left to the module path with the reason named.
// The whole pages are compared with the module path's by tests/processor-parity.test.ts.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { compiledSource, createDocumentRenderer } from '../src/plugins/static-documents';
import { satteriProcessor } from '../src/plugins/satteri';
import { citations, SHARED } from './helpers/mdx-renderer';

const render = createDocumentRenderer(satteriProcessor(citations), SHARED);
const FILE = join(process.cwd(), 'content/van-ban/thu.mdx');

async function html(source: string): Promise<string> {
  const result = await render(source, FILE);
  if (!('rendered' in result)) throw new Error(`unsupported: ${result.unsupported}`);
  return result.rendered.html;
}

async function unsupported(source: string): Promise<string> {
  const result = await render(source, FILE);
  if (!('unsupported' in result)) throw new Error(`rendered: ${result.rendered.html}`);
  return result.unsupported;
}

describe('the file as @astrojs/mdx compiles it', () => {
  const cases = [
    '---\ntitle: a\n---\n\n# x\n',
    '\uFEFF---\r\ntitle: a\r\n---\r\nthân\r\n',
    '\n\n---\nb: [1]\n---\nchữ',
    'không có front matter',
    '+++\na = 1\n+++\nthân',
    '---\nx: "---"\n---\n---\n',
    ...readdirSync('content/van-ban').map((name) => readFileSync(join('content/van-ban', name), 'utf8')),
    ...readdirSync('content/chuong-trinh').map((name) => readFileSync(join('content/chuong-trinh', name), 'utf8')),
  ];
  test.each(cases.map((c, i) => [i, c] as const))('case %i: the front matter blanked exactly as Astro blanks it', (_, text) => {
    expect(compiledSource(text)).toBe(parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content);
  });
});

describe('static HTML', () => {
  test('<EditorNote> and <Anchor> as their Astro components write them', async () => {
    expect(await html('<Anchor id="moc-mot" />Đoạn văn <EditorNote>ghi chú *nghiêng*</EditorNote> tiếp.')).toBe(
      '<p><span class="moc" id="moc-mot"></span>Đoạn văn <span class="editor-note" role="note" data-editor-note><span class="note-text">ghi chú <em>nghiêng</em></span></span> tiếp.</p>',
    );
  });

  test('HTML elements written as JSX keep their attributes, nested marks included', async () => {
    expect(await html('<p className="kinh-gui kinh">Kính gửi: <EditorNote>sửa</EditorNote></p>\n\n<div data-muc="2" id="a">chữ</div>')).toBe(
      '<p class="kinh-gui kinh">Kính gửi: <span class="editor-note" role="note" data-editor-note><span class="note-text">sửa</span></span></p>\n<div data-muc="2" id="a">chữ</div>',
    );
  });

  test('the headings and the citation records are returned, nothing else of the front matter', async () => {
    const result = await render('## I. MỤC ĐÍCH\n\nTheo Chương trình số 2494/CTr-TLĐ ngày 19/12/2018.\n', FILE);
    if (!('rendered' in result)) throw new Error(result.unsupported);
    expect(result.rendered.metadata.headings).toEqual([{ depth: 2, slug: 'i-muc-dich', text: 'I. MỤC ĐÍCH' }]);
    expect(Object.keys(result.rendered.metadata.frontmatter)).toEqual(['citations']);
    expect(result.rendered.html).toContain('href="/chuong-trinh/2494-ctr-tld-2018/"');
  });

  test.each([
    ['<Khac />', 'thành phần <Khac>'],
    ['Chữ {1 + 1}', 'biểu thức {…}'],
    ["import X from './x.astro'\n\nchữ", 'import/export'],
    ['![ảnh](./anh.png)', 'ảnh'],
    ['<Anchor id={"a"} />', 'thuộc tính id={…} trong <Anchor>'],
    ['<p className={x}>chữ</p>', 'thuộc tính className={…} trong <p>'],
    ['<>chữ</>', 'phân đoạn <>…</>'],
    ['<Anchor id="a">chữ</Anchor>', '<Anchor> có nội dung'],
    ['<EditorNote loai="a">chữ</EditorNote>', '<EditorNote> có thuộc tính'],
  ])('%s is left to the module path: %s', async (source, reason) => {
    expect(await unsupported(source)).toContain(reason);
  });

  test('a broken link stops the build with the site message and the line of the file, front matter counted', async () => {
    const text = '---\ntitle: a\n---\n\n## I\n\nXem [kế hoạch](/van-ban/khong-co/).\n';
    await expect(render(compiledSource(text), FILE)).rejects.toThrow(/content\/van-ban\/thu\.mdx:7.*\/van-ban\/khong-co\//s);
  });
});

describe('the rendering thread (static-documents-worker.ts)', () => {
  test('renders what the main thread would, skips a document the main thread took, and answers a failure with its message', async () => {
    const { Worker } = await import('node:worker_threads');
    const { SLOT } = await import('../src/plugins/static-documents');
    const files = readdirSync('content/van-ban').map((name) => join(process.cwd(), 'content/van-ban', name));
    const missing = join(process.cwd(), 'content/van-ban/khong-co.mdx');
    const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (files.length + 1));
    const slots = new Int32Array(buffer);
    // The main thread has taken the first document.
    slots[0] = SLOT.main;
    const worker = new Worker(new URL('../src/plugins/static-documents-worker.ts', import.meta.url), {
      workerData: { citations, features: { ...satteriProcessor(citations).options.features }, shared: SHARED, slots: buffer },
    });
    try {
      const replies = new Map<number, unknown>();
      const all = new Promise<void>((resolve, reject) => {
        worker.on('message', (reply: { id: number }) => {
          replies.set(reply.id, reply);
          if (replies.size === files.length + 1) resolve();
        });
        worker.on('error', reject);
      });
      [...files, missing].forEach((filePath, slot) => worker.postMessage({ id: slot, filePath, slot }));
      await all;
      expect(replies.get(0)).toEqual({ id: 0, taken: true });
      for (let i = 1; i < files.length; i++) {
        const contents = readFileSync(files[i]!, 'utf8');
        expect(replies.get(i)).toEqual({ id: i, contents, result: await render(compiledSource(contents), files[i]!) });
        expect(slots[i]).toBe(SLOT.worker);
      }
      expect(replies.get(files.length)).toMatchObject({ id: files.length, error: expect.stringContaining('ENOENT') });
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
