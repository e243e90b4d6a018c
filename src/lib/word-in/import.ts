// From a .docx to the two files of a published document: content/van-ban/<mã>.mdx (front matter
// and body) and content/nguon/<mã>.txt (the document's text as Word shows it, which the fidelity
// check compares the page with). Pure: bytes in, texts and a report out; the command writes them.
import { stringify } from 'yaml';
import { openDocx, trackedChanges, WordRefusal } from './open.ts';
import { readBody } from './read.ts';
import { splitParts, type Parts } from './header.ts';
import { bodyMdx } from './mdx.ts';
import { mdxFidelity, type FidelityReport } from './mdx-text.ts';
import { slugify } from '../text/vietnamese.ts';

/** The site's `docType` for a kind label; kinds the site has no page type for are refused by name. */
export const DOC_TYPES: Record<string, string> = {
  'Kế hoạch': 'ke-hoach',
  'Đề cương': 'de-cuong',
  'Công văn': 'cong-van',
  'Hướng dẫn': 'huong-dan',
  'Báo cáo': 'bao-cao',
  'Quyết định': 'quyet-dinh',
  'Thông báo': 'thong-bao',
  'Chương trình': 'chuong-trinh',
  'Nghị quyết': 'nghi-quyet',
  'Chỉ thị': 'chi-thi',
  'Tờ trình': 'to-trinh',
};

export interface ImportOptions {
  /** The file's name, for messages. */
  file: string;
  /** `--ma`: the document's code (file name), instead of one made from the title. */
  slug?: string;
  /** `--chap-nhan-sua-doi`: import a document with tracked changes as if every change were accepted. */
  acceptChanges?: boolean;
  /** The highest `order` of the documents already there: the new one comes after them. */
  lastOrder: number;
}

export interface ImportedDocument {
  slug: string;
  mdx: string;
  sourceText: string;
  title: string;
  docType: string;
  /** Lines for the office: what went where, what was not placed, the dates proposed. */
  report: string[];
  /** The fidelity of the MDX body to the source text, sentence by sentence. */
  fidelity: FidelityReport;
}

const lowerFirst = (s: string) => (s && /^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s);

/** The title's slug, cut at a word before 80 characters (a file name and an address). */
export function slugOf(title: string): string {
  const full = slugify(title);
  if (full.length <= 80) return full;
  const cut = full.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf('-'));
}

function shortOf(title: string): string {
  if (title.length <= 60) return title;
  const cut = title.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Dates in the text, proposed as schedule items (commented out: not published until confirmed). */
export function scheduleDraft(paragraphs: { text: string; anchor: string | null }[]): { yaml: string[]; count: number } {
  const items: string[] = [];
  const DATE = /((?:trước|sau|từ|đến|hết|chậm nhất|hạn|trong|xong|đầu|cuối)[^.;:]{0,20}?)?\b(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})|\b((?:đầu|cuối|trong)\s+)?tháng\s+(\d{1,2})\/(\d{4})/gi;
  let n = 0;
  const seen = new Set<string>();
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(DATE)) {
      const before = p.text.slice(Math.max(0, m.index - 40), m.index);
      // The date of a cited document ("Kế hoạch số 56/KH-TLĐ ngày 23/7/2020") is not a deadline.
      if (/\d+\/[\p{Lu}Đ][\p{L}-]*\s*(ngày\s*)?$/u.test(before) && !m[1]) continue;
      if (m[2] !== undefined && !m[1]) continue;
      const end = m[2] !== undefined
        ? `${m[4]}-${m[3]!.padStart(2, '0')}-${m[2].padStart(2, '0')}`
        : `${m[7]}-${m[6]!.padStart(2, '0')}`;
      const word = (m[1] ?? m[5] ?? '').trim().toLowerCase();
      const kind = word.startsWith('trước') || word.startsWith('hạn') || word.startsWith('chậm') ? 'before' : word.startsWith('đầu') ? 'early' : 'during';
      const sentence = p.text.split(/(?<=[.;!?])\s+/).find((s) => s.includes(m[0])) ?? p.text;
      // One item per date of a sentence, however often the sentence repeats it.
      if (seen.has(`${end} ${sentence}`)) continue;
      seen.add(`${end} ${sentence}`);
      n += 1;
      const item = stringify([{
        id: `moc-${n}`,
        task: sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence,
        who: '(ghi ai làm)',
        kind,
        end,
        asIssued: m[0].trim(),
        anchor: p.anchor ?? '(ghi neo: id của tiêu đề hoặc <Anchor id="…" /> đặt trong đoạn)',
      }], { lineWidth: 0 });
      items.push(...item.trimEnd().split('\n').map((l) => `#   ${l}`));
    }
  }
  if (n === 0) return { yaml: [], count: 0 };
  return {
    yaml: [
      '# Lịch (schedule) ĐỀ XUẤT từ các ngày trong văn bản: CHƯA công bố. Biên tập viên kiểm tra từng mục',
      '# (việc, ai làm, kind: before/during/early/until, ngày, neo), xoá mục thừa, rồi bỏ dấu "# " ở đầu các dòng dưới đây.',
      '# schedule:',
      ...items,
    ],
    count: n,
  };
}

