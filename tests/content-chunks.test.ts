// The documents' modules share 16 chunks in the server build (src/plugins/content-chunks.ts) rather
// than three files each. Unit tests of the grouping, then a real `astro build` of a copy with 60 more
// documents, watched from inside by a Vite plugin that records which chunk each document's modules
// went to: the option's name or place in the Vite config changing (Vite 8 drops `rollupOptions`
// when `rolldownOptions` is there) would put them back one document a chunk, silently.
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_CHUNKS, contentChunkName, contentChunks } from '../src/plugins/content-chunks';
import { writeDocuments } from '../scripts/bench/corpus';
import { copyProject, giveOwnBuildCaches, runIn } from './helpers/project-copy';

const root = `${sep}srv${sep}soket`;
const at = (path: string) => `/srv/soket/${path}`;

describe('contentChunkName', () => {
  it('puts every MDX file of the edition in a content chunk, and a document and its derived modules in the same one', () => {
    const name = contentChunkName(at('content/van-ban/ke-hoach-so-ket.mdx'), root);
    expect(name).toMatch(/^content-\d+$/);
    expect(contentChunkName(at('content/van-ban/ke-hoach-so-ket.mdx?astroPropagatedAssets'), root)).toBe(name);
    expect(contentChunkName(at('content/van-ban/ke-hoach-so-ket.mdx#x'), root)).toBe(name);
    expect(contentChunkName(at('content/chuong-trinh/2494-ctr-tld-2018.mdx'), root)).toMatch(/^content-\d+$/);
    expect(contentChunkName(at('content/thong-bao/so-lieu-minh-hoa.mdx'), root)).toMatch(/^content-\d+$/);
  });

  it('leaves every other module to the bundler', () => {
    for (const id of [
      at('src/pages/van-ban/[id].astro'),
      at('src/components/ChartFigure.astro'),
      at('node_modules/astro/dist/runtime/server/index.js'),
      at('content/van-ban/ghi-chu.md'),
      at('src/pages/gioi-thieu.mdx'),
      '/another/project/content/van-ban/x.mdx',
      '\0astro:content',
    ]) {
      expect(contentChunkName(id, root), id).toBeNull();
    }
  });

  it('depends on the path inside the project, not on where the project is', () => {
    for (const file of ['content/van-ban/van-ban-00001.mdx', 'content/van-ban/de-cuong-bao-cao.mdx']) {
      expect(contentChunkName(`/home/a/${file}`, '/home/a')).toBe(contentChunkName(`/tmp/b/c/${file}`, '/tmp/b/c'));
    }
  });

  it('spreads 1,000 documents over all the chunks, none with more than twice its share', () => {
    const counts = new Map<string, number>();
    for (let n = 1; n <= 1000; n += 1) {
      const name = contentChunkName(at(`content/van-ban/van-ban-${String(n).padStart(5, '0')}.mdx`), root)!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.size).toBe(CONTENT_CHUNKS);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual((2 * 1000) / CONTENT_CHUNKS);
  });

  it('takes a smaller number of chunks when asked', () => {
    const names = new Set(Array.from({ length: 200 }, (_, n) => contentChunkName(at(`content/van-ban/d${n}.mdx`), root, 4)));
    expect([...names].sort()).toEqual(['content-0', 'content-1', 'content-2', 'content-3']);
  });

  it('is the option Rolldown reads: one group, named by contentChunkName', () => {
    const { groups } = contentChunks(root).codeSplitting;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.test.test(at('content/van-ban/a.mdx?astroPropagatedAssets'))).toBe(true);
    expect(groups[0]!.test.test(at('src/pages/index.astro'))).toBe(false);
    expect(groups[0]!.name(at('content/van-ban/a.mdx'))).toBe(contentChunkName(at('content/van-ban/a.mdx'), root));
  });
});

describe('astro build with the content chunks', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("puts every document's modules in one of 16 shared chunks, with pages as before", () => {
    const dir = copyProject('soket-content-chunks-');
    dirs.push(dir);
    giveOwnBuildCaches(dir);
    writeDocuments(join(dir, 'content/van-ban'), 60);
    // An MDX expression in each added document sends it the module path (src/plugins/documents-loader.ts
    // renders the others to HTML as they load): the bundler has 60 documents to chunk.
    for (const name of readdirSync(join(dir, 'content/van-ban')).filter((n) => n.startsWith('van-ban-'))) {
      appendFileSync(join(dir, 'content/van-ban', name), '\nĐoạn cuối {"có biểu thức"}.\n');
    }
    // Astro's own build, with the project's config and one more Vite plugin that writes down, for
    // the server build, which chunk holds each module of the content folder.
    const script = `
      import { build } from 'astro';
      import { writeFileSync } from 'node:fs';
      const seen = [];
      const spy = {
        name: 'chunk-spy',
        generateBundle(_options, bundle) {
          if (this.environment.name !== 'prerender') return;
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk') continue;
            for (const id of chunk.moduleIds) if (id.includes('/content/') && /\\.mdx($|\\?)/.test(id)) seen.push({ id, chunk: chunk.fileName, name: chunk.name });
          }
        },
      };
      await build({ root: process.cwd(), logLevel: 'error', vite: { plugins: [spy] } });
      writeFileSync('chunks.json', JSON.stringify(seen));
    `;
    // A file, not `node -e`: the build's worker threads inherit the process's options.
    writeFileSync(join(dir, 'chunk-spy.mjs'), script);
    const result = runIn(dir, ['chunk-spy.mjs'], { SOKET_PRECHECKED: '1' });
    expect(result.status, result.stderr).toBe(0);
    const seen = JSON.parse(readFileSync(join(dir, 'chunks.json'), 'utf8')) as { id: string; chunk: string; name: string }[];
    const documents = new Set(seen.map(({ id }) => id.replace(/\?.*$/, '')));
    // The edition's documents, programmes and notice, and the 60 added.
    expect(documents.size).toBeGreaterThan(60);
    expect(seen.every(({ name }) => /^content-\d+$/.test(name)), seen.filter(({ name }) => !/^content-\d+$/.test(name)).map(({ id, name }) => `${id} → ${name}`).join('\n')).toBe(true);
    expect(new Set(seen.map(({ chunk }) => chunk)).size).toBeLessThanOrEqual(CONTENT_CHUNKS);
    for (const { id, name } of seen) expect(name, id).toBe(contentChunkName(id, dir));
    // The pages themselves: one of the added documents, whole.
    const page = readFileSync(join(dir, 'dist/van-ban/van-ban-00060/index.html'), 'utf8');
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain('Đoạn cuối có biểu thức.');
    expect(page).toContain('</html>');
  }, 180_000);
});
