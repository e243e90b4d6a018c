import { describe, expect, it } from 'vitest';
import { compareCells, toNumber } from '../src/lib/text/sort-values';

describe('table sort values', () => {
  it.each([
    ['1.234', 1234],
    ['1.234,5', 1234.5],
    ['12,5 %', 12.5],
    ['-3', -3],
    ['2494', 2494],
  ])('reads %s as %d', (text, value) => expect(toNumber(text)).toBe(value));
  it.each(['2494/CTr-TLĐ', 'chưa báo cáo', '1.2.3', ''])('does not read %s as a number', (text) => expect(toNumber(text)).toBeUndefined());
  it('sorts numbers numerically and text in Vietnamese order', () => {
    expect(['1.000', '200', '30'].sort(compareCells)).toEqual(['30', '200', '1.000']);
    expect(['2019-11-14', '2018-12-19', '2020-07-22'].sort(compareCells)).toEqual(['2018-12-19', '2019-11-14', '2020-07-22']);
    expect(['Đồng Nai', 'Dầu Giây', 'Biên Hòa'].sort(compareCells)).toEqual(['Biên Hòa', 'Dầu Giây', 'Đồng Nai']);
  });
});
