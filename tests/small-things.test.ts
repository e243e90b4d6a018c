// Small things readers noticed (issue 16, point 9): the update date of documents from git, the
// sitemap's <lastmod>, "§" links that name their section, capitalised programme summaries, the
// "Tên minh họa" badge explained, a natural 404.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { contentFileOf, lastCommitDate, parseCommitDate, UNKNOWN_UPDATE } from '../src/lib/documents/last-updated';
import { addSectionLinks, headingText, sectionLinkLabel } from '../src/lib/documents/section-link';
import { keepNumbersWhole } from '../src/lib/documents/number-spans';

const DIST = process.env.DIST_DIR ?? 'dist';
const html = (path: string) => parseHtml(readFileSync(join(DIST, path), 'utf8'));
const DOCS = ['ke-hoach-so-ket', 'de-cuong-bao-cao', 'cong-van-xin-y-kien'];

describe('last update from git', () => {
  test('the committer date is read as the day it shows, dd/mm/yyyy', () => {
    expect(parseCommitDate('2026-11-20T23:10:00+07:00\n')).toEqual({ iso: '2026-11-20', display: '20/11/2026' });
    expect(parseCommitDate('')).toBeNull();
    expect(parseCommitDate('fatal: not a git repository')).toBeNull();
  });

  test('a committed file has its last commit\'s date; outside a repository there is none, without failing', () => {
    const expected = execFileSync('git', ['log', '-1', '--format=%cI', '--', 'content/van-ban/ke-hoach-so-ket.mdx'], { encoding: 'utf8' }).slice(0, 10);
    expect(lastCommitDate('content/van-ban/ke-hoach-so-ket.mdx', process.cwd())?.iso).toBe(expected);
    expect(lastCommitDate('content/van-ban/khong-co.mdx', process.cwd())).toBeNull();
    const outside = mkdtempSync(join(tmpdir(), 'no-git-'));
    try {
      expect(lastCommitDate('a.mdx', outside)).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('every document page says "Cập nhật dd/mm/yyyy" from its content file\'s last commit', () => {
    for (const id of DOCS) {
      const p = html(`van-ban/${id}/index.html`).querySelector('[data-updated]')!;
      const expected = lastCommitDate(`content/van-ban/${id}.mdx`, process.cwd())!;
      expect(p.textContent.trim()).toBe(`Cập nhật ${expected.display}`);
      expect(p.querySelector('time')!.getAttribute('datetime')).toBe(expected.iso);
      expect(p.textContent).not.toContain(UNKNOWN_UPDATE);
    }
  });

  test('the sitemap gives <lastmod> for documents and programmes', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    for (const id of DOCS) {
      const iso = lastCommitDate(`content/van-ban/${id}.mdx`, process.cwd())!.iso;
      expect(sitemap).toContain(`/van-ban/${id}/</loc><lastmod>${iso}</lastmod>`);
    }
    expect(sitemap.match(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)!.length).toBeGreaterThanOrEqual(11);
    expect(contentFileOf('/chi-tieu/')).toBeNull();
  });
});

describe('numbers kept on one line', () => {
  test('numbers, symbols, dates and spans of years in text are wrapped; attributes, code and kept spans are not', () => {
    const html = '<p>Số 231-KH/TU ngày 20/8/2020, giai đoạn 2015-2020 &amp; 2494/CTr-TLĐ.</p>'
      + '<a href="/chuong-trinh/1563-ctr-tld-2019/" title="Mở trang chương trình 1563/CTr-TLĐ">Chương trình số 1563/CTr-TLĐ</a>'
      + '<code>12-AB</code><span class="so-hieu">07/CTr-LĐLĐ</span><span class="x">a <span>9/2</span></span><!-- 1-2 --><p>2494 và 18 đơn vị</p>';
    expect(keepNumbersWhole(html)).toBe(
      '<p>Số <span class="so-hieu">231-KH/TU</span> ngày <span class="so-hieu">20/8/2020</span>, giai đoạn <span class="so-hieu">2015-2020</span> &amp; <span class="so-hieu">2494/CTr-TLĐ</span>.</p>'
      + '<a href="/chuong-trinh/1563-ctr-tld-2019/" title="Mở trang chương trình 1563/CTr-TLĐ">Chương trình số <span class="so-hieu">1563/CTr-TLĐ</span></a>'
      + '<code>12-AB</code><span class="so-hieu">07/CTr-LĐLĐ</span><span class="x">a <span><span class="so-hieu">9/2</span></span></span><!-- 1-2 --><p>2494 và 18 đơn vị</p>',
    );
  });
});

describe('"§" links name their section', () => {
  test('the label is the heading\'s text', () => {
    expect(headingText('PHẦN THỨ HAI<br/>Nhiệm vụ &amp; giải pháp <em>x</em>')).toBe('PHẦN THỨ HAI Nhiệm vụ & giải pháp x');
    expect(sectionLinkLabel('1. Bối cảnh')).toBe('Liên kết đến mục: 1. Bối cảnh');
    expect(sectionLinkLabel('')).toBe('Liên kết đến mục này');
  });

  test('each h2–h4 with an id gets its link, named and escaped as Astro escapes attributes; nothing else changes', () => {
    const text = '<h2 id="a-b">A &amp; “B” <span class="so-hieu">2494/CTr-TLĐ</span></h2>\n<p>x</p><h3 id="c">C<br/>D "E"</h3><h5 id="e">E</h5><h2>No id</h2><h4 id="">Empty</h4>';
    expect(addSectionLinks(text)).toBe(
      '<h2 id="a-b">A &amp; “B” <span class="so-hieu">2494/CTr-TLĐ</span><a class="section-link" href="#a-b" aria-label="Liên kết đến mục: A &amp; “B” 2494/CTr-TLĐ" title="Liên kết đến mục: A &amp; “B” 2494/CTr-TLĐ (nhấn giữ hoặc chuột phải để sao chép địa chỉ)" data-pagefind-ignore>§</a></h2>\n<p>x</p>'
      + '<h3 id="c">C<br/>D "E"<a class="section-link" href="#c" aria-label="Liên kết đến mục: C D &quot;E&quot;" title="Liên kết đến mục: C D &quot;E&quot; (nhấn giữ hoặc chuột phải để sao chép địa chỉ)" data-pagefind-ignore>§</a></h3>'
      + '<h5 id="e">E</h5><h2>No id</h2><h4 id="">Empty</h4>',
    );
  });

  test('on the built documents every "§" link names a different section', () => {
    for (const id of DOCS) {
      const links = html(`van-ban/${id}/index.html`).querySelectorAll('a.section-link');
      for (const a of links) {
        const heading = a.parentNode!;
        const own = heading.textContent.replace(/§$/, '').replace(/\s+/g, ' ').trim();
        expect(a.getAttribute('aria-label')).toBe(`Liên kết đến mục: ${own}`);
      }
    }
  });
});

describe('wording', () => {
  test('programme summaries start with a capital letter, on the list and on each page', () => {
    const leads = ['1306-ctr-tld-2019', '2494-ctr-tld-2018', '740-ctr-tld-2020', '07-ctr-ldld-2018'].map((id) => html(`chuong-trinh/${id}/index.html`).querySelector('p.lead')!.textContent.trim());
    for (const lead of leads) expect(lead[0]).toBe(lead[0]!.toLocaleUpperCase('vi'));
    const cells = html('chuong-trinh/index.html').querySelectorAll('td[data-label="Trích yếu"]').map((td) => td.textContent.trim());
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) expect(cell[0], cell).toBe(cell[0]!.toLocaleUpperCase('vi'));
    expect(cells.some((c) => c.startsWith('Tuyên truyền giáo dục'))).toBe(true);
  });

  test('the "Tên minh họa" badge explains itself', () => {
    const page = html('don-vi/index.html');
    const badges = page.querySelectorAll('.unit-list .badge').filter((b) => b.textContent === 'Tên minh họa');
    expect(badges.length).toBeGreaterThan(0);
    const note = page.querySelector('#giai-thich-ten-minh-hoa')!;
    for (const badge of badges) expect(badge.getAttribute('aria-describedby')).toBe('giai-thich-ten-minh-hoa');
    expect(note.textContent).toMatch(/Kế hoạch không nêu tên.*ban biên tập đặt/);
  });

  test('the 404 page reads naturally', () => {
    const text = html('404.html').querySelector('main')!.textContent.replace(/\s+/g, ' ');
    expect(text).toContain('Không có trang nào ở địa chỉ này.');
    expect(text).not.toContain('không có trên trang này');
  });
});
