// Front-matter schemas of the content collections, in plain zod so that the pre-build check
// (src/integrations/content-check.ts) and the unit tests use exactly what Astro validates with.
import { z } from '../content/zod-vi.ts';
import { partialDate, scheduleSchemaFor } from './schedule.ts';
import { vocabularyCode, type Vocabularies } from '../edition/schema.ts';

/** Kinds of document and their names on the site: the front matter's `docType` takes these keys. */
export const docTypeLabels = {
  'ke-hoach': 'Kế hoạch',
  'de-cuong': 'Đề cương',
  'cong-van': 'Công văn',
  'huong-dan': 'Hướng dẫn',
  'bao-cao': 'Báo cáo',
  'quyet-dinh': 'Quyết định',
  'thong-bao': 'Thông báo',
  'chuong-trinh': 'Chương trình',
  'nghi-quyet': 'Nghị quyết',
  'chi-thi': 'Chỉ thị',
  'to-trinh': 'Tờ trình',
} as const;

/** A document's status and its name on the site: the front matter's `status` takes these keys. */
export const statusLabels = {
  'ban-hanh': 'Đã ban hành',
  'du-thao': 'Dự thảo',
} as const;

/** The keys of a label map, as the non-empty tuple z.enum takes: one definition for values and labels. */
const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** A day or a month, validated as a date that exists. */
const dayDate = partialDate;

/**
 * The documents of the mid-term review: plan, report outline, cover memo. With the edition's
 * vocabularies, the kinds of unit a schedule names must be among its `unitTypes`.
 */
export function documentSchemaFor(vocabularies: Pick<Vocabularies, 'unitTypes'> | null) {
  return z
    .strictObject({
      title: z.string().min(1),
      /** Short name used in navigation and breadcrumbs. */
      shortTitle: z.string().min(1),
      /**
       * Other names readers give the document ("công văn xin ý kiến"): shown under "Tên gọi khác"
       * and indexed for search, so a search by any of them finds it.
       */
      aliases: z
        .array(z.string().trim().min(1))
        .default([])
        .describe('Tên gọi khác của văn bản, để tìm kiếm (ví dụ: công văn xin ý kiến)'),
      docType: z.enum(keysOf(docTypeLabels)),
      /** Số, ký hiệu when the document has one (the source gives none for these three). */
      number: z.string().optional(),
      issuer: z.string().min(1),
      /** Ngày ban hành, when the source gives it. */
      issueDate: dayDate.optional(),
      /** Trích yếu: one or two sentences for listings, search and link previews. */
      summary: z.string().min(1),
      status: z.enum(keysOf(statusLabels)),
      order: z.number().int(),
      /** Signature block; the outline, issued as an attachment of the plan, carries none. */
      signer: z.strictObject({
        /** e.g. "TM. BAN THƯỜNG VỤ" */
        onBehalf: z.string().min(1),
        position: z.string().min(1),
        name: z.string().min(1),
        /** "(đã ký)" / "Đã ký", as printed */
        signedMark: z.string().min(1),
      }).optional(),
      /** Nơi nhận. `mark` carries the "Báo cáo" bracket printed beside some recipients. */
      recipients: z
        .array(z.strictObject({ text: z.string().min(1), mark: z.literal('Báo cáo').optional() }))
        .default([]),
      /**
       * The header block as the issued document prints it, when it is not the edition's own
       * (a document imported from Word, e.g. another union's): parent and issuing bodies, place,
       * whether it carries the national motto. Absent: the edition's organisation.
       */
      header: z.strictObject({
        parentBody: z.string().min(1).optional().describe('Cơ quan cấp trên, như in trong khối tiêu đề'),
        issuingBody: z.string().min(1).optional().describe('Cơ quan ban hành, như in trong khối tiêu đề'),
        place: z.string().min(1).optional().describe('Địa danh của dòng "…, ngày … tháng … năm …"'),
        motto: z.boolean().default(true).describe('Văn bản có Quốc hiệu, Tiêu ngữ'),
      }).optional(),
      /**
       * Lines of the source text (1-based, inclusive) this document transcribes; checked by the
       * fidelity test. The committed sources share nguon/van-ban-goc.txt; a document imported from
       * Word has its own nguon/<mã>.txt, written by `npm run import:van-ban`.
       */
      source: z.strictObject({
        file: z.string().regex(/^nguon\/[a-z0-9]+(?:-[a-z0-9]+)*\.txt$/, 'tệp nguồn là nguon/<tên>.txt trong content/'),
        fromLine: z.number().int().positive(),
        toLine: z.number().int().positive(),
      }),
      schedule: scheduleSchemaFor(vocabularies?.unitTypes ?? null).default([]),
    })
    .superRefine((data, ctx) => {
      if (data.source.fromLine > data.source.toLine) {
        ctx.addIssue({ code: 'custom', path: ['source', 'fromLine'], message: 'fromLine phải nhỏ hơn hoặc bằng toLine', params: { rule: 'khoang-dong-hop-le' } });
      }
    });
}

