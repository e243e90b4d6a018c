// The Word import's pieces (src/lib/word-in/), on .docx files made here with the `docx` package in
// an office's layouts: bounded opening and refusals, Word's numbering as displayed, the header
// block and the ending, the body as MDX (headings, markers, emphasis, tables, footnotes, escapes),
// the proposed schedule, the fidelity report, and front matter that the document schema accepts.
import { describe, expect, test } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { documentSchema } from '../src/lib/documents/content-schemas';
import { readFrontMatter } from '../src/lib/content/frontmatter-check';
import { importDocx, slugOf } from '../src/lib/word-in/import';
import { mdxFidelity, mdxText } from '../src/lib/word-in/mdx-text';
import { escapeMdx } from '../src/lib/word-in/mdx';
import { formatNumber, NumberCounter, readNumbering, writeInNumbers } from '../src/lib/word-in/numbering';
import { openDocx, WordRefusal } from '../src/lib/word-in/open';
import { wordFile, type WordSpec } from './helpers/word-docs';

const PLAN: WordSpec = {
  parentBody: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM',
  issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG',
  number: '15/KH-LĐLĐ',
  placeDate: 'Bình Dương, ngày 05 tháng 3 năm 2026',
  kind: 'KẾ HOẠCH',
  abstract: ['Tổ chức sơ kết công tác', 'năm 2026'],
  body: [
    'Căn cứ Kế hoạch số 56/KH-TLĐ ngày 23/7/2020 của Đoàn Chủ tịch; Ban Thường vụ xây dựng kế hoạch như sau:',
    { auto: 'roman', text: 'MỤC ĐÍCH, YÊU CẦU', bold: true },
    { auto: 'decimal', text: 'Đánh giá đúng thực trạng {x} <b> a*b_c [1] #2 & ~ |.' },
    { auto: 'decimal', text: 'Tổ chức thực hiện', bold: true },
    { auto: 'decimal', level: 1, text: 'Cấp tỉnh gửi báo cáo trước ngày 15/4/2026.' },
    { auto: 'decimal', level: 1, text: 'Cấp huyện tổ chức trong tháng 5/2026.' },
    '- Gạch đầu dòng một.',
    '+ Cộng hai.',
    'a) Chữ a gõ tay.',
    { runs: [{ text: 'Đoạn có ' }, { text: 'chữ đậm', bold: true }, { text: ' và ' }, { text: 'nghiêng', italic: true }, { text: ' kèm chú thích' }, { note: 1 }, { text: '.' }] },
    { auto: 'roman', text: 'TỔ CHỨC THỰC HIỆN', bold: true },
    { table: [['Đơn vị', 'Hạn'], ['Cấp huyện', '30/4/2026']] },
  ],
  footnotes: { 1: 'Theo Điều lệ Công đoàn Việt Nam.' },
  recipients: ['Tổng LĐLĐ Việt Nam (để b/c);', 'Lưu VT.'],
  signer: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', '(Đã ký)', 'NGUYỄN VĂN A'],
};

const load = async (spec: WordSpec, opts: { acceptChanges?: boolean; slug?: string } = {}) => importDocx(await wordFile(spec), { file: 'x.docx', lastOrder: 3, ...opts });
const refusal = async (bytes: Uint8Array): Promise<WordRefusal> => {
  try {
    await importDocx(bytes, { file: 'x.docx', lastOrder: 0 });
  } catch (error) {
    if (error instanceof WordRefusal) return error;
    throw error;
  }
  throw new Error('không bị từ chối');
};
const bodyOf = (mdx: string) => mdx.slice(mdx.indexOf('\n---\n', 4) + 5);

