// The site grown past its real size: 300 synthetic documents (the benchmark's generator) added to a
// copy of the project, about 270 citations of each programme. Long lists must split into pages
// so that every page keeps within the 100 KB budget, and every document and every place a
// programme is cited must still be reachable, from valid, accessible pages whose links all resolve.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { writeDocuments } from '../scripts/bench/corpus';
import { readContentFiles } from '../src/lib/content/content-files';
import { CITED_AT_PER_PAGE, CITED_AT_SHOWN, DOCUMENTS_PER_PAGE, HOME_DOCUMENTS } from '../src/lib/site/pagination';
import { axeViolations, openPage, useSiteInBrowser } from './helpers/browser';
import { htmlFiles } from './helpers/dist';
import { htmlProblems } from './helpers/html';
import { checkLinks } from './helpers/links';
import { copyProject, runIn } from './helpers/project-copy';

const SYNTHETIC = 300;
let dir = '';
let dist = '';
let build: { status: number | null; stdout: string; stderr: string } = { status: null, stdout: '', stderr: '' };

beforeAll(() => {
  // Build caches of its own: a cold build, as on a fresh clone, whatever an earlier run left.
  dir = copyProject('congdoan-scale-', { ownBuildCaches: true });
  dist = join(dir, 'dist');
  writeDocuments(join(dir, 'content/van-ban'), SYNTHETIC);
  // The documents rendered ahead in a worker thread (src/plugins/documents-loader.ts: a cold build of
  // 100 documents or more) and the MDX compile worker on for the programmes and notices
  // (src/plugins/compile-ahead.ts), which a site this size would not start: every assertion below
  // then holds of documents and modules made off the main thread.
  build = runIn(dir, ['node_modules/.bin/astro', 'build'], { SOKET_COMPILE_AHEAD_MIN: '1' });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const site = useSiteInBrowser(() => dist);

const read = (file: string) => parse(readFileSync(join(dist, file), 'utf8'));
/** The pages of a list: its first page and those under trang/. */
const listPages = (base: string) => htmlFiles(dist).filter((f) => f === `${base}index.html` || f.startsWith(`${base}trang/`));
const count = (text: string) => Number(/Xem đủ ([\d.]+) chỗ/.exec(text)?.[1]?.replace(/\./g, ''));

test('the site builds', () => {
  expect(build.status, build.stderr).toBe(0);
});

test('the documents were rendered, some ahead in a worker thread, and the other MDX files compiled with the worker on, each once', () => {
  const files = readContentFiles(dir);
  const documents = files.filter((f) => f.collection === 'van-ban').length;
  expect(documents).toBe(SYNTHETIC + 3);
  const rendered = /Văn bản: (\d+) dựng thành HTML \((\d+) làm sẵn ở luồng riêng\), (\d+) lấy lại từ lần dựng trước, (\d+) qua mô-đun MDX\./.exec(build.stdout);
  const [all, ahead, kept, modules] = rendered?.slice(1).map(Number) ?? [];
  expect([all, kept, modules], build.stdout.slice(-3000)).toEqual([documents, 0, 0]);
  // The thread starts while Astro does, and the loader renders on the main thread whatever the thread
  // has not reached when it gets there: the thread has a second's start on it.
  expect(ahead).toBeGreaterThan(0);
  expect(ahead).toBeLessThanOrEqual(documents);
  const line = /Biên dịch MDX: (\d+) văn bản; luồng riêng (\d+), luồng chính (\d+)\./.exec(build.stdout);
  expect(line, build.stdout.slice(-3000)).not.toBeNull();
  const [total, worker, main] = line!.slice(1).map(Number);
  // Every other MDX file of the copy's content/: the edition's programmes and notices.
  expect(total).toBe(files.length - documents);
  expect(worker! + main!).toBe(total);
});

test('every page is under 100 KB', () => {
  const pages = htmlFiles(dist);
  expect(pages.length).toBeGreaterThan(SYNTHETIC);
  expect(pages.filter((f) => statSync(join(dist, f)).size >= 100 * 1024)).toEqual([]);
});

describe('documents', () => {
  test('the home page shows the first documents and links to the whole list', () => {
    const home = read('index.html');
    expect(home.querySelectorAll('.cards li')).toHaveLength(HOME_DOCUMENTS);
    expect(home.querySelector('a[href="/van-ban/"]')?.text).toBe(`Xem tất cả ${(SYNTHETIC + 3).toLocaleString('vi-VN')} văn bản`);
  });

  test('/van-ban/ and its pages list every document exactly once', () => {
    const pages = listPages('van-ban/');
    expect(pages).toHaveLength(Math.ceil((SYNTHETIC + 3) / DOCUMENTS_PER_PAGE));
    const linked = pages.flatMap((f) => read(f).querySelectorAll('.cards h2 a').map((a) => a.getAttribute('href')));
    expect(linked).toHaveLength(SYNTHETIC + 3);
    expect(new Set(linked).size).toBe(SYNTHETIC + 3);
    expect(linked).toContain('/van-ban/ke-hoach-so-ket/');
    expect(linked).toContain(`/van-ban/van-ban-${String(SYNTHETIC).padStart(5, '0')}/`);
  });

  test('the pager marks the current page and links to the previous and next ones', () => {
    const second = read('van-ban/trang/2/index.html');
    expect(second.querySelector('.pager [aria-current="page"]')?.text).toBe('2');
    expect(second.querySelector('.pager a[rel="prev"]')?.getAttribute('href')).toBe('/van-ban/');
    expect(second.querySelector('.pager a[rel="next"]')?.getAttribute('href')).toBe('/van-ban/trang/3/');
  });
});

describe('places a programme is cited', () => {
  test('the programme page lists the first places and links to the whole list, which holds each place once', () => {
    const page = read('chuong-trinh/2494-ctr-tld-2018/index.html');
    expect(page.querySelectorAll('.backlinks li')).toHaveLength(CITED_AT_SHOWN);
    const more = page.querySelector('.cited-at-more a');
    expect(more?.getAttribute('href')).toBe('/chuong-trinh/2494-ctr-tld-2018/dan-chieu/');
    const total = count(more?.text ?? '');
    expect(total).toBeGreaterThan(CITED_AT_PER_PAGE);

    const pages = listPages('chuong-trinh/2494-ctr-tld-2018/dan-chieu/');
    expect(pages).toHaveLength(Math.ceil(total / CITED_AT_PER_PAGE));
    const places = pages.flatMap((f) => read(f).querySelectorAll('.backlinks li a').map((a) => a.getAttribute('href')));
    expect(places).toHaveLength(total);
    expect(new Set(places).size).toBe(total);
    // The first places are the ones the programme page shows.
    expect(places.slice(0, CITED_AT_SHOWN)).toEqual(page.querySelectorAll('.backlinks li a').map((a) => a.getAttribute('href')));
  });

  test('each register row lists at most the first places; its whole list matches the programme page count', () => {
    const register = read('van-ban-dan-chieu/index.html');
    const row = register.querySelector('#vb-2494-ctr-tld-2018');
    expect(row?.querySelectorAll('.cited-at li')).toHaveLength(CITED_AT_SHOWN);
    const more = row?.querySelector('.cited-at-more a');
    expect(more?.getAttribute('href')).toBe('/van-ban-dan-chieu/2494-ctr-tld-2018/');
    const pages = listPages('van-ban-dan-chieu/2494-ctr-tld-2018/');
    const places = pages.flatMap((f) => read(f).querySelectorAll('.backlinks li'));
    expect(places).toHaveLength(count(more?.text ?? ''));
    for (const tr of register.querySelectorAll('tbody tr')) expect(tr.querySelectorAll('.cited-at li').length).toBeLessThanOrEqual(CITED_AT_SHOWN);
  });
});

describe('integrity of the new pages', () => {
  const newPages = () => htmlFiles(dist).filter((f) => /^(index\.html|van-ban\/(index\.html|trang\/)|chuong-trinh\/[^/]+\/(index\.html|dan-chieu\/)|van-ban-dan-chieu\/)/.test(f));

  test('every link of the list pages, pagers included, resolves', () => {
    const { broken, checked } = checkLinks(dist, newPages());
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(2_000);
  });

  test('the list pages are valid HTML', async () => {
    expect(await htmlProblems(dist, newPages())).toEqual([]);
  });

  test.each(['/van-ban/trang/2/', '/chuong-trinh/2494-ctr-tld-2018/', '/chuong-trinh/2494-ctr-tld-2018/dan-chieu/trang/2/', '/van-ban-dan-chieu/'])(
    '%s: axe-core finds no violation',
    async (path) => {
      const { page } = await openPage(site.browser, { bypassCSP: true });
      await page.goto(`${site.origin}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