export const documentSchema = documentSchemaFor(null);

/**
 * Programmes the documents cite: only facts the source text gives (it carries no programme's full
 * text). With the edition's vocabularies, the level must be among its `programmeLevels`.
 */
export function programmeSchemaFor(vocabularies: Pick<Vocabularies, 'programmeLevels'> | null) {
  return z
    .strictObject({
      number: z.string().regex(/^\d+[a-z]?$/, 'số văn bản chỉ gồm chữ số (có thể thêm một chữ cái, như 4a)'),
      /** Ký hiệu as printed after the number, e.g. "CTr-TLĐ". */
      symbol: z.string().min(1),
      docType: z.literal('Chương trình'),
      /** Issuing body as the source names it. */
      issuer: z.string().min(1),
      level: vocabularyCode(vocabularies?.programmeLevels ?? null, 'cấp ban hành', 'vocabularies.programmeLevels'),
      issueDate: dayDate,
      /** Trích yếu, verbatim from the citing sentence. */
      title: z.string().min(1),
      period: z
        .strictObject({ from: z.number().int().min(1990).max(2100), to: z.number().int().min(1990).max(2100) })
        .refine((p) => p.from <= p.to, { message: 'năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc' })
        .optional(),
      /** Goals as the plan lists them under the programme; empty when the source gives none. */
      goals: z.array(z.string().min(1)).default([]),
      /** Lines of nguon/van-ban-goc.txt the facts above come from (1-based). */
      provenance: z.array(z.number().int().positive()).min(1),
    })
    .superRefine((data, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(data.issueDate)) {
        ctx.addIssue({ code: 'custom', path: ['issueDate'], message: 'Chương trình phải có ngày ban hành đủ ngày/tháng/năm', params: { rule: 'ngay-ban-hanh-du' } });
      }
    });
}

export const programmeSchema = programmeSchemaFor(null);

/** A day written in full (YYYY-MM-DD) that exists: a notice's dates name a day, not a month. */
const fullDay = dayDate.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), { message: 'ngày phải đủ ngày/tháng/năm, dạng YYYY-MM-DD', params: { rule: 'dinh-dang' } });

/**
 * content/thong-bao/*.mdx: the office's notices (a deadline reminder, a changed figure, a new
 * document). The body is MDX; the home page shows a notice as a banner from `date` to `until`
 * (inclusive) and /thong-bao/ lists every one, newest first; the Atom feed carries them.
 */
export const noticeSchema = z
  .strictObject({
    title: z.string().min(1).describe('Tiêu đề thông báo, một dòng.'),
    date: fullDay.describe('Ngày đăng, YYYY-MM-DD: từ ngày này thông báo hiện ở trang chủ.'),
    until: fullDay.optional().describe('Ngày cuối hiện ở trang chủ (kể cả ngày đó), YYYY-MM-DD; bỏ trống là hiện đến khi gỡ tệp.'),
    document: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'mã văn bản là tên tệp trong content/van-ban/, không có đuôi').optional()
      .describe('Mã văn bản liên quan (tên tệp trong content/van-ban/, không có đuôi .mdx): thông báo có liên kết tới văn bản ấy.'),
  })
  .superRefine((data, ctx) => {
    if (data.until !== undefined && data.until < data.date) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `ngày cuối (${data.until}) trước ngày đăng (${data.date})`, params: { rule: 'bat-dau-truoc-ket-thuc' } });
    }
  });
export type Notice = z.infer<typeof noticeSchema>;
