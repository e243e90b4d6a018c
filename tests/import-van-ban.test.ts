// `npm run import:van-ban -- <tệp.docx>` exactly as the README writes it, in project copies: what it
// writes and prints, `npm run check` afterwards (front matter valid, fidelity printed), refusals
// that write nothing (existing document, .doc, .odt, .pdf, password, tracked changes, zip bomb,
// cut file), --ghi-de, --ma, --chap-nhan-sua-doi, and a kill at every write.
import { afterAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { cleanup, CRASH, digestDiff, redTeamCopy, runNpm, treeDigest } from './red-team/harness';
import { wordFile, type WordSpec } from './helpers/word-docs';

const copies: string[] = [];
const copy = () => {
  const dir = redTeamCopy('soket-van-ban-');
  copies.push(dir);
  return dir;
};
afterAll(() => copies.forEach(cleanup));

const SPEC: WordSpec = {
  parentBody: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM',
  issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG',
  number: '15/KH-LĐLĐ',
  placeDate: 'Bình Dương, ngày 05 tháng 3 năm 2026',
  kind: 'KẾ HOẠCH',
  abstract: ['Sơ kết giữa nhiệm kỳ năm 2026'],
  body: [
    'Ban Thường vụ xây dựng kế hoạch như sau:',
    { auto: 'roman', text: 'MỤC ĐÍCH, YÊU CẦU', bold: true },
    { auto: 'decimal', text: 'Đánh giá đúng thực trạng; gửi báo cáo trước ngày 15/4/2026.' },
  ],
  recipients: ['Như trên;', 'Lưu VT.'],
  signer: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', '(Đã ký)', 'NGUYỄN VĂN A'],
};
const SLUG = 'ke-hoach-so-ket-giua-nhiem-ky-nam-2026';
const content = (dir: string) => treeDigest(join(dir, 'content'));

async function put(dir: string, name: string, bytes?: Uint8Array): Promise<string> {
  writeFileSync(join(dir, name), bytes ?? (await wordFile(SPEC)));
  return name;
}

describe('the command as documented', () => {
  test('writes the document and its source text, prints what it wrote, and npm run check accepts it', async () => {
    const dir = copy();
    const file = await put(dir, 'ke hoach.docx');
    const out = runNpm(dir, 'import:van-ban', [file]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Đã ghi content/van-ban/${SLUG}.mdx và content/nguon/${SLUG}.txt từ ke hoach.docx:`);
    expect(out.stdout).toMatch(/Khối tiêu đề: cơ quan cấp trên "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"; cơ quan ban hành "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG"; số "15\/KH-LĐLĐ"/);
    expect(out.stdout).toMatch(/Đối chiếu nguyên văn: cả \d+ câu của tệp Word có trong nội dung văn bản/);
    const mdx = readFileSync(join(dir, 'content/van-ban', `${SLUG}.mdx`), 'utf8');
    expect(mdx).toMatch(/^title: Kế hoạch sơ kết giữa nhiệm kỳ năm 2026$/m);
    expect(mdx).toMatch(/^## I\. MỤC ĐÍCH, YÊU CẦU$/m);
    expect(mdx).toMatch(/^order: 4$/m); // after the three committed documents
    expect(readFileSync(join(dir, 'content/nguon', `${SLUG}.txt`), 'utf8')).toContain('1. Đánh giá đúng thực trạng; gửi báo cáo trước ngày 15/4/2026.');
    const check = runNpm(dir, 'check');
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain(`content/van-ban/${SLUG}.mdx: 6/6 câu của content/nguon/${SLUG}.txt có trong văn bản`);
    // An edit that changes the text without an editor's note fails the check, at the source line.
    writeFileSync(join(dir, 'content/van-ban', `${SLUG}.mdx`), mdx.replace('Đánh giá đúng thực trạng', 'Đánh giá thực trạng'));
    const edited = runNpm(dir, 'check');
    expect(edited.status).toBe(1);
    expect(edited.stderr).toMatch(new RegExp(`content/nguon/${SLUG}\\.txt:5: câu của văn bản gốc không có trên trang .*\\(quy tắc: nguyen-van-thieu-cau\\)`));
    // Without its source text the document cannot be checked, and check says so.
    writeFileSync(join(dir, 'content/van-ban', `${SLUG}.mdx`), mdx.replace(`file: nguon/${SLUG}.txt`, 'file: nguon/khong-co.txt'));
    const missing = runNpm(dir, 'check');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`content/van-ban/${SLUG}.mdx:1: source.file: không có tệp nguồn content/nguon/khong-co.txt để đối chiếu nguyên văn; nhập lại văn bản từ tệp Word (npm run import:van-ban -- <tệp.docx> --ghi-de) hoặc sửa source.file (quy tắc: van-ban-thieu-nguon)`);
  });

  test('--xem-truoc prints the report and the MDX, and writes nothing', async () => {
    const dir = copy();
    const file = await put(dir, 'x.docx');
    const before = content(dir);
    const out = runNpm(dir, 'import:van-ban', [file, '--xem-truoc']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Chạy thử (--xem-truoc): sẽ ghi content/van-ban/${SLUG}.mdx và content/nguon/${SLUG}.txt từ x.docx; chưa ghi gì vào content/.`);
    expect(out.stdout).toMatch(/^## I\. MỤC ĐÍCH, YÊU CẦU$/m);
    expect(digestDiff(before, content(dir))).toEqual([]);
  });

  test('an existing document is not replaced without --ghi-de; --ma publishes under another code', async () => {
    const dir = copy();
    const file = await put(dir, 'x.docx');
    expect(runNpm(dir, 'import:van-ban', [file]).status).toBe(0);
    const before = content(dir);
    const again = runNpm(dir, 'import:van-ban', [file]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([
      'Không nhập văn bản; content/ không thay đổi.',
      `x.docx: đã có văn bản content/van-ban/${SLUG}.mdx cùng mã "${SLUG}"; chạy lại với --ghi-de để thay văn bản đó, hoặc với --ma <mã khác> để đăng thành văn bản mới (quy tắc: van-ban-da-co)`,
    ]);
    expect(digestDiff(before, content(dir))).toEqual([]);
    const replaced = runNpm(dir, 'import:van-ban', [file, '--ghi-de']);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('(ghi đè)');
    const other = runNpm(dir, 'import:van-ban', [file, '--ma', 'ke-hoach-binh-duong']);
    expect(other.status, other.stderr).toBe(0);
    expect(existsSync(join(dir, 'content/van-ban/ke-hoach-binh-duong.mdx'))).toBe(true);
    expect(readFileSync(join(dir, 'content/van-ban/ke-hoach-binh-duong.mdx'), 'utf8')).toContain('file: nguon/ke-hoach-binh-duong.txt');
    const bad = runNpm(dir, 'import:van-ban', [file, '--ma', 'Kế hoạch']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Mã "Kế hoạch" không dùng được/);
  });
});

describe('bad input: one Vietnamese line naming the file, the reason and the fix; nothing written', () => {
  const ole = (name: string) => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < name.length; i++) b[1024 + i * 2] = name.charCodeAt(i);
    return b;
  };
  const cases: [string, string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['a .doc (Word 97–2003)', 'cu.doc', () => ole('WordDocument'), /cu\.doc: tệp là Word 97–2003 \(\.doc\).*\(quy tắc: van-ban-dinh-dang-khac\)/],
    ['a password-protected file', 'mat-khau.docx', () => ole('EncryptedPackage'), /mat-khau\.docx: tệp được đặt mật khẩu.*\(quy tắc: van-ban-mat-khau\)/],
    ['a PDF', 'van-ban.pdf', () => strToU8('%PDF-1.7\n%…'), /van-ban\.pdf: tệp là PDF.*\(quy tắc: van-ban-dinh-dang-khac\)/],
    ['an .odt', 'van-ban.odt', () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') }), /van-ban\.odt: tệp là văn bản OpenDocument.*\(quy tắc: van-ban-dinh-dang-khac\)/],
    ['tracked changes', 'sua-doi.docx', () => wordFile({ ...SPEC, body: [...SPEC.body, { runs: [{ text: 'Hạn ' }, { text: 'mới ', inserted: true }, { text: 'là tháng 6.' }] }] }), /sua-doi\.docx: văn bản còn 1 chỗ sửa đổi chưa chấp nhận.*--chap-nhan-sua-doi.*\(quy tắc: van-ban-sua-doi\)/],
    ['a zip bomb', 'bom.docx', () => zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x41) }), /bom\.docx: phần "word\/document\.xml" của tệp nén bung ra 64 MB .*quả bom nén.*\(quy tắc: zip-qua-lon\)/],
    ['a cut file', 'cut.docx', async () => (await wordFile(SPEC)).slice(0, 3000), /cut\.docx: tệp \.docx hỏng.*\(quy tắc: khong-doc-duoc\)/],
  ];
  test.each(cases)('%s', async (_, name, make, message) => {
    const dir = copy();
    await put(dir, name, await make());
    const before = content(dir);
    const out = runNpm(dir, 'import:van-ban', [name]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(2);
    expect(out.stderr).not.toMatch(CRASH);
    expect(out.seconds).toBeLessThan(20);
    expect(out.peakMb).toBeLessThan(400);
    expect(digestDiff(before, content(dir))).toEqual([]);
  });

  test('--chap-nhan-sua-doi imports a file with tracked changes as accepted, and says so', async () => {
    const dir = copy();
    const name = await put(dir, 'sua-doi.docx', await wordFile({ ...SPEC, body: [...SPEC.body, { runs: [{ text: 'Hạn ' }, { text: 'cũ ', deleted: true }, { text: 'mới ', inserted: true }, { text: 'là tháng 6.' }] }] }));
    const out = runNpm(dir, 'import:van-ban', [name, '--chap-nhan-sua-doi']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('Sửa đổi (Track Changes): 2 chỗ, nhập như khi đã chấp nhận tất cả');
    expect(readFileSync(join(dir, 'content/van-ban', `${SLUG}.mdx`), 'utf8')).toContain('Hạn mới là tháng 6.');
  });

  test('a missing file, a folder, no file at all', () => {
    const dir = copy();
    expect(runNpm(dir, 'import:van-ban', ['khong-co.docx']).stderr).toMatch(/^khong-co\.docx: không tìm thấy tệp/m);
    expect(runNpm(dir, 'import:van-ban', ['content']).stderr).toMatch(/^content: là một thư mục/m);
    const none = runNpm(dir, 'import:van-ban');
    expect([none.status, none.stderr.trim()]).toEqual([2, 'Cách dùng: npm run import:van-ban -- <tệp .docx> [--ma <mã>] [--ghi-de] [--chap-nhan-sua-doi] [--xem-truoc]']);
  });
});

describe('the form import\'s lock', () => {
  test('an import waits while a form import holds the lock, then writes', async () => {
    const dir = copy();
    const file = await put(dir, 'x.docx');
    // A process that is not the test's child (re-parented to init), so it is reaped when it ends.
    const pid = Number(spawnSync('sh', ['-c', 'sleep 4 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).stdout.trim());
    writeFileSync(join(dir, 'content/so-lieu/.nhap-bieu-mau.khoa'), JSON.stringify({ pid, host: hostname(), started: new Date().toISOString(), holder: 'nhap' }));
    const out = runNpm(dir, 'import:van-ban', [file], 40);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain(`Đang chờ một lần nhập biểu mẫu (tiến trình ${pid} trên máy ${hostname()}`);
    expect(out.seconds).toBeGreaterThan(2);
    expect(existsSync(join(dir, 'content/van-ban', `${SLUG}.mdx`))).toBe(true);
    expect(existsSync(join(dir, 'content/so-lieu/.nhap-bieu-mau.khoa'))).toBe(false);
  });
});

describe('a kill at every write leaves a publishable content/ (same transaction and lock as the form import)', () => {
  test('after a kill at each step, check passes and the document is absent or whole; the next import finishes', async () => {
    const dir = copy();
    const file = await put(dir, 'x.docx');
    const target = join(dir, 'content/van-ban', `${SLUG}.mdx`);
    const good = (() => {
      const ref = copy();
      writeFileSync(join(ref, 'x.docx'), readFileSync(join(dir, file)));
      expect(runNpm(ref, 'import:van-ban', [file]).status).toBe(0);
      return readFileSync(join(ref, 'content/van-ban', `${SLUG}.mdx`), 'utf8');
    })();
    for (let step = 1; step <= 10; step++) {
      const out = runNpm(dir, 'import:van-ban', [file, '--ghi-de'], 20, { SOKET_FAULT: `kill@${step}` });
      if (out.status === 0) break; // fewer writes than steps: the last run finished
      expect(out.signal ?? 'SIGKILL', `bước ${step}`).toBeTruthy();
      if (existsSync(target)) expect(readFileSync(target, 'utf8'), `bước ${step}`).toBe(good);
      const check = runNpm(dir, 'check');
      expect(check.status, `bước ${step}: ${check.stderr}`).toBe(0);
    }
    const finish = runNpm(dir, 'import:van-ban', [file, '--ghi-de']);
    expect(finish.status, finish.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(good);
    expect(readdirSync(join(dir, 'content/van-ban')).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 240_000);
});
