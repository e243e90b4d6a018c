// The edition file (content/cau-hinh.yaml): what belongs to one organisation and one review, so
// the same code publishes another federation's or sector union's review from its own content/.
// Every field is described here once; the README's table of fields is generated from these
// descriptions (tests/edition.test.ts keeps the two equal). Pure zod: the browser's form check
// carries the vocabularies too.
import { z } from '../content/zod-vi.ts';
import { EDITION_FILE } from '../content/paths.ts';
import { addRuleIssue, ruleRefinement } from '../problems/rule-issues.ts';

/** The plan's and the outline's document ids when the edition file does not name them (`review.plan`, `review.outline`). */
export const DEFAULT_PLAN_ID = 'ke-hoach-so-ket';
export const DEFAULT_OUTLINE_ID = 'de-cuong-bao-cao';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ "ldld-huyen")');
const year = z.number().int().min(1900).max(2200);
const yearSpan = (what: string) =>
  z
    .object({
      from: year.describe(`Năm đầu ${what}.`),
      to: year.describe(`Năm cuối ${what}.`),
    })
    .strict()
    .refine((s) => s.from <= s.to, ruleRefinement('khoang-nam', { span: true }, ['to']));

/** The longest congress term an edition may have, in years (a term is five years; ten allows for a change of cycle). */
export const MAX_TERM_YEARS = 10;

/**
 * Names the scope's slug may not take, besides the unit codes (checked in load.ts against
 * content/don-vi/): the scope's draft and form sit beside the units' (`/tai-ve/bao-cao/<slug>.docx`,
 * `/tai-ve/bieu-mau/<slug>.xlsx`), where no other route has a file; `toan-bo` names the whole
 * site's files elsewhere (`/lich/toan-bo.ics`, `/so-lieu/toan-bo.csv`), so the organisation's
 * files may not be mistaken for those.
 */
export const RESERVED_SCOPE_SLUGS = ['toan-bo'] as const;

/**
 * The site's address: http(s) and a host, nothing after it but "/". Every page links from the
 * root ("/van-ban/…"), so a site in a sub-folder (https://example.org/so-ket/) would publish broken
 * links: refused with that reason rather than dropped without a word.
 */
const siteUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    addRuleIssue(ctx, 'dinh-dang', { siteUrl: 'not-url' });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    addRuleIssue(ctx, 'dinh-dang', { siteUrl: 'protocol', protocol: url.protocol });
  } else if (!url.hostname) {
    addRuleIssue(ctx, 'dinh-dang', { siteUrl: 'no-host' });
  } else if (url.username || url.password) {
    addRuleIssue(ctx, 'dinh-dang', { siteUrl: 'credentials' });
  } else if (url.pathname !== '/' || url.search || url.hash) {
    addRuleIssue(ctx, 'dinh-dang', { siteUrl: 'path', rest: `${url.pathname}${url.search}${url.hash}`, hostname: url.hostname });
  }
});

/** A closed list: code (used in content files) → label (shown on pages and in the files). */
const vocabulary = (what: string, example: string) =>
  z
    .record(slug, z.string().min(1))
    .refine((v) => Object.keys(v).length > 0, ruleRefinement('danh-muc-trong', { what }))
    .describe(`Danh mục ${what}: mỗi dòng \`mã: tên\`, theo thứ tự hiện trên trang (ví dụ \`${example}\`).`);

export const DEFAULT_MEASURE_UNITS = {
  'doan-vien': 'đoàn viên',
  'cong-doan-co-so': 'công đoàn cơ sở',
  'nguoi': 'người',
  'luot-nguoi': 'lượt người',
  'can-nha': 'căn nhà',
  'cuoc': 'cuộc',
  'phan-tram': '%',
};

export const DEFAULT_INDICATOR_GROUPS = { 'chinh': 'Nhóm chỉ tiêu chính', 'phoi-hop': 'Nhóm chỉ tiêu phối hợp' };