function frontMatter(parts: Parts, slug: string, opts: ImportOptions, docType: string, title: string, summary: string, source: { lines: number }): Record<string, unknown> {
  const { header, signer, recipients } = parts;
  const fm: Record<string, unknown> = {
    title,
    shortTitle: shortOf(title),
    docType,
    ...(header.number ? { number: header.number } : {}),
    issuer: header.issuingBody ?? header.parentBody ?? '(chưa rõ cơ quan ban hành)',
    ...(header.issueDate ? { issueDate: header.issueDate } : {}),
    summary,
    status: header.draft ? 'du-thao' : 'ban-hanh',
    order: opts.lastOrder + 1,
  };
  if (signer.onBehalf && signer.position && signer.name && signer.signedMark) fm.signer = { onBehalf: signer.onBehalf, position: signer.position, name: signer.name, signedMark: signer.signedMark };
  if (recipients.length > 0) fm.recipients = recipients.map((r) => (r.mark ? { text: r.text, mark: r.mark } : { text: r.text }));
  const headerFm: Record<string, unknown> = {};
  if (header.parentBody) headerFm.parentBody = header.parentBody;
  if (header.issuingBody) headerFm.issuingBody = header.issuingBody;
  if (header.place) headerFm.place = header.place;
  headerFm.motto = header.motto;
  fm.header = headerFm;
  fm.source = { file: `nguon/${slug}.txt`, fromLine: 1, toLine: Math.max(1, source.lines) };
  return fm;
}

