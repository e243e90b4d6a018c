// A document's page renders what documentPageModel computes around the document's text: checked
// here on the real documents, without a build. The headings are those Astro reports for each
// document (as the built pages show them); the rest is read from content/van-ban.
import { describe, expect, test } from 'vitest';
import { timelineOf } from '../src/lib/documents/documents';
import { sequenceOf } from '../src/lib/documents/sequence';
import { UNKNOWN_UPDATE } from '../src/lib/documents/last-updated';
import { documentPageModel } from '../src/lib/views/document-page';
import { loadEdition } from '../src/lib/edition/load';
import { documentEntries } from './helpers/content-entries';

const edition = loadEdition();
const documents = documentEntries();
const reviewTimeline = timelineOf(documents);
const sequence = sequenceOf(documents.map((d) => ({ id: d.id, order: d.data.order, title: d.data.shortTitle })));
const doc = (id: string) => documents.find((d) => d.id === id)!;
const issuer = { parentBody: edition.organisation.parentBody, name: edition.organisation.name, place: edition.organisation.place };
const modelOf = (id: string, headings: { depth: number; slug: string; text: string }[], updated: { iso: string; display: string } | null = null) =>
  documentPageModel({ doc: doc(id), headings, updated, reviewTimeline, neighbours: sequence.get(id) ?? {}, issuer });