export const editionSchema = z
  .object({
    organisation: z
      .object({
        name: z.string().min(1).describe('Tên đầy đủ của tổ chức công bố trang (cơ quan ban hành): hiện ở đầu mọi trang, khối tiêu đề của tệp Word và Excel, thuộc tính tệp.'),
        shortName: z.string().min(1).describe('Tên viết tắt của tổ chức, dùng trong câu văn của trang (ví dụ "LĐLĐ tỉnh …").'),
        parentBody: z.string().min(1).default('Tổng Liên đoàn Lao động Việt Nam').describe('Cơ quan cấp trên, in phía trên tên tổ chức trong khối tiêu đề văn bản; mặc định "Tổng Liên đoàn Lao động Việt Nam".'),
        reportRecipient: z.string().min(1).describe('Nơi các đơn vị gửi báo cáo: dòng đầu "Nơi nhận" của các dự thảo báo cáo.'),
        place: z.string().min(1).describe('Địa danh ở dòng "…, ngày … tháng … năm …" của khối tiêu đề văn bản (tên tỉnh, thành phố).'),
        scope: z
          .object({
            word: z.string().min(1).describe('Chữ chỉ phạm vi của số liệu tổng hợp, viết thường, như trong "kết quả …" (liên đoàn lao động tỉnh: "toàn" và "tỉnh"; công đoàn ngành: "toàn ngành"); đầu câu, đầu cột tự viết hoa chữ đầu.'),
            slug: slug.describe('Tên tệp (không có phần đuôi) của dự thảo báo cáo và biểu mẫu chung của cả tổ chức, thường là `word` viết không dấu; không được trùng mã đơn vị nào.'),
          })
          .strict()
          .describe('Phạm vi của số liệu tổng hợp.'),
      })
      .strict()
      .describe('Tổ chức công bố.'),
    congress: z
      .object({
        number: z.string().regex(/^[IVXLC]+$/, 'số Đại hội viết bằng chữ số La Mã in hoa (ví dụ "XI")').describe('Số (La Mã) của Đại hội có Nghị quyết được sơ kết.'),
        name: z.string().min(1).describe('Tên Đại hội như văn bản gọi, trong câu "thực hiện Nghị quyết …" (ví dụ "Đại hội … Công đoàn tỉnh …").'),
        term: yearSpan('nhiệm kỳ').describe('Nhiệm kỳ của Đại hội (`from`, `to`); các năm đánh giá phải nằm trong nhiệm kỳ.'),
      })
      .strict()
      .describe('Đại hội và nhiệm kỳ.'),
    review: z
      .object({
        title: z.string().min(1).describe('Tên trang: tiêu đề đầy đủ của kỳ sơ kết.'),
        shortTitle: z.string().min(1).default('Sơ kết giữa nhiệm kỳ').describe('Tên ngắn, dùng trong tiêu đề thẻ trình duyệt; mặc định "Sơ kết giữa nhiệm kỳ".'),
        description: z.string().min(1).describe('Mô tả một câu của trang (thẻ mô tả, chia sẻ mạng xã hội).'),
        plan: slug.default(DEFAULT_PLAN_ID).describe('Mã (tên tệp trong `content/van-ban/`, không có đuôi) của Kế hoạch sơ kết: lịch `schedule` của nó cho hạn gửi báo cáo (mục `gui-bao-cao`) và ngày ban hành (mục `ban-hanh-ke-hoach`). Mặc định `ke-hoach-so-ket`.'),
        outline: slug.default(DEFAULT_OUTLINE_ID).describe('Mã của Đề cương báo cáo, từ đó dựng mẫu báo cáo Word và các dự thảo. Mặc định `de-cuong-bao-cao`; ấn bản chỉ có một văn bản ghi cùng mã với `plan`.'),
        evaluation: z
          .object({
            years: yearSpan('được đánh giá').describe('Các năm được đánh giá (`from`, `to`): kỳ của biểu mẫu số liệu và số liệu minh họa.'),
            until: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'tháng viết YYYY-MM (ví dụ 2025-09)').describe('Tháng cuối của thời gian đánh giá, YYYY-MM ("từ đầu nhiệm kỳ đến hết tháng …"). Đơn vị kéo dài thời gian Đại hội lấy mốc `until` của Kế hoạch.'),
          })
          .strict()
          .describe('Thời gian đánh giá.'),
      })
      .strict()
      .describe('Kỳ sơ kết.'),
    site: z
      .object({
        url: siteUrl.describe('Địa chỉ gốc của trang khi đưa lên mạng (liên kết chuẩn, sitemap, lịch, thẻ chia sẻ): `http://` hoặc `https://` và tên miền, không có đường dẫn (trang đặt ở gốc tên miền, vì mọi liên kết trong trang bắt đầu bằng `/`).'),
      })
      .strict()
      .describe('Nơi trang được công bố.'),
    vocabularies: z
      .object({
        unitTypes: vocabulary('loại đơn vị báo cáo (trường `type` của `content/don-vi/`, `appliesTo.types` của lịch)', 'ldld-huyen: Liên đoàn Lao động huyện, thành phố'),
        measureUnits: vocabulary('đơn vị tính của chỉ tiêu (trường `unit` của `content/chi-tieu/`); chỉ tiêu tỷ lệ dùng mã `phan-tram`', 'doan-vien: đoàn viên')
          .default(DEFAULT_MEASURE_UNITS)
          .describe('Danh mục đơn vị tính của chỉ tiêu (trường `unit` của `content/chi-tieu/`), mỗi dòng `mã: tên`; chỉ tiêu tỷ lệ dùng mã `phan-tram`. Mặc định: đoàn viên, công đoàn cơ sở, người, lượt người, căn nhà, cuộc, %.'),
        indicatorGroups: vocabulary('nhóm chỉ tiêu (trường `group` của `content/chi-tieu/`)', 'chinh: Nhóm chỉ tiêu chính')
          .default(DEFAULT_INDICATOR_GROUPS)
          .describe('Danh mục nhóm chỉ tiêu (trường `group` của `content/chi-tieu/`), theo thứ tự trên trang và biểu mẫu. Mặc định `chinh` (Nhóm chỉ tiêu chính), `phoi-hop` (Nhóm chỉ tiêu phối hợp).'),
        programmeLevels: vocabulary('cấp ban hành chương trình (trường `level` của `content/chuong-trinh/`), cấp của tổ chức trước', 'tinh: Cấp tỉnh (LĐLĐ tỉnh …)'),
      })
      .strict()
      .describe('Các danh mục mô tả cơ cấu của tổ chức.'),
  })
  .strict()
  .superRefine((e, ctx) => {
    const { years, until } = e.review.evaluation;
    const { term } = e.congress;
    // A term of decades would make every table one column a year (1900–2100: a 556 KB status page).
    if (term.to - term.from > MAX_TERM_YEARS) {
      addRuleIssue(ctx, 'nhiem-ky', { term, maxYears: MAX_TERM_YEARS }, ['congress', 'term']);
    }
    if (years.from < term.from || years.to > term.to) {
      addRuleIssue(ctx, 'nam-ngoai-nhiem-ky', { term, years }, ['review', 'evaluation', 'years']);
    }
    const untilYear = Number(until.slice(0, 4));
    if (untilYear < years.from) {
      addRuleIssue(ctx, 'khoang-nam', { fromYear: years.from }, ['review', 'evaluation', 'until']);
    } else if (untilYear > term.to) {
      addRuleIssue(ctx, 'nam-ngoai-nhiem-ky', { term, until }, ['review', 'evaluation', 'until']);
    }
    const slug = e.organisation.scope.slug;
    if ((RESERVED_SCOPE_SLUGS as readonly string[]).includes(slug)) {
      addRuleIssue(ctx, 'ma-pham-vi-trung', { slug, reserved: true }, ['organisation', 'scope', 'slug']);
    }
  });