/** Reads the .docx and composes the document, or throws a WordRefusal (nothing to write). */
export async function importDocx(bytes: Uint8Array, opts: ImportOptions): Promise<ImportedDocument> {
  const opened = await openDocx(bytes);
  const changes = trackedChanges(opened.parts);
  const changeCount = changes.insertions + changes.deletions + changes.moves;
  if (changeCount > 0 && !opts.acceptChanges) {
    throw WordRefusal.of('van-ban-sua-doi', changes);
  }
  let body;
  try {
    body = await readBody(opened);
  } catch (error) {
    if (error instanceof WordRefusal) throw error;
    // Malformed XML inside a well-formed archive (a damaged file, a tool that writes bad .docx).
    throw WordRefusal.of('khong-doc-duoc', { docxBody: true });
  }
  const parts = splitParts(body.blocks);
  const kindLabel = parts.kind?.label ?? (parts.header.subject ? 'Công văn' : undefined);
  const docType = kindLabel ? DOC_TYPES[kindLabel] : undefined;
  if (!docType) {
    throw WordRefusal.of('van-ban-chua-xep', {});
  }
  const abstract = parts.abstract.join(' ').replace(/\s+/g, ' ').trim();
  const subject = parts.header.subject ?? abstract;
  const title = subject ? `${kindLabel} ${lowerFirst(subject)}` : kindLabel!;
  const slug = opts.slug ?? slugOf(title);
  const mdxBody = bodyMdx(parts, body.notes);
  const summary = subject || mdxBody.paragraphs[0]?.text.slice(0, 300) || title;
  const fm = frontMatter(parts, slug, opts, docType, title, summary, { lines: mdxBody.sourceLines.length });
  const draft = scheduleDraft(mdxBody.paragraphs);
  const yamlText = stringify(fm, { lineWidth: 0 }).trimEnd();
  // Lines that could not be placed stay in the file, as comments the editor sees and the site does not publish.
  const signerLines = Object.values(parts.signer).filter(Boolean) as string[];
  const notPlaced = [...parts.unplaced, ...(fm.signer ? [] : signerLines)];
  const kept = notPlaced.length
    ? ['# Các dòng của tệp Word CHƯA XẾP ĐƯỢC vào front matter (giữ lại để biên tập viên xem; trang không đăng):', ...notPlaced.map((l) => `#   ${l.replace(/\n/g, ' ')}`)]
    : [];
  const comments = [...kept, ...draft.yaml];
  const mdx = `---\n${yamlText}\n${comments.length ? `${comments.join('\n')}\n` : ''}---\n\n${mdxBody.body}`;
  const sourceText = `${mdxBody.sourceLines.join('\n')}\n`;
  const report: string[] = [];
  const h = parts.header;
  report.push(`  Loại: ${kindLabel} (docType: ${docType}); tiêu đề: ${title}`);
  report.push(`  Khối tiêu đề: ${[h.parentBody && `cơ quan cấp trên "${h.parentBody}"`, h.issuingBody && `cơ quan ban hành "${h.issuingBody}"`, h.number ? `số "${h.number}"` : 'không có số, ký hiệu', h.placeDateLine ? `"${h.placeDateLine}"` : 'không có địa danh, ngày tháng', h.motto ? 'Quốc hiệu, Tiêu ngữ' : 'không có Quốc hiệu'].filter(Boolean).join('; ')}`);
  if (parts.abstract.length) report.push(`  Trích yếu: ${abstract}`);
  if (parts.addressees.length) report.push(`  Kính gửi: ${parts.addressees.length} dòng (giữ trong thân văn bản)`);
  report.push(`  Nơi nhận: ${parts.recipients.length} nơi; chữ ký: ${fm.signer ? `${parts.signer.onBehalf} / ${parts.signer.position} / ${parts.signer.name} (${parts.signer.signedMark})` : 'không có hoặc chưa đủ (cần TM./KT./TL., chức vụ, dấu "Đã ký", họ tên)'}`);
  report.push(`  Thân văn bản: ${mdxBody.headings.length} tiêu đề, ${mdxBody.paragraphs.length} đoạn, ${parts.body.filter((b) => b.kind === 'table').length} bảng, ${body.notes.size} chú thích; ${body.numbered} đoạn đánh số tự động giữ đúng số Word hiện`);
  if (changeCount > 0) report.push(`  Sửa đổi (Track Changes): ${changeCount} chỗ, nhập như khi đã chấp nhận tất cả (--chap-nhan-sua-doi)`);
  for (const line of notPlaced) report.push(`  CHƯA XẾP ĐƯỢC (quy tắc: van-ban-chua-xep): «${line}» — ghi thành chú thích trong front matter, chưa đăng; hãy xếp tay nếu cần`);
  for (const what of [...opened.leftOut, ...body.leftOut]) report.push(`  KHÔNG NHẬP (quy tắc: van-ban-chua-xep): ${what} — trang chỉ đăng chữ; hãy chèn tay nếu cần`);
  if (parts.decoration.length) report.push(`  Bỏ qua ${parts.decoration.length} dòng kẻ trang trí (${parts.decoration.map((d) => `«${d}»`).join(', ')})`);
  report.push(draft.count ? `  Lịch: ${draft.count} ngày trong văn bản được đề xuất thành mục schedule (đã ghi thành chú thích trong front matter, CHƯA công bố; xác nhận rồi bỏ dấu #)` : '  Lịch: không thấy ngày hạn nào trong văn bản');
  const fidelity = mdxFidelity(`content/nguon/${slug}.txt`, sourceText, mdxBody.body);
  return { slug, mdx, sourceText, title, docType, report, fidelity };
}
