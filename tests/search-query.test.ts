import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalTone, pagefindQuery } from '../src/lib/search/query';
import { foldedPage, foldedWords } from '../src/lib/search/fold-html';
import { needsFoldedCopy, searchKey } from '../src/lib/search/fold-html-marks';

describe('the Pagefind query', () => {
  test('words Pagefind would miss are folded, others keep their diacritics in new-style placement', () => {
    expect(pagefindQuery('công đoàn')).toBe('công doan');
    expect(pagefindQuery('CÔNG ĐOÀN')).toBe('công doan');
    expect(pagefindQuery('2494/CTr-TLĐ')).toBe('2494 ctr tld');
    expect(pagefindQuery('Chương trình 1563/CTr-TLĐ')).toBe('chương trình 1563 ctr tld');
    expect(pagefindQuery('hài hoà thoả ước')).toBe('hài hòa thỏa ước');
    expect(pagefindQuery('khoá họp, uỷ ban')).toBe('khóa họp, ủy ban');
    expect(pagefindQuery('cong doan')).toBe('cong doan');
  });
  test('both tone placements and NFD input give the same query', () => {
    expect(pagefindQuery('hoà')).toBe(pagefindQuery('hòa'));
    expect(pagefindQuery('thuỷ')).toBe(pagefindQuery('thủy'));
    expect(pagefindQuery('công đoàn'.normalize('NFD'))).toBe(pagefindQuery('công đoàn'));
  });
  test('"hoàn" is not a placement variant; empty input gives no query', () => {
    expect(pagefindQuery('hoàn')).toBe('hoàn');
    expect(pagefindQuery('   ')).toBe('');
  });
});

/** The start of every page Pagefind is given, for a page without a language or title. */
const HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>';

