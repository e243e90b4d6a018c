// Whether a rebuild starts the report kit's worker (src/lib/prepare/kit-inputs.ts): the key of its
// inputs changes with every input it reads, and only with those; the stamp of a complete run is read
// back, and a cache that cannot be written or is off never stops the build. The build itself
// (the worker skipped, the same files) is in tests/compile-cache.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { KIT_STAMP_FILE, kitInputsKey, kitUnchanged, recordKit } from '../src/lib/prepare/kit-inputs.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project with an edition file, a results file, a programme, the outline and two other documents. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'dau-vao-bo-tai-lieu-'));
  dirs.push(root);
  const file = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('package-lock.json', '{"lockfileVersion":3}');
  file('content/cau-hinh.yaml', 'review:\n  outline: de-cuong\n');
  file('content/so-lieu/2019.csv', 'unit,period,indicator,value,note\r\nbien-hoa,2019,phat-trien-doan-vien,1200,\r\n');
  file('content/chuong-trinh/07-ctr.mdx', '---\ntitle: Chương trình 07\n---\n');
  file('content/van-ban/de-cuong.mdx', '---\ntitle: Đề cương\n---\n\n# I. Kết quả\n');
  file('content/van-ban/ke-hoach.mdx', '---\ntitle: Kế hoạch\nschedule: []\n---\n\nNội dung.\n');
  file('content/van-ban/cong-van.mdx', '---\ntitle: Công văn\n---\n\nNội dung.\n');
  return root;
}

const documents = [{ id: 'de-cuong', data: { title: 'Đề cương' } }, { id: 'ke-hoach', data: { title: 'Kế hoạch', schedule: [] } }];

describe('the key of the report kit\'s inputs', () => {
  test('changes with the figures, the edition file, a programme, the outline\'s file, the documents given, the lock file and the folder', () => {
    const root = project();
    const key = () => kitInputsKey(root, documents, 'de-cuong');
    const first = key();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(key()).toBe(first);
    const seen = new Set([first]);
    const changed = (what: string, edit: () => void) => {
      edit();
      const next = key();
      expect(seen.has(next), what).toBe(false);
      seen.add(next);
    };
    // Files count by size, times and inode (content/ is read once per process, by the gateway).
    changed('a figure', () => writeFileSync(join(root, 'content/so-lieu/2019.csv'), 'unit,period,indicator,value,note\r\nbien-hoa,2019,phat-trien-doan-vien,12010,\r\n'));
    changed('a file of the same size written at another time', () => utimesSync(join(root, 'content/so-lieu/2019.csv'), new Date('2021-01-30T08:00:00Z'), new Date('2021-01-30T08:00:00Z')));
    changed('a new results file', () => writeFileSync(join(root, 'content/so-lieu/2020.csv'), 'unit,period,indicator,value,note\r\n'));
    changed('the edition file', () => writeFileSync(join(root, 'content/cau-hinh.yaml'), 'review:\n  outline: de-cuong\n  title: Sơ kết\n'));
    changed('a programme', () => writeFileSync(join(root, 'content/chuong-trinh/07-ctr.mdx'), '---\ntitle: Chương trình số 07\n---\n'));
    changed('the outline\'s file', () => writeFileSync(join(root, 'content/van-ban/de-cuong.mdx'), '---\ntitle: Đề cương\n---\n\n# I. Kết quả đạt được\n'));
    changed('the lock file', () => writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}'));
    const before = key();
    expect(kitInputsKey(root, [documents[0]!, { id: 'ke-hoach', data: { title: 'Kế hoạch', schedule: [{ date: '2021-01-30' }] } }], 'de-cuong')).not.toBe(before);
    expect(kitInputsKey(root, documents, 'ke-hoach')).not.toBe(before);
    // Another copy of the same project: its own key (copies share the cache folder through links).
    const other = project();
    expect(kitInputsKey(other, documents, 'de-cuong')).not.toBe(kitInputsKey(root, documents, 'de-cuong'));
  });

  test('does not change with a document the worker is not given: a body edited, a document added', () => {
    const root = project();
    const first = kitInputsKey(root, documents, 'de-cuong');
    writeFileSync(join(root, 'content/van-ban/cong-van.mdx'), '---\ntitle: Công văn\n---\n\nNội dung đã sửa.\n');
    writeFileSync(join(root, 'content/van-ban/ke-hoach.mdx'), '---\ntitle: Kế hoạch\nschedule: []\n---\n\nMột đoạn thêm.\n');
    writeFileSync(join(root, 'content/van-ban/van-ban-moi.mdx'), '---\ntitle: Văn bản mới\n---\n');
    expect(kitInputsKey(root, documents, 'de-cuong')).toBe(first);
  });

  test('front matter JSON cannot hold: a key no later build repeats, so the worker runs', () => {
    const root = project();
    const cyclic: Record<string, unknown> = { title: 'Kế hoạch' };
    cyclic.self = cyclic;
    const withCycle = [{ id: 'ke-hoach', data: cyclic }];
    const first = kitInputsKey(root, withCycle, 'de-cuong');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(kitInputsKey(root, withCycle, 'de-cuong')).not.toBe(first);
  });
});

describe('the stamp of a complete run', () => {
  test('read back under the same key only; absent, another key or no cache: the worker runs', () => {
    const root = project();
    const dir = join(root, 'node_modules/.cache/congdoan-soket/bo-tai-lieu');
    const key = kitInputsKey(root, documents, 'de-cuong');
    expect(kitUnchanged(dir, key)).toBe(false);
    recordKit(dir, key);
    expect(readFileSync(join(dir, KIT_STAMP_FILE), 'utf8')).toBe(key);
    expect(kitUnchanged(dir, key)).toBe(true);
    expect(kitUnchanged(dir, key.replace(/^./, (c) => (c === '0' ? '1' : '0')))).toBe(false);
    expect(kitUnchanged(null, key)).toBe(false);
    expect(() => recordKit(null, key)).not.toThrow();
  });

  test('a cache folder that cannot be made (a file stands where it should be): no stamp, no error', () => {
    const root = project();
    const blocked = join(root, 'node_modules');
    writeFileSync(blocked, '');
    const dir = join(blocked, '.cache/congdoan-soket/bo-tai-lieu');
    expect(() => recordKit(dir, 'k')).not.toThrow();
    expect(kitUnchanged(dir, 'k')).toBe(false);
  });
});