describe('Word numbering as Word displays it', () => {
  test('formats: 1, 01, I, i, A, a, and letters past z', () => {
    expect([1, 9, 14].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IX', 'XIV']);
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect(formatNumber(2, 'upperLetter')).toBe('B');
  });

  test('a level restarts under a new higher item; a startOverride restarts a list; two lists of one definition continue', () => {
    const numbering = `<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const c = new NumberCounter(readNumbering(numbering, undefined));
    expect([c.next('1', 0, undefined), c.next('1', 1, undefined), c.next('1', 1, undefined), c.next('1', 0, undefined), c.next('1', 1, undefined)]).toEqual(['1. ', 'a) ', 'b) ', '2. ', 'a) ']);
    expect(c.next('2', 0, undefined)).toBe('3. ');
    expect(c.next('3', 0, undefined)).toBe('5. ');
    expect(c.next('4', 0, undefined)).toBe('• ');
    expect(c.next(undefined, undefined, undefined)).toBeUndefined();
  });

  test('the number is written into the paragraph, after its properties, and not from a tracked old numbering', () => {
    const numbering = '<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const doc = '<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>MỤC ĐÍCH</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>không số</w:t></w:r></w:p></w:body></w:document>';
    const { xml, numbered } = writeInNumbers(doc, numbering, undefined);
    expect(numbered).toBe(1);
    expect(xml).toContain('</w:pPr><w:r><w:t xml:space="preserve">I. </w:t></w:r><w:r><w:t>MỤC ĐÍCH');
  });
});

test('a paragraph style that carries numbering (a numbered Heading style) gets its number too', () => {
  const numbering = '<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
  const styles = '<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>';
  const p = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const { xml } = writeInNumbers(`<w:document xmlns:w="w"><w:body>${p('Heading2', 'Hình thức')}${p('Normal', 'Đoạn')}${p('Heading2', 'Thời gian')}</w:body></w:document>`, numbering, styles);
  expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['1. ', 'Hình thức', 'Đoạn', '2. ', 'Thời gian']);
});

describe('npm run check\'s fidelity of imported documents (checkImportedFidelity)', () => {
  test('counts the sentences found, reports a changed word at its source line and a missing source file', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { checkImportedFidelity } = await import('../src/lib/word-in/fidelity-check');
    const root = mkdtempSync(join(tmpdir(), 'word-in-'));
    try {
      mkdirSync(join(root, 'content/van-ban'), { recursive: true });
      mkdirSync(join(root, 'content/nguon'));
      const doc = await load(PLAN, { slug: 'ke-hoach-a' });
      writeFileSync(join(root, 'content/van-ban/ke-hoach-a.mdx'), doc.mdx);
      writeFileSync(join(root, 'content/nguon/ke-hoach-a.txt'), doc.sourceText);
      const ok = checkImportedFidelity(root);
      expect(ok.problems).toEqual([]);
      expect(ok.lines).toEqual([`content/van-ban/ke-hoach-a.mdx: ${doc.fidelity.sentences}/${doc.fidelity.sentences} câu của content/nguon/ke-hoach-a.txt có trong văn bản`]);
      writeFileSync(join(root, 'content/van-ban/ke-hoach-a.mdx'), doc.mdx.replace('Cộng hai', 'Cộng ba'));
      const changed = checkImportedFidelity(root);
      expect(changed.problems.map((p) => `${p.line} ${p.rule}`)).toEqual(expect.arrayContaining([`${doc.sourceText.split('\n').findIndex((l) => l.includes('Cộng hai')) + 1} nguyen-van-thieu-cau`]));
      writeFileSync(join(root, 'content/van-ban/ke-hoach-a.mdx'), doc.mdx.replace('nguon/ke-hoach-a.txt', 'nguon/khac.txt'));
      expect(checkImportedFidelity(root).problems.map((p) => p.rule)).toEqual(['van-ban-thieu-nguon']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a plan in a two-column header table', () => {
  test('the header block, the title, the ending go to the front matter, which the document schema accepts', async () => {
    const doc = await load(PLAN);
    const { data } = readFrontMatter(doc.mdx);
    const parsed = documentSchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(data).toMatchObject({
      title: 'Kế hoạch tổ chức sơ kết công tác năm 2026',
      docType: 'ke-hoach',
      number: '15/KH-LĐLĐ',
      issuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG',
      issueDate: '2026-03-05',
      summary: 'Tổ chức sơ kết công tác năm 2026',
      status: 'ban-hanh',
      order: 4,
      signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'NGUYỄN VĂN A', signedMark: '(Đã ký)' },
      recipients: [{ text: 'Tổng LĐLĐ Việt Nam', mark: 'Báo cáo' }, { text: 'Lưu VT.' }],
      header: { parentBody: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG', place: 'Bình Dương', motto: true },
      source: { file: `nguon/${doc.slug}.txt`, fromLine: 1 },
    });
    expect(doc.slug).toBe('ke-hoach-to-chuc-so-ket-cong-tac-nam-2026');
  });

  test('the body: headings by the heading rules, Word numbers kept, typed markers, emphasis, table, footnote, escapes', async () => {
    const body = bodyOf((await load(PLAN)).mdx);
    expect(body).toContain('<div className="doc-heading">\n  <p className="kind">KẾ HOẠCH</p>\n  <p>Tổ chức sơ kết công tác</p>\n  <p>năm 2026</p>\n</div>');
    expect(body).toMatch(/^## I\. MỤC ĐÍCH, YÊU CẦU$/m);
    expect(body).toMatch(/^## II\. TỔ CHỨC THỰC HIỆN$/m);
    // "1." not bold is a numbered paragraph; "2." bold is a heading; "a)", "b)" under it keep Word's letters.
    expect(body).toContain('1\\. Đánh giá đúng thực trạng \\{x\\} \\<b\\> a\\*b\\_c \\[1\\] \\#2 \\& \\~ \\|.');
    expect(body).toMatch(/^### 2\. Tổ chức thực hiện$/m);
    expect(body).toMatch(/^a\) Cấp tỉnh gửi báo cáo trước ngày 15\/4\/2026\.$/m);
    expect(body).toMatch(/^b\) Cấp huyện tổ chức trong tháng 5\/2026\.$/m);
    expect(body).toContain('- Gạch đầu dòng một.\n  + Cộng hai.');
    expect(body).toMatch(/^a\) Chữ a gõ tay\.$/m);
    expect(body).toContain('Đoạn có **chữ đậm** và *nghiêng* kèm chú thích<sup className="footnote-ref"><a href="#chu-thich-1" id="tham-chieu-1">1</a></sup>.');
    expect(body).toContain('<thead><tr><th>Đơn vị</th><th>Hạn</th></tr></thead>');
    expect(body).toContain('<tr><td>Cấp huyện</td><td>30/4/2026</td></tr>');
    expect(body).toContain('<li id="chu-thich-1">Theo Điều lệ Công đoàn Việt Nam.</li>');
    // The header block and the ending are in the front matter, not repeated in the body.
    expect(body).not.toMatch(/CỘNG HÒA|Số: 15|Nơi nhận|NGUYỄN VĂN A/);
  });

  test('the MDX text reads back every sentence of the Word file (fidelity), and a changed word is caught', async () => {
    const doc = await load(PLAN);
    expect(doc.fidelity.problems).toEqual([]);
    expect(doc.fidelity.sentences).toBeGreaterThan(15);
    const tampered = mdxFidelity('s.txt', doc.sourceText, bodyOf(doc.mdx).replace('Gạch đầu dòng một', 'Gạch đầu dòng 1'));
    expect(tampered.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['nguyen-van-thieu-cau', 'nguyen-van-thua-chu']));
    // An editor's note is not text of the source: allowed.
    const noted = mdxFidelity('s.txt', doc.sourceText, bodyOf(doc.mdx).replace('Gạch đầu dòng một.', 'Gạch đầu dòng một. <EditorNote>ghi chú</EditorNote>'));
    expect(noted.problems).toEqual([]);
  });

  test('dates become a schedule draft, commented out: proposed, not published', async () => {
    const doc = await load(PLAN);
    const head = doc.mdx.slice(0, doc.mdx.indexOf('\n---\n', 4));
    expect(head).toContain('# schedule:');
    expect(head).toMatch(/^# {3}- id: moc-1\n# {5}task: a\) Cấp tỉnh gửi báo cáo trước ngày 15\/4\/2026\.\n(?:# .*\n)*# {5}kind: before\n# {5}end: 2026-04-15\n# {5}asIssued: trước ngày 15\/4\/2026\n# {5}anchor: 2-to-chuc-thuc-hien/m);
    expect(head).toMatch(/kind: during\n# {5}end: 2026-05\n/);
    // The cited plan's own date is not a deadline.
    expect(head).not.toContain('2020-07-23');
    expect((readFrontMatter(doc.mdx).data as { schedule?: unknown }).schedule).toBeUndefined();
    expect(doc.report.join('\n')).toContain('Lịch: 2 ngày trong văn bản được đề xuất');
  });
});

describe('other layouts', () => {
  test('stacked header lines and a stacked ending give the same front matter as the table', async () => {
    const table = readFrontMatter((await load(PLAN)).mdx).data as Record<string, unknown>;
    const stacked = readFrontMatter((await load({ ...PLAN, header: 'stacked', ending: 'stacked' })).mdx).data as Record<string, unknown>;
    for (const key of ['title', 'number', 'issuer', 'issueDate', 'signer', 'recipients', 'header']) expect(stacked[key], key).toEqual(table[key]);
  });

  test('a memo: "V/v" is its subject and "Kính gửi" stays in the body as the site writes it', async () => {
    const doc = await load({
      parentBody: 'LĐLĐ TỈNH ĐỒNG NAI', issuingBody: 'VĂN PHÒNG', number: '120/VP', subject: 'đôn đốc gửi báo cáo sơ kết',
      placeDate: 'Đồng Nai, ngày 02 tháng 02 năm 2021',
      kinhGui: ['Kính gửi: Liên đoàn Lao động các huyện, thành phố.'],
      body: ['Đến nay còn 5 đơn vị chưa gửi báo cáo; đề nghị gửi trước ngày 10/2/2021.'],
      recipients: ['Như trên;', 'Lưu VT.'], signer: ['TL. BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNG', 'Đã ký', 'TRẦN THỊ B'],
    });
    const data = readFrontMatter(doc.mdx).data as Record<string, unknown>;
    expect(data).toMatchObject({ docType: 'cong-van', title: 'Công văn đôn đốc gửi báo cáo sơ kết', summary: 'đôn đốc gửi báo cáo sơ kết', number: '120/VP', issueDate: '2021-02-02' });
    expect(documentSchema.safeParse(data).success).toBe(true);
    expect(bodyOf(doc.mdx)).toMatch(/^<p className="kinh-gui">Kính gửi: Liên đoàn Lao động các huyện, thành phố\.<\/p>$/m);
    expect(doc.fidelity.problems).toEqual([]);
  });

  test('what cannot be placed is reported, never silently dropped', async () => {
    const doc = await load({ ...PLAN, signer: ['CHỦ TỊCH', 'NGUYỄN VĂN A'] });
    expect(readFrontMatter(doc.mdx).data).not.toHaveProperty('signer');
    expect(doc.report.join('\n')).toMatch(/CHƯA XẾP ĐƯỢC \(quy tắc: van-ban-chua-xep\): «CHỦ TỊCH»/);
    expect(doc.report.join('\n')).toMatch(/CHƯA XẾP ĐƯỢC \(quy tắc: van-ban-chua-xep\): «NGUYỄN VĂN A»/);
    // Kept in the file as comments of the front matter: the editor sees them, the site does not publish them.
    expect(doc.mdx.slice(0, doc.mdx.indexOf('\n---\n', 4))).toMatch(/^# Các dòng của tệp Word CHƯA XẾP ĐƯỢC.*\n# {3}CHỦ TỊCH\n# {3}NGUYỄN VĂN A$/m);
  });

  test('a header line that matches nothing is reported and kept as a comment', async () => {
    const doc = await load({ ...PLAN, parentBody: 'Ban Tuyên giáo' });
    expect(doc.report.join('\n')).toContain('CHƯA XẾP ĐƯỢC (quy tắc: van-ban-chua-xep): «Ban Tuyên giáo»');
    expect(doc.mdx).toMatch(/^# {3}Ban Tuyên giáo$/m);
    expect(readFrontMatter(doc.mdx).data).toMatchObject({ header: { issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG' } });
  });

  test('a hyperlink keeps its address; the MDX reads back as its text', async () => {
    const doc = await load({ ...PLAN, body: ['Mở đầu.', { runs: [{ text: 'Xem ' }, { text: 'cổng thông tin (mới)', link: 'https://congdoan.example.vn/van ban/(1)' }, { text: ' để biết thêm.' }] }] });
    expect(bodyOf(doc.mdx)).toContain('Xem [cổng thông tin (mới)](<https://congdoan.example.vn/van%20ban/(1)>) để biết thêm.');
    expect(doc.fidelity.problems).toEqual([]);
  });

  test('a line break in a heading is kept', async () => {
    const doc = await load({ ...PLAN, body: [{ runs: [{ text: 'II. KẾT QUẢ THỰC HIỆN', bold: true }, { text: 'GIAI ĐOẠN 2018 – 2020', bold: true, br: true }] }, 'Nội dung.'] });
    expect(bodyOf(doc.mdx)).toMatch(/^## II\. KẾT QUẢ THỰC HIỆN <br \/> GIAI ĐOẠN 2018 – 2020$/m);
    expect(doc.fidelity.problems).toEqual([]);
  });

  test('a document without a kind line or a V/v is refused by name', async () => {
    const r = await refusal(await wordFile({ header: 'none', body: ['Một đoạn văn.'] }));
    expect(r.rule).toBe('van-ban-chua-xep');
    expect(r.message).toMatch(/không nhận ra loại văn bản/);
  });

  test('--ma chooses the code; a long title is cut at a word', async () => {
    expect((await load(PLAN, { slug: 'ke-hoach-2026' })).slug).toBe('ke-hoach-2026');
    const long = slugOf(`Kế hoạch ${'tổ chức sơ kết giữa nhiệm kỳ '.repeat(5)}`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});

describe('refusals before anything is read by mammoth', () => {
  const docx = () => wordFile(PLAN);

  test('tracked changes are refused; with acceptChanges they are read as accepted', async () => {
    const spec: WordSpec = { ...PLAN, body: [...PLAN.body, { runs: [{ text: 'Hạn ' }, { text: 'cũ ', deleted: true }, { text: 'mới ', inserted: true }, { text: 'là tháng 6.' }] }] };
    const r = await refusal(await wordFile(spec));
    expect(r.rule).toBe('van-ban-sua-doi');
    expect(r.message).toMatch(/1 chỗ thêm, 1 chỗ xoá.*--chap-nhan-sua-doi/);
    const accepted = await load(spec, { acceptChanges: true });
    expect(bodyOf(accepted.mdx)).toContain('Hạn mới là tháng 6.');
    expect(accepted.report.join('\n')).toContain('nhập như khi đã chấp nhận tất cả');
  });

  test('PDF, .doc, a password-protected file, RTF, .odt and .xlsx are named', async () => {
    const ole = (extra: string) => {
      const b = new Uint8Array(4096);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      for (let i = 0; i < extra.length; i++) b[1024 + i * 2] = extra.charCodeAt(i);
      return b;
    };
    expect((await refusal(strToU8('%PDF-1.7\n…'))).message).toMatch(/^tệp là PDF/);
    const doc = await refusal(ole('WordDocument'));
    expect([doc.rule, doc.message]).toEqual(['van-ban-dinh-dang-khac', expect.stringMatching(/Word 97–2003 \(\.doc\).*lưu lại dạng Word Document \(\.docx\)/)]);
    const locked = await refusal(ole('EncryptedPackage'));
    expect([locked.rule, locked.message]).toEqual(['van-ban-mat-khau', expect.stringMatching(/đặt mật khẩu/)]);
    expect((await refusal(strToU8('{\\rtf1 …}'))).message).toMatch(/RTF/);
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect((await refusal(odt)).message).toMatch(/OpenDocument \(\.odt/);
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<x/>') });
    expect((await refusal(xlsx)).message).toMatch(/bảng tính Excel/);
  });

  test('a cut file and a zip bomb get one line each, by their numbers, before inflating', async () => {
    const bytes = await docx();
    const cut = await refusal(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect([cut.rule, cut.message]).toEqual(['khong-doc-duoc', expect.stringMatching(/^tệp \.docx hỏng/)]);
    // 40 MB of one letter in document.xml: compressed about 1000 times, refused by the ratio.
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': new Uint8Array(40 * 1024 * 1024).fill(0x41) });
    const b = await refusal(bomb);
    expect([b.rule, b.message]).toEqual(['zip-qua-lon', expect.stringMatching(/word\/document\.xml.*quả bom nén/)]);
    // A size that lies: the directory says 1 KB, the data inflates to 2 MB.
    const liar = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': new Uint8Array(2 * 1024 * 1024).fill(0x20) });
    const view = new DataView(liar.buffer);
    for (let at = liar.length - 22; at > 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50 && new TextDecoder().decode(liar.subarray(at + 46, at + 46 + 17)) === 'word/document.xml') view.setUint32(at + 24, 1024, true);
    }
    const l = await refusal(liar);
    expect([l.rule, l.message]).toEqual(['zip-qua-lon', expect.stringMatching(/nhiều hơn cỡ mục lục ghi/)]);
  });

  test('a well-formed archive with broken XML inside is refused in one line, not with the parser\'s English', async () => {
    const files = (await import('fflate')).unzipSync(await docx());
    files['word/document.xml'] = strToU8('<w:document xmlns:w="x"><w:body><w:p>');
    const r = await refusal(zipSync(files));
    expect([r.rule, r.message]).toEqual(['khong-doc-duoc', expect.stringMatching(/^tệp \.docx hỏng: phần nội dung \(word\/document\.xml\) không phải XML hợp lệ/)]);
  });

  test('a minimal .docx (no styles, no numbering, no relationships of its own) is read', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const minimal = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${para('THÔNG BÁO')}${para('Lịch họp tháng 3')}${para('Văn phòng thông báo lịch họp ngày 05/3/2026.')}</w:body></w:document>`),
    });
    const doc = await importDocx(minimal, { file: 'min.docx', lastOrder: 0 });
    expect(readFrontMatter(doc.mdx).data).toMatchObject({ docType: 'thong-bao', title: 'Thông báo' });
    expect(bodyOf(doc.mdx)).toContain('Văn phòng thông báo lịch họp ngày 05/3/2026.');
    expect(doc.fidelity.problems).toEqual([]);
  });

  test('only text parts reach mammoth: images are left out and reported', async () => {
    const bytes = await docx();
    const { unzipSync } = await import('fflate');
    const files = unzipSync(bytes);
    files['word/media/anh.png'] = new Uint8Array(100);
    const opened = await openDocx(zipSync(files));
    expect([...opened.parts.keys()].every((n) => /\.(xml|rels)$/.test(n))).toBe(true);
    expect(opened.leftOut).toEqual(['word/media/anh.png']);
  });
});

describe('MDX text', () => {
  test('escapes read back as the characters', () => {
    const text = '{a} <b> *c* _d_ [e] #f & ~g | \\h `i`';
    expect(mdxText(`${escapeMdx(text)}\n`).trim()).toBe(text);
  });
});
