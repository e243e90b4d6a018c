// The two import commands share scripts/cli.ts: their wrong calls are refused with the same words
// and exit codes as when each had its own copy, run as the README writes them (nothing is read or
// written before the arguments are accepted), and the module itself reads arguments and ends errors.
import { describe, expect, test } from 'vitest';
import { endingOf, fail, parseArgs, Refusal, type CommandSpec } from '../scripts/cli';
import { TransactionError } from '../src/lib/fs/transaction';
import { runNpm } from './red-team/harness';

const FORM_USAGE = 'Cách dùng: npm run import:form -- <tệp biểu mẫu .xlsx hoặc .csv> [--xem-truoc] [--dong-y-xoa]';
const DOC_USAGE = 'Cách dùng: npm run import:van-ban -- <tệp .docx> [--ma <mã>] [--ghi-de] [--chap-nhan-sua-doi] [--xem-truoc]';

describe('the commands refuse a wrong call as before', () => {
  const cases: Array<[command: 'import:form' | 'import:van-ban', args: string[], code: number, stderr: string]> = [
    ['import:form', [], 2, FORM_USAGE],
    ['import:form', ['--root'], 2, `Thiếu thư mục sau --root.\n${FORM_USAGE}`],
    ['import:form', ['a.xlsx', '--ma', 'x'], 2, `Không có tuỳ chọn --ma.\n${FORM_USAGE}`],
    ['import:form', ['a.xlsx', 'b.xlsx'], 2, `Mỗi lần chỉ nhập một biểu mẫu (đã cho 2 tệp).\n${FORM_USAGE}`],
    ['import:van-ban', [], 2, DOC_USAGE],
    ['import:van-ban', ['a.docx', '--ma'], 2, `Thiếu giá trị sau --ma.\n${DOC_USAGE}`],
    ['import:van-ban', ['--root'], 2, `Thiếu giá trị sau --root.\n${DOC_USAGE}`],
    ['import:van-ban', ['a.docx', '--dong-y-xoa'], 2, `Không có tuỳ chọn --dong-y-xoa.\n${DOC_USAGE}`],
    ['import:van-ban', ['a.docx', 'b.docx', 'c.docx'], 2, `Mỗi lần chỉ nhập một văn bản (đã cho 3 tệp).\n${DOC_USAGE}`],
    ['import:van-ban', ['a.docx', '--ma', 'Kế-hoạch'], 2, 'Mã "Kế-hoạch" không dùng được: mã là tên tệp và địa chỉ trang, chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ ke-hoach-nam-2026).'],
  ];
  test.each(cases)('npm run %s -- %j', (command, args, code, stderr) => {
    // Refused while reading the arguments, before the project is looked at: safe in the checkout.
    const out = runNpm('.', command, args, 60);
    expect(out.status).toBe(code);
    expect(out.stderr.replace(/@@peak-kb \d+\s*$/, '').trim()).toBe(stderr);
    expect(out.stdout).not.toMatch(/Đã ghi/);
  });
});

describe('scripts/cli.ts', () => {
  const spec: CommandSpec = { usage: 'Cách dùng: x', flags: ['--a'], values: { '--root': 'thư mục', '--ma': 'giá trị' }, thing: 'tệp mẫu' };
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      return error instanceof Refusal ? [error.message, error.exitCode] : error;
    }
    return 'not refused';
  };

  test('reads flags, values and one file, in any order', () => {
    const args = parseArgs(['--a', 'f.xlsx', '--root', '/p', '--ma', 'm', '--ma', 'n'], spec);
    expect([...args.flags]).toEqual(['--a']);
    expect(Object.fromEntries(args.values)).toEqual({ '--root': '/p', '--ma': 'n' });
    expect(args.file).toBe('f.xlsx');
    expect(parseArgs([], spec)).toEqual({ flags: new Set(), values: new Map() });
    // A value may look like an option: it is the value.
    expect(parseArgs(['--root', '--a'], spec).values.get('--root')).toBe('--a');
  });

  test('refuses a wrong call with exit code 2 and the usage line', () => {
    expect(refusal(() => parseArgs(['--ma'], spec))).toEqual(['Thiếu giá trị sau --ma.\nCách dùng: x', 2]);
    expect(refusal(() => parseArgs(['--root'], spec))).toEqual(['Thiếu thư mục sau --root.\nCách dùng: x', 2]);
    expect(refusal(() => parseArgs(['--b'], spec))).toEqual(['Không có tuỳ chọn --b.\nCách dùng: x', 2]);
    expect(refusal(() => parseArgs(['--toString'], spec))).toEqual(['Không có tuỳ chọn --toString.\nCách dùng: x', 2]);
    expect(refusal(() => parseArgs(['a', 'b'], spec))).toEqual(['Mỗi lần chỉ nhập một tệp mẫu (đã cho 2 tệp).\nCách dùng: x', 2]);
    expect(refusal(() => fail('không'))).toEqual(['không', 1]);
  });

  test('ends a refusal as it is, a failed write and the unexpected with the thing named', () => {
    expect(endingOf(new Refusal('từ chối', 2), 'văn bản')).toEqual(['từ chối', 2]);
    expect(endingOf(new TransactionError('đĩa đầy'), 'biểu mẫu')).toEqual(['Không nhập biểu mẫu: đĩa đầy.', 1]);
    expect(endingOf(new Error('x'), 'văn bản')).toEqual(['Không nhập văn bản, content/ không thay đổi: lỗi không lường trước (x). Hãy báo người quản trị trang.', 1]);
    expect(endingOf('y', 'biểu mẫu')[0]).toContain('(y)');
  });
});
