import { describe, expect, test } from 'vitest';
import { nameCase, sentenceCase, upperFirst } from '../src/lib/text/vietnamese';

describe('normal case for text issued in capitals', () => {
  test('a position reads as a sentence, a name with capital initials', () => {
    expect(sentenceCase('PHÓ CHỦ TỊCH THƯỜNG TRỰC')).toBe('Phó chủ tịch thường trực');
    expect(nameCase('NÔNG VĂN DŨNG')).toBe('Nông Văn Dũng');
    expect(nameCase('ĐẶNG  THỊ ÁNH')).toBe('Đặng  Thị Ánh');
  });

  test('upperFirst capitalises the first letter only, past opening punctuation', () => {
    expect(upperFirst('nâng cao hiệu quả')).toBe('Nâng cao hiệu quả');
    expect(upperFirst('“đẩy mạnh” học tập')).toBe('“Đẩy mạnh” học tập');
    expect(upperFirst('Đã viết hoa')).toBe('Đã viết hoa');
  });
});
