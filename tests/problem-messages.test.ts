// A problem is raised by naming its catalogue entry with its values, and the catalogue
// (src/lib/problems/messages.ts) writes the message. This scan finds the places outside
// src/lib/problems/ that still write a rule id beside message text of their own. The move is not
// finished: STILL_WORDING lists what is left, file by file, and the test fails on any new place
// (or on a file that grows), so the list can only shrink.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRuleId } from '../src/lib/problems/rules';
import { messageOf, MESSAGES, problem } from '../src/lib/problems/messages';

/** Places still wording a rule themselves, by file (counted by this scan on the day the catalogue began). */
const STILL_WORDING: Record<string, number> = {
  'src/lib/indicators/dataset.ts': 1,
  // tieu-de, don-vi-khong-co and o-trong are worded by results-csv.ts too (converted on another branch): moved with it.
  'src/lib/report-kit/import.ts': 2,
  // ky-tu-dieu-khien and ky-tu-khong-hop-le are worded by results-csv.ts and yaml-load.ts too: moved with them.
  'src/lib/report-kit/xlsx-reader.ts': 2,
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

  test('the scan sees a rule worded by hand', () => {
    expect(placesWording("return { rule: 'tep-la', message: 'tệp lạ' };")).toBe(1);
    expect(placesWording("fail('don_vi', 'don-vi-khong-co', 'đơn vị không có');")).toBe(1);
    expect(placesWording("return problem('tep-la', {}, { file, line: 1 });")).toBe(0);
  });
});
