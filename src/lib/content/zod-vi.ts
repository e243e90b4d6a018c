// zod with Vietnamese messages: the people who read validation errors are the office's editors.
// zod's own Vietnamese locale still names types in English ("mong đợi string"); the commonest
// issues are worded here instead, the rest fall back to the locale.
import { z } from 'zod';

const KIND: Record<string, string> = {
  string: 'chữ', number: 'số', int: 'số nguyên', boolean: 'true hoặc false', array: 'danh sách', object: 'các trường con', date: 'ngày',
};
const kindOf = (value: unknown) => (value === null ? 'trống (null)' : Array.isArray(value) ? 'danh sách' : (KIND[typeof value] ?? typeof value));
// Written plainly: a limit is as often a year (2100) as a count.
const count = (n: number | bigint) => String(n);

z.config(z.locales.vi());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      const expected = KIND[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `thiếu trường bắt buộc (cần ${expected})` : `phải là ${expected} (đang là ${kindOf(issue.input)})`;
    }
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const small = issue.code === 'too_small';
      const limit = count(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      if (issue.origin === 'string') return small && limit === '1' ? 'không được để trống' : `phải có ${small ? 'ít nhất' : 'nhiều nhất'} ${limit} ký tự`;
      if (issue.origin === 'array') return small && limit === '1' ? 'danh sách không được để trống' : `phải có ${small ? 'ít nhất' : 'nhiều nhất'} ${limit} mục`;
      if (issue.origin === 'number' || issue.origin === 'int') {
        const strict = issue.inclusive === false;
        return `phải ${small ? (strict ? 'lớn hơn' : 'lớn hơn hoặc bằng') : strict ? 'nhỏ hơn' : 'nhỏ hơn hoặc bằng'} ${limit}`;
      }
    }
    return undefined;
  },
});

export { z };
