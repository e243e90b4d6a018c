// A problem is raised by naming its catalogue entry with its values, and the catalogue
// (src/lib/problems/messages.ts) writes the message. This scan finds the places outside
// src/lib/problems/ that still write a rule id beside message text of their own: none are left.
// STILL_WORDING would list an exception, file by file; the test fails on any new place.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRuleId } from '../src/lib/problems/rules';
import { messageOf, MESSAGES, problem } from '../src/lib/problems/messages';
import { DATA_MESSAGES } from '../src/lib/problems/messages-data';
import { FORM_MESSAGES, zipSize } from '../src/lib/problems/messages-forms';

/** Places allowed to word a rule themselves, by file: none. */
const STILL_WORDING: Record<string, number> = {
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|astro)$/.test(name) ? [path] : [];
  });
}

const RULE_LITERAL = /['"`]([a-z0-9]+(?:-[a-z0-9]+)+)['"`]/g;
/** A message of its own: a `message:` key, or text passed right after the rule id (`fail(col, 'rule', 'text')`). */
const MESSAGE_KEY = /\bmessage:/;
const TEXT_AFTER_ID = /^['"`][a-z0-9-]+['"`]\s*,\s*['"`][^'"`\n]*[À-ỹ]/;

/** Lines that name a catalogued rule with message text of their own beside it (the line or the next two). */
export function placesWording(text: string): number {
  const lines = text.split('\n');
  return lines.filter((line, i) => {
    // A comment, or a problem raised through the catalogue.
    if (/^\s*(\/\/|\*)/.test(line) || /\bproblem\(/.test(line)) return false;
    const ids = [...line.matchAll(RULE_LITERAL)].map((m) => m[1]!).filter(isRuleId);
    if (ids.length === 0) return false;
    const after = line.slice(line.search(RULE_LITERAL));
    return MESSAGE_KEY.test(after) || [...after.matchAll(RULE_LITERAL)].some((m) => TEXT_AFTER_ID.test(after.slice(m.index))) || MESSAGE_KEY.test(lines.slice(i + 1, i + 3).join('\n'));
  }).length;
}

describe('the message catalogue', () => {
  test('writes the message from the values', () => {
    expect(messageOf('tep-qua-lon', { size: 50 * 1024 * 1024, limit: 10 * 1024 * 1024 })).toBe(
      'tệp quá lớn (50 MB); giới hạn cho loại tệp này là 10 MB, gấp nhiều lần số liệu thật, nên tệp này nhiều khả năng bị lỗi khi lưu hoặc đặt nhầm chỗ',
    );
    expect(problem('neo-lich', { id: 'a', anchor: 'b' }, { file: 'x.mdx', line: 3 })).toEqual({ file: 'x.mdx', line: 3, rule: 'neo-lich', message: 'mốc "a" trỏ tới neo "b" không có trong văn bản' });
    for (const rule of Object.keys(MESSAGES)) expect(isRuleId(rule), rule).toBe(true);
  });

  test('no new place outside src/lib/problems words a rule itself', () => {
    const found: Record<string, number> = {};
    for (const file of [...files('src'), ...files('scripts')].filter((f) => !f.startsWith('src/lib/problems/'))) {
      const n = placesWording(readFileSync(file, 'utf8'));
      if (n > 0) found[file] = n;
    }
    const grown = Object.entries(found).filter(([file, n]) => n > (STILL_WORDING[file] ?? 0)).map(([file, n]) => `${file}: ${n} (was ${STILL_WORDING[file] ?? 0})`);
    expect(grown).toEqual([]);
    const total = Object.values(found).reduce((a, b) => a + b, 0);
    console.log(`Còn ${total} chỗ tự viết thông báo của một quy tắc, ở ${Object.keys(found).length} tệp.`);
  });

  test('the form\'s and the YAML loader\'s variants keep their words', () => {
    expect(messageOf('o-trong', { formUnit: true })).toBe('chưa ghi tên đơn vị báo cáo');
    expect(messageOf('o-trong', {})).toBe('ô không được để trống');
    expect(messageOf('don-vi-khong-co', { inForm: true })).toBe('đơn vị không có trong danh sách đơn vị của trang (content/don-vi/)');
    expect(messageOf('tieu-de', { formHeader: 'Năm 2019' })).toBe('dòng tiêu đề của biểu mẫu đã bị sửa; ô này phải là "Năm 2019" (tải lại biểu mẫu từ trang nếu cần)');
    expect(messageOf('ky-tu-khong-hop-le', { in: 'form', description: 'ký tự vô hình U+200B' })).toBe('ô chứa ký tự vô hình U+200B; hãy xoá ký tự đó (thường do dán từ phần mềm khác) rồi lưu lại');
    expect(messageOf('ky-tu-dieu-khien', { in: 'form', description: 'ký tự điều khiển U+0007' })).toBe('ô chứa ký tự điều khiển U+0007; hãy xoá ký tự đó (thường do dán từ phần mềm khác) rồi lưu lại');
    expect(messageOf('tep-qua-lon', { size: 300000, limit: 262144, yaml: 'bytes' })).toBe('tệp quá lớn: 300.000 byte, tối đa 262.144 cho một tệp YAML');
    expect(messageOf('tep-qua-lon', { size: 300000, limit: 262144, yaml: 'chars' })).toBe('nội dung YAML quá lớn: 300.000 ký tự, tối đa 262.144');
  });

  test('the data and forms parts of the catalogue are rules, each worded once, all in MESSAGES', () => {
    const data = Object.keys(DATA_MESSAGES);
    const forms = Object.keys(FORM_MESSAGES);
    expect(data.length).toBeGreaterThan(20);
    expect(forms.length).toBeGreaterThan(5);
    for (const rule of [...data, ...forms]) {
      expect(isRuleId(rule), rule).toBe(true);
      expect(MESSAGES[rule as keyof typeof MESSAGES], rule).toBeDefined();
    }
    // A rule in both parts would be silently worded by whichever is spread last.
    expect(data.filter((rule) => forms.includes(rule))).toEqual([]);
    expect(zipSize(2048)).toBe('2 KB');
    expect(zipSize(3 * 1048576 + 524288)).toBe('3,5 MB');
  });

  test('the scan sees a rule worded by hand', () => {
    expect(placesWording("return { rule: 'tep-la', message: 'tệp lạ' };")).toBe(1);
    expect(placesWording("fail('don_vi', 'don-vi-khong-co', 'đơn vị không có');")).toBe(1);
    expect(placesWording("return problem('tep-la', {}, { file, line: 1 });")).toBe(0);
  });
});