const planHeadings = [
  { depth: 2, slug: 'i-muc-dich-yeu-cau', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
  { depth: 2, slug: 'ii-noi-dung', text: 'II. NỘI DUNG' },
  { depth: 2, slug: 'iii-hinh-thuc-va-thoi-gian-thuc-hien', text: 'III. HÌNH THỨC VÀ THỜI GIAN THỰC HIỆN' },
  { depth: 3, slug: '1-hinh-thuc', text: '1. Hình thức' },
  { depth: 3, slug: '2-thoi-gian-thuc-hien', text: '2. Thời gian thực hiện' },
  { depth: 2, slug: 'iv-to-chuc-thuc-hien', text: 'IV. TỔ CHỨC THỰC HIỆN' },
];

describe('the plan', () => {
  const model = modelOf('ke-hoach-so-ket', planHeadings, { iso: '2026-11-20', display: '20/11/2026' });

  test('title, breadcrumb and the kind of document', () => {
    expect(model.title).toBe(doc('ke-hoach-so-ket').data.title);
    expect(model.pageType).toBe('Văn bản – Kế hoạch');
    expect(model.breadcrumb).toEqual([{ label: 'Trang chủ', href: '/' }, { label: 'Văn bản', href: '/van-ban/' }, { label: 'Kế hoạch sơ kết' }]);
    expect(model.updated).toEqual({ iso: '2026-11-20', display: '20/11/2026' });
  });

  test('the information box says what the source does not give', () => {
    expect(model.info).toEqual({
      typeLabel: 'Kế hoạch',
      shortTitle: 'Kế hoạch sơ kết',
      otherNames: null,
      number: 'Bản nguồn không ghi số, ký hiệu',
      issuer: doc('ke-hoach-so-ket').data.issuer,
      issueDate: 'Bản nguồn không ghi ngày',
      signer: 'Phó chủ tịch thường trực Nông Văn Dũng',
      status: 'Đã ban hành',
      summary: doc('ke-hoach-so-ket').data.summary,
    });
    expect(model.header.numberLine).toBe('Số: ……');
    expect(model.header.blanks).toHaveLength(2);
    expect(model.signature?.signer?.name).toBe(doc('ke-hoach-so-ket').data.signer!.name);
    expect(model.reportKit).toBe(false);
  });

  test("the contents: sections with their subsections, then the page's own timeline", () => {
    expect(model.toc.map((t) => [t.slug, t.children.map((c) => c.slug)])).toEqual([
      ['i-muc-dich-yeu-cau', []],
      ['ii-noi-dung', []],
      ['iii-hinh-thuc-va-thoi-gian-thuc-hien', ['1-hinh-thuc', '2-thoi-gian-thuc-hien']],
      ['iv-to-chuc-thuc-hien', []],
      ['moc-thoi-gian', []],
    ]);
    expect(model.toc.at(-1)!.lines).toEqual(['Mốc thời gian sơ kết: ai làm gì, khi nào']);
  });

  test("the whole review's timeline: its own entries link within the page, the memo's to the memo", () => {
    expect(model.timeline!.title).toBe('Mốc thời gian sơ kết: ai làm gì, khi nào');
    expect(model.timeline!.view.items.map((i) => i.id)).toEqual(reviewTimeline.map((e) => e.id));
    expect(model.timeline!.view.filters).toBeUndefined();
    const memo = reviewTimeline.filter((e) => e.documentId === 'cong-van-xin-y-kien');
    expect(memo.length).toBeGreaterThan(0);
    for (const [i, e] of reviewTimeline.entries()) {
      expect(model.timeline!.view.items[i]!.href).toBe(e.documentId === 'ke-hoach-so-ket' ? `#${e.anchor}` : `/van-ban/${e.documentId}/#${e.anchor}`);
    }
  });

  test('first in reading order: no previous, the outline next', () => {
    expect(model.previous).toBeNull();
    expect(model.next).toEqual({ href: '/van-ban/de-cuong-bao-cao/', title: 'Đề cương báo cáo' });
  });
});

test('the outline: the report kit, a heading set on three lines, no signature, between the plan and the memo', () => {
  const text = 'PHẦN THỨ NHẤT Kết quả giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn tỉnh lần thứ X';
  const model = modelOf('de-cuong-bao-cao', [{ depth: 2, slug: 'phan-thu-nhat', text }, { depth: 3, slug: 'i-boi-canh', text: 'I. BỐI CẢNH' }]);
  expect(model.reportKit).toBe(true);
  expect(model.toc[0]!.lines).toEqual(['PHẦN THỨ NHẤT', 'Kết quả giữa nhiệm kỳ thực hiện Nghị quyết', 'Đại hội Công đoàn tỉnh lần thứ X']);
  expect(model.toc[0]!.children.map((c) => c.slug)).toEqual(['i-boi-canh']);
  expect(model.signature).toBeNull();
  expect(model.info.signer).toBe('Không có (văn bản kèm theo Kế hoạch)');
  expect(model.previous).toEqual({ href: '/van-ban/ke-hoach-so-ket/', title: 'Kế hoạch sơ kết' });
  expect(model.next?.href).toBe('/van-ban/cong-van-xin-y-kien/');
  // Its schedule is empty: no timeline, and the contents do not offer one.
  expect(model.timeline).toBeNull();
  expect(model.toc.map((t) => t.slug)).not.toContain('moc-thoi-gian');
});

test("the memo: its own timeline only, no contents list without headings, its alias shown once, no date known", () => {
  const model = modelOf('cong-van-xin-y-kien', []);
  expect(model.toc).toEqual([]);
  expect(model.timeline!.title).toBe('Mốc thời gian trong văn bản này');
  expect(model.timeline!.view.items.length).toBeGreaterThan(0);
  for (const item of model.timeline!.view.items) expect(item.href).toMatch(/^#moc-/);
  // "công văn xin ý kiến" is its short title up to case.
  expect(model.info.otherNames).toBeNull();
  expect(model.updated).toBeNull();
  expect(model.unknownUpdate).toBe(UNKNOWN_UPDATE);
  expect(model.next).toBeNull();
});

test('another name is shown, joined; a schedule entry whose anchor is missing fails the page, naming the file', () => {
  const memo = doc('cong-van-xin-y-kien');
  const withAliases = { ...memo, data: { ...memo.data, aliases: ['Công văn xin ý kiến', 'công văn góp ý dự thảo', 'Cong van gop y du thao'] } };
  const model = documentPageModel({ doc: withAliases, headings: [], updated: null, reviewTimeline, neighbours: {}, issuer });
  expect(model.info.otherNames).toBe('công văn góp ý dự thảo');
  expect(() => documentPageModel({ doc: { ...memo, body: 'Không còn mốc nào.' }, headings: [], updated: null, reviewTimeline, neighbours: {}, issuer }))
    .toThrow('content/van-ban/cong-van-xin-y-kien.mdx');
});

describe('editor\'s notes, for the printed notes after a document (issue 26)', () => {
  test('each <EditorNote> of the text in order, words as written, nothing else', async () => {
    const { editorNotes } = await import('../src/lib/documents/editor-notes');
    expect(editorNotes('Đại hội X Công tỉnh <EditorNote>thiếu chữ “đoàn”: Đại hội X Công đoàn tỉnh.</EditorNote> và\n\n<p><EditorNote>Đề cương  đánh số\ntừ mục 8.</EditorNote></p>\n\nKhông có ghi chú.'))
      .toEqual(['thiếu chữ “đoàn”: Đại hội X Công đoàn tỉnh.', 'Đề cương đánh số từ mục 8.']);
    expect(editorNotes('Văn bản không có ghi chú.')).toEqual([]);
    const { readFileSync } = await import('node:fs');
    const plan = readFileSync('content/van-ban/ke-hoach-so-ket.mdx', 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
    const notes = editorNotes(plan);
    expect(notes).toHaveLength((plan.match(/<EditorNote>/g) ?? []).length);
    expect(notes[0]).toMatch(/^Tiêu đề in “lần thứ XII”/);
  });

  test('a body that never names the element is not parsed again (the 1,000-document build paid 2.8 s for it)', async () => {
    const { editorNotes } = await import('../src/lib/documents/editor-notes');
    // Not valid MDX: a parse would throw, so an empty answer shows the parse was skipped.
    expect(editorNotes('Giá trị {chưa đóng và <thẻ chưa đóng')).toEqual([]);
    // Named only in prose: parsed, and still no note.
    expect(editorNotes('Chữ EditorNote trong câu, không phải thẻ.')).toEqual([]);
    expect(editorNotes('Câu <EditorNote title="x">ghi chú</EditorNote> tiếp.')).toEqual(['ghi chú']);
  });
});


test('a second plan or outline (imported from Word) shows its own dates and no report kit; its own header block', () => {
  const review = { plan: 'ke-hoach-so-ket', outline: 'de-cuong-bao-cao' };
  const plan = doc('ke-hoach-so-ket');
  const second = { ...plan, id: 'ke-hoach-nam-sau', data: { ...plan.data, header: { issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG', place: 'Bình Dương', motto: true } } };
  const model = documentPageModel({ doc: second, headings: planHeadings, updated: null, reviewTimeline, neighbours: {}, issuer, review });
  expect(model.timeline!.title).toBe('Mốc thời gian trong văn bản này');
  expect(model.header.issuingBody).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH DƯƠNG');
  expect(model.header.placeDateLine).toMatch(/^Bình Dương, ngày/);
  // Another body's header: not the edition's parent body when the Word file names none.
  expect(model.header.parentBody).toBe('');
  const outline = doc('de-cuong-bao-cao');
  expect(documentPageModel({ doc: { ...outline, id: 'de-cuong-khac' }, headings: planHeadings, updated: null, reviewTimeline, neighbours: {}, issuer, review }).reportKit).toBe(false);
  expect(documentPageModel({ doc: plan, headings: planHeadings, updated: null, reviewTimeline, neighbours: {}, issuer, review }).timeline!.title).toBe('Mốc thời gian sơ kết: ai làm gì, khi nào');
});