describe('folded copies for the index', () => {
  test('only text Pagefind would miss gets a copy', () => {
    expect(needsFoldedCopy('Công đoàn')).toBe(true);
    expect(needsFoldedCopy('2494/CTr-TLĐ')).toBe(true);
    expect(needsFoldedCopy('Công nhân')).toBe(false);
    expect(searchKey('Chương trình số 2494/CTr-TLĐ (khóa X)')).toBe('chuong trinh so 2494 ctr tld khoa x');
  });
  test('the copy holds only the words Pagefind would miss, each once', () => {
    expect(foldedWords('Công đoàn cơ sở, đoàn viên công đoàn theo Chương trình 2494/CTr-TLĐ và Kế hoạch 56/KH-TLĐ.'))
      .toBe('doan 2494 ctr tld 56 kh tld');
    expect(foldedWords('Công nhân lao động')).toBe('dong');
    expect(foldedWords('Công nhân')).toBe('');
  });
  test('the copy is what a word-by-word test of every word gives', () => {
    const wordByWord = (text: string) =>
      [...new Set(text.split(/\s+/).filter(needsFoldedCopy).map(searchKey).filter(Boolean))].join(' ');
    const piece = fc.constantFrom('Công', 'đoàn', 'Đ', 'ĐOÀN', '2494/CTr-TLĐ', '05-CT/TW', 'a-b', '-', '/', '1/', 'x/y', 'Ðại', '&amp;', '.', ' ', '\n', '\t', '\u00a0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
      expect(foldedWords(text)).toBe(wordByWord(text));
    }));
  });
  test('copies go inside paragraphs and after headings, never inside navigation', () => {
    const html = '<body><nav><p>Đoàn</p></nav><main data-pagefind-body><h2 id="x">Công đoàn</h2><p>Đoàn viên</p></main></body>';
    const out = foldedPage(html);
    expect(out).toContain('<h2><span id="x">Công đoàn</span></h2><span class="pf-fold" aria-hidden="true"> zzgapmo doan zzgapdong </span>');
    expect(out).toContain('<p>Đoàn viên<span class="pf-fold" aria-hidden="true"> zzgapmo doan zzgapdong </span></p>');
    // Outside the Pagefind body Pagefind indexes nothing: it is not given to it at all.
    expect(out).not.toContain('<nav>');
  });
  test('ignored regions, scripts and nested lists: each block folds only its own text', () => {
    const html = [
      '<main data-pagefind-body><div data-pagefind-ignore="all"><p>Đề mục</p></div>',
      '<script>const s = "<p>Đoàn</p>";</script>',
      '<ul><li>Hội đồng &amp; <a href="/x/">2494/CTr-TLĐ</a><ul><li>Đại hội</li></ul></li></ul>',
      '<p>Xin<br>chào</p><img src="a.png" alt="Đ"></main><footer><p>Đồng Nai</p></footer>',
    ].join('');
    const out = foldedPage(html);
    // Left out whole: Pagefind drops both, and counts nothing inside them.
    expect(out).not.toContain('Đề mục');
    expect(out).not.toContain('<script');
    expect(out).toContain('<main data-pagefind-body><ul>');
    const kept = foldedPage(html, undefined, { keepExcluded: true });
    expect(kept).toContain('<div data-pagefind-ignore="all"><p>Đề mục</p></div>');
    expect(kept).toContain('<script>const s = "<p>Đoàn</p>";</script>');
    expect(out).toContain('<li>Đại hội<span class="pf-fold" aria-hidden="true"> zzgapmo dai zzgapdong </span></li>');
    expect(out).toContain('</ul><span class="pf-fold" aria-hidden="true"> zzgapmo dong 2494 ctr tld zzgapdong </span></li></ul>');
    expect(out).toContain('<p>Xin<br>chào</p>');
    expect(out).not.toContain('<footer>');
  });
  test('what Pagefind drops whole is left out, nested or not; everything else stays, and the body itself always', () => {
    const html = [
      '<main data-pagefind-body><p>A</p><div data-pagefind-ignore=\'all\'><div><img src="x.png"><div>Đ</div></div><br/><p>B</p></div>',
      '<nav data-pagefind-ignore="all"><a href="/">Đồng</a></nav><p data-pagefind-ignore>Đoàn <span hidden data-pagefind-ignore data-pagefind-filter="Loại trang">Văn bản</span></p>',
      '<span data-pagefind-ignore=all>x</span><script id="s">1</script><script type="module" src="/a.js"></script><style>p{}</style><p>C</p></main><p>D</p>',
    ].join('');
    expect(foldedPage(html)).toBe(`${HEAD}<body><main data-pagefind-body><p>A</p><p data-pagefind-ignore>Đoàn <span hidden data-pagefind-ignore data-pagefind-filter="Loại trang">Văn bản</span></p><p>C</p></main></body></html>`);
    // A body that also says "all" is still the body (as Pagefind takes it).
    expect(foldedPage('<main data-pagefind-body data-pagefind-ignore="all"><p>Đ</p></main>')).toContain('<p>Đ');
  });
  test('inside the Pagefind body only headings keep their ids, h2–h6 on a span inside (an anchor, no Pagefind sub-result)', () => {
    const html = [
      '<nav id="menu"><p id="m">Menu</p></nav><main id="noi-dung" data-pagefind-body>',
      '<h2 id="i-muc-tieu">I. Mục tiêu</h2><p id="dc-2494-ctr-tld" class="x">Theo 2494</p>',
      "<ul><li id='dc-56-kh-tld'>Mục</li></ul><span data-id=\"giu\" id=chu-thich>Chú thích</span><h3 class=\"a\" id=\"b\">B</h3></main>",
    ].join('');
    const out = foldedPage(html) ?? '';
    expect(out).toContain('<body><main data-pagefind-body>');
    expect(out).toContain('<h2><span id="i-muc-tieu">I. Mục tiêu</span></h2><p class="x">Theo 2494</p>');
    expect(out).toContain('<ul><li>Mục</li></ul><span data-id="giu">Chú thích</span><h3 class="a"><span id="b">B</span></h3>');
    expect(out).not.toMatch(/\sid=["']?(noi-dung|dc-)/);
  });
  test('the title (h1) and ignored headings keep their id where it is; a heading with markup keeps it inside the span', () => {
    const html = [
      '<main data-pagefind-body><h1 id="tieu-de">Kế hoạch</h1>',
      '<h2 id="thong-tin" data-pagefind-ignore="all">Thông tin</h2>',
      '<h2 class="b" id=\'ii\'>II. <em>Đoàn</em> viên<a class="section-link" href="#ii" data-pagefind-ignore>§</a></h2><p>X</p></main>',
    ].join('');
    const out = foldedPage(html, undefined, { keepExcluded: true }) ?? '';
    expect(out).toContain('<h1 id="tieu-de">Kế hoạch</h1>');
    expect(out).toContain('<h2 id="thong-tin" data-pagefind-ignore="all">Thông tin</h2>');
    expect(foldedPage(html)).not.toContain('thong-tin');
    expect(out).toContain('<h2 class="b"><span id=\'ii\'>II. <em>Đoàn</em> viên<a class="section-link" href="#ii" data-pagefind-ignore>§</a></span></h2><span class="pf-fold" aria-hidden="true"> zzgapmo doan zzgapdong </span><p>X</p>');
  });
  test('a page without a Pagefind body gets no copy (it is not indexed)', () => {
    const html = '<html><body><p>Đoàn viên, không có thân Pagefind</p></body></html>';
    expect(foldedPage(html)).toBeNull();
    expect(foldedPage('<main data-pagefind-body><p>Đoàn</p></main>')).toContain('zzgapmo doan zzgapdong');
    // The attribute's name in text is not the body.
    expect(foldedPage('<p>Thẻ data-pagefind-body</p><a>Đ</a>')).toBeNull();
    expect(foldedPage('<p>data-pagefind-body Đoàn</p><main class="a" data-pagefind-body=""><p>Đ</p></main>'))
      .toBe(`${HEAD}<body><main class="a" data-pagefind-body=""><p>Đ<span class="pf-fold" aria-hidden="true"> zzgapmo d zzgapdong </span></p></main></body></html>`);
  });
  test('Pagefind is given the body alone, in a page with the original language and title', () => {
    const html = [
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch &amp; đề cương</title>',
      '<link rel="preload" href="/a.woff2" as="font"><meta property="og:title" content="Đoàn"></head>',
      '<body><header><a href="/">Trang chủ</a></header><main id="noi-dung" data-pagefind-body><h1>Đoàn</h1></main><footer>Đ</footer></body></html>',
    ].join('');
    expect(foldedPage(html)).toBe([
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch &amp; đề cương</title></head>',
      '<body><main data-pagefind-body><h1>Đoàn</h1><span class="pf-fold" aria-hidden="true"> zzgapmo doan zzgapdong </span></main></body></html>',
    ].join(''));
    // Only the head's title: a title inside the body (an SVG's) stays where it is.
    expect(foldedPage('<html><head></head><body><main data-pagefind-body><svg><title>Biểu đồ</title></svg></main></body></html>'))
      .toBe(`${HEAD}<body><main data-pagefind-body><svg><title>Biểu đồ</title></svg></main></body></html>`);
    // A body marked on <body> itself is not wrapped in a second one.
    expect(foldedPage('<html lang=vi><body data-pagefind-body><p>Đ</p></body></html>'))
      .toBe('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body data-pagefind-body><p>Đ<span class="pf-fold" aria-hidden="true"> zzgapmo d zzgapdong </span></p></body></html>');
  });
  test('adding copies changes nothing else in the body', () => {
    const strip = (html: string) => html.replace(/<span class="pf-fold" aria-hidden="true"> [^<]* <\/span>/g, '');
    const word = fc.constantFrom('Công', 'đoàn', '2494/CTr-TLĐ', 'hòa', '&amp;', 'Đ', ' ', '\n');
    const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
    const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.tuple(fc.constantFrom('p', 'li', 'h2', 'div', 'em', 'td'), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
          .map(([tag, children, ignored]) => `<${tag}${ignored ? ' data-pagefind-ignore' : ''}>${(children as string[]).join('')}</${tag}>`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(fc.property(fc.array(element, { maxLength: 4 }), (children) => {
      const body = `<main data-pagefind-body>${children.join('')}</main>`;
      expect(strip(foldedPage(`<body><nav>Đoàn</nav>${body}<p>Đoàn</p></body>`) ?? '')).toBe(`${HEAD}<body>${body}</body></html>`);
    }));
  });
});

describe('tone placement', () => {
  test('tone placement does not change a word, other diacritics do', () => {
    expect(canonicalTone('Hài Hoà')).toBe(canonicalTone('hài hòa'));
    expect(canonicalTone('hoa')).not.toBe(canonicalTone('hòa'));
  });

  test('one pass over the text rewrites exactly what one pass per tone pair did', () => {
    // The rule as it was first written: each of the 15 old-style pairs replaced in turn.
    const marks = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const pairs = [['o', 'a'], ['o', 'e'], ['u', 'y']].flatMap(([a, b]) => marks.map((m) => [`${a}${b}${m}`.normalize('NFC'), `${a}${m}${b}`.normalize('NFC')]));
    const reference = (text: string) => pairs.reduce((out, [oldStyle, newStyle]) => out.replace(new RegExp(`${oldStyle}(?![\\p{L}])`, 'gu'), newStyle!), text.normalize('NFC').toLocaleLowerCase('vi'));
    expect(canonicalTone('Hoà thuỷ khoẻ, HOÀ, hoàn, oà-uý')).toBe('hòa thủy khỏe, hòa, hoàn, òa-úy');
    const letters = ['o', 'a', 'e', 'u', 'y', 'O', 'Y', ' ', '-', 'n', ...pairs.flat(), ...marks, 'à', 'ý', 'ẻ'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 12 }), (parts) => {
      expect(canonicalTone(parts.join(''))).toBe(reference(parts.join('')));
    }), { numRuns: 3000 });
  });
});
