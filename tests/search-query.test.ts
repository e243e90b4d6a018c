import { describe, expect, test } from 'vitest';
import { bestSection, cleanExcerpt, expandQuery, mergeByBestScore, toneVariants } from '../src/lib/search/query';
import { addFoldedCopies, needsFoldedCopy } from '../src/lib/search/fold-html';
import { searchKey } from '../src/lib/search/fold-html-marks';

describe('query expansion', () => {
  test('tone-placement variants both ways', () => {
    expect(toneVariants('hòa').sort()).toEqual(['hoà', 'hòa']);
    expect(toneVariants('hoà').sort()).toEqual(['hoà', 'hòa']);
    expect(toneVariants('thỏa')).toContain('thoả');
    expect(toneVariants('khoá')).toContain('khóa');
    expect(toneVariants('uỷ')).toContain('ủy');
    expect(toneVariants('thuỷ')).toContain('thủy');
    expect(toneVariants('xoè')).toContain('xòe');
  });
  test('words that are not placement variants stay alone', () => {
    expect(toneVariants('hoàn')).toEqual(['hoàn']);
    expect(toneVariants('hoa')).toEqual(['hoa']);
    expect(toneVariants('đoàn')).toEqual(['đoàn']);
  });
  test('NFD input becomes NFC', () => {
    expect(expandQuery('công đoàn'.normalize('NFD'))[0]).toBe('công đoàn'.normalize('NFC'));
  });
  test('a document number adds its folded, split form', () => {
    expect(expandQuery('2494/CTr-TLĐ')).toEqual(['2494/CTr-TLĐ', '2494 ctr tld']);
    expect(expandQuery('hài hoà thoả ước')).toEqual(
      expect.arrayContaining(['hài hoà thoả ước', 'hài hòa thoả ước', 'hài hoà thỏa ước', 'hài hòa thỏa ước']),
    );
    expect(expandQuery('   ')).toEqual([]);
  });
});

describe('merging and excerpts', () => {
  test('best score per page wins', () => {
    const merged = mergeByBestScore([
      [{ id: 'a', score: 1 }, { id: 'b', score: 0.5 }],
      [{ id: 'b', score: 2 }, { id: 'c', score: 0.1 }],
    ]);
    expect(merged).toEqual([{ id: 'b', score: 2 }, { id: 'a', score: 1 }, { id: 'c', score: 0.1 }]);
  });
  test('folded copies are cut out of excerpts, even when cut off', () => {
    expect(cleanExcerpt('Ban <mark>Đoàn</mark> zzgapmo ban <mark>doan</mark> zzgapdong tiếp')).toBe('Ban <mark>Đoàn</mark> tiếp');
    expect(cleanExcerpt('ban doan zzgapdong Câu <mark>thật</mark>.')).toBe('Câu <mark>thật</mark>.');
    expect(cleanExcerpt('Câu thật zzgapmo cau <mark>that</mark>')).toBe('Câu thật');
    expect(cleanExcerpt('chi co <mark>doan</mark> gap')).toBe('');
  });
  test('the section with most matches is chosen', () => {
    expect(
      bestSection([
        { title: 'Trang', url: '/a/', excerpt: '', locations: [1, 2, 3, 4] },
        { title: 'I', url: '/a/#i', excerpt: '', locations: [5] },
        { title: 'II', url: '/a/#ii', excerpt: '', locations: [6, 7] },
      ])?.url,
    ).toBe('/a/#ii');
  });
});

describe('folded copies for the index', () => {
  test('only text Pagefind would miss gets a copy', () => {
    expect(needsFoldedCopy('Công đoàn')).toBe(true);
    expect(needsFoldedCopy('2494/CTr-TLĐ')).toBe(true);
    expect(needsFoldedCopy('Công nhân')).toBe(false);
    expect(searchKey('Chương trình số 2494/CTr-TLĐ (khóa X)')).toBe('chuong trinh so 2494 ctr tld khoa x');
  });
  test('copies go inside paragraphs and after headings, never inside navigation', () => {
    const html = '<body><nav><p>Đoàn</p></nav><main data-pagefind-body><h2 id="x">Công đoàn</h2><p>Đoàn viên</p></main></body>';
    const out = addFoldedCopies(html);
    expect(out).toContain('<h2 id="x">Công đoàn</h2><span class="pf-fold" aria-hidden="true"> zzgapmo cong doan zzgapdong </span>');
    expect(out).toContain('<p>Đoàn viên<span class="pf-fold" aria-hidden="true"> zzgapmo doan vien zzgapdong </span></p>');
    expect(out).toContain('<nav><p>Đoàn</p></nav>');
  });
});

describe('exact spelling re-ranking', async () => {
  const { canonicalTone, exactWordMatches } = await import('../src/lib/search/query');
  test('tone placement does not change a word, other diacritics do', () => {
    expect(canonicalTone('Hài Hoà')).toBe(canonicalTone('hài hòa'));
    expect(exactWordMatches('hòa', 'quan hệ hài hoà')).toBe(1);
    expect(exactWordMatches('hòa', 'tặng hoa')).toBe(0);
    expect(exactWordMatches('hoa', 'tặng hoa')).toBe(1);
  });
  test('folded copies do not count as the typed word', () => {
    expect(exactWordMatches('doan', 'Công đoàn zzgapmo cong doan zzgapdong')).toBe(0);
  });
});