export type Edition = z.infer<typeof editionSchema>;
export type Vocabularies = Edition['vocabularies'];


/** Fields whose value is a list of `code: label` lines: one README row for the list, not one per code. */
const LEAVES = new Set(['congress.term', 'review.evaluation.years', 'vocabularies.unitTypes', 'vocabularies.measureUnits', 'vocabularies.indicatorGroups', 'vocabularies.programmeLevels']);

/** One row per field, from the schema's own descriptions: the README's table of the edition file. */
export function editionFieldRows(): { field: string; description: string }[] {
  const rows: { field: string; description: string }[] = [];
  const walk = (schema: z.ZodType, path: string) => {
    let inner: z.ZodType = schema;
    // Through defaults, optionals and refinements to the object they wrap.
    for (;;) {
      const def = (inner as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
      if (def.innerType) inner = def.innerType;
      else if (def.type === 'pipe' && def.in) inner = def.in;
      else break;
    }
    const shape = (inner as unknown as { shape?: Record<string, z.ZodType> }).shape;
    if (shape && !LEAVES.has(path)) {
      for (const [key, child] of Object.entries(shape)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    if (path) rows.push({ field: path, description: schema.description ?? inner.description ?? '' });
  };
  walk(editionSchema as unknown as z.ZodType, '');
  return rows;
}

/**
 * A field holding a code of one of the edition's vocabularies: any well-formed code when the
 * vocabulary is not known (null), else one of its codes, refused otherwise with the list and the
 * edition file's field (rule gia-tri-cho-phep, as every closed list).
 */
export function vocabularyCode(vocabulary: Readonly<Record<string, string>> | null, what: string, field: string) {
  const keys = vocabulary ? Object.keys(vocabulary) : [];
  if (!vocabulary || keys.length === 0) return z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `mã ${what} chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối`);
  return z.enum(keys as [string, ...string[]], { error: (issue) => outsideVocabulary(what, String(issue.input), vocabulary, field) });
}

/** The message an out-of-vocabulary code gets, wherever it is used. */
export function outsideVocabulary(what: string, code: string, vocabulary: Record<string, string>, field: string): string {
  return `${what} "${code}" không có trong danh mục \`${field}\` của ${EDITION_FILE} (${Object.keys(vocabulary).join(', ')})`;
}
