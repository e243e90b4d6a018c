// Schemas of the indicator data model: indicator definitions (content/chi-tieu/*.yaml), reporting
// units (content/don-vi/*.yaml) and the dataset's metadata (content/so-lieu/bo-du-lieu.yaml).
// Plain zod, so the pre-build check, `npm run check:data`, Astro's collections and the tests all
// validate with the same objects. Result rows (CSV) are checked in results-csv.ts.
// The kinds of unit, units of measure and indicator groups are the edition's vocabularies
// (content/cau-hinh.yaml): indicatorSchemaFor / unitSchemaFor refuse a code the edition does not
// list; indicatorSchema / unitSchema (no edition) take any well-formed code.
import { z } from '../content/zod-vi.ts';
import { addRuleIssue, ruleRefinement } from '../problems/rule-issues.ts';
import { vocabularyCode, type Vocabularies } from '../edition/schema.ts';

/** The unit of measure of every rate: per cent. */
export const RATE_UNIT = 'phan-tram';

export const directions = { 'cao-hon-la-tot': 'Càng cao càng tốt', 'thap-hon-la-tot': 'Càng thấp càng tốt' } as const;

/** Per-cent targets are kept to two decimals so they compare exactly as hundredths. */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

export function indicatorSchemaFor(vocabularies: Pick<Vocabularies, 'measureUnits' | 'indicatorGroups'> | null) {
  return z
    .object({
      name: z.string().min(1),
      group: vocabularyCode(vocabularies?.indicatorGroups ?? null, 'nhóm chỉ tiêu', 'vocabularies.indicatorGroups'),
      /** Position within its group on /chi-tieu/. */
      order: z.number().int(),
      /** Ids of entries in content/chuong-trinh/ (file names without .mdx). */
      programmes: z.array(z.string().min(1)).default([]),
      unit: vocabularyCode(vocabularies?.measureUnits ?? null, 'đơn vị tính', 'vocabularies.measureUnits'),
      /** count: unit results are summed; rate: numerator and denominator are summed, then divided. */
      kind: z.enum(['count', 'rate']),
      numerator: z.string().min(1).optional(),
      denominator: z.string().min(1).optional(),
      /** Target for the whole term: a total for a count, a per-cent level for a rate. */
      termTarget: z.number().nonnegative().optional(),
      /** Allocation per year ("phân bổ hằng năm"), keyed by year. */
      annualTargets: z.record(z.string().regex(/^\d{4}$/, 'năm phải có 4 chữ số'), z.number().nonnegative()).default({}),
      direction: z.enum(Object.keys(directions) as [keyof typeof directions, ...(keyof typeof directions)[]]),
      definition: z.string().min(1),
      /** Where the definition and targets come from. */
      source: z.string().min(1),
      // The indicator's metadata, as national indicator platforms keep it: each shown on the
      // indicator's page under its heading and carried by the data package; "Chưa có" when absent.
      computation: z.string().min(1).optional()
        .describe('Cách tính: công thức hay cách đếm, ghi bằng lời (ví dụ "Cộng số đoàn viên kết nạp trong năm của các công đoàn cơ sở").'),
      dataSource: z.string().min(1).optional()
        .describe('Nguồn số liệu: sổ sách, danh sách hay báo cáo nào của đơn vị cho ra con số.'),
      reportingPeriod: z.string().min(1).optional()
        .describe('Kỳ báo cáo: kỳ của một con số (năm, 01/01 – 31/12) và khi đơn vị báo cáo.'),
      responsibleOffice: z.string().min(1).optional()
        .describe('Cơ quan chịu trách nhiệm: bộ phận tổng hợp và giải trình số liệu của chỉ tiêu.'),
      contact: z.string().min(1).optional()
        .describe('Liên hệ: nơi hỏi về số liệu của chỉ tiêu (bộ phận, địa chỉ, điện thoại công vụ).'),
      // Astro's YAML loader reads an unquoted 2026-12-03 as a date; the pre-check's reader as text: both are the same day.
      lastUpdated: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày cập nhật phải có dạng YYYY-MM-DD')).optional()
        .describe('Ngày cập nhật lần cuối thông tin về chỉ tiêu, YYYY-MM-DD.'),
      comparability: z.string().min(1).optional()
        .describe('Khả năng so sánh: giữa các năm, các đơn vị và với nhiệm kỳ trước (thay đổi cách tính, phạm vi).'),
    })
    .strict()
    .superRefine((data, ctx) => {
      const targets: [PropertyKey[], number][] = [
        ...(data.termTarget === undefined ? [] : [[['termTarget'], data.termTarget] as [PropertyKey[], number]]),
        ...Object.entries(data.annualTargets).map(([year, value]) => [['annualTargets', year], value] as [PropertyKey[], number]),
      ];
      if (data.kind === 'rate') {
        if (data.unit !== RATE_UNIT) addRuleIssue(ctx, 'ty-le-phan-tram', {}, ['unit']);
        for (const field of ['numerator', 'denominator'] as const) {
          if (!data[field]) addRuleIssue(ctx, 'ty-le-tu-mau', { numerator: field === 'numerator' }, [field]);
        }
        for (const [path, value] of targets) {
          if (value > 100 || !hasAtMostTwoDecimals(value)) addRuleIssue(ctx, 'muc-tieu-ty-le', {}, path);
        }
      } else {
        if (data.unit === RATE_UNIT) addRuleIssue(ctx, 'dem-khong-phan-tram', {}, ['unit']);
        for (const field of ['numerator', 'denominator'] as const) {
          if (data[field]) addRuleIssue(ctx, 'dem-khong-tu-mau', {}, [field]);
        }
        for (const [path, value] of targets) {
          if (!Number.isSafeInteger(value)) addRuleIssue(ctx, 'muc-tieu-so-nguyen', {}, path);
        }
      }
    });
}

export const indicatorSchema = indicatorSchemaFor(null);
export type IndicatorDefinition = z.infer<typeof indicatorSchema>;



export function unitSchemaFor(vocabularies: Pick<Vocabularies, 'unitTypes'> | null) {
  return z
    .object({
      name: z.string().min(1),
      shortName: z.string().min(1),
      type: vocabularyCode(vocabularies?.unitTypes ?? null, 'loại đơn vị', 'vocabularies.unitTypes'),
      order: z.number().int(),
      /** A unit whose congress was late: evaluated to the plan's `until` date for such units. */
      lateCongress: z.boolean().default(false),
      /** `nguon` when the plan or the issue names the unit; `minh-hoa` when the name is illustrative. */
      nameSource: z.enum(['nguon', 'minh-hoa']),
      note: z.string().min(1).optional(),
      /** The unit's relative size (its share of the workers) for the illustrative figures `npm run data:sample` writes; 1 when absent. */
      sampleWeight: z.number().positive().optional(),
    })
    .strict();
}

export const unitSchema = unitSchemaFor(null);
export type ReportingUnit = z.infer<typeof unitSchema>;


export const datasetMetaSchema = z
  .object({
    /** `minh-hoa`: illustrative figures, never to be read as official; `chinh-thuc`: the office's figures. */
    status: z.enum(['minh-hoa', 'chinh-thuc']),
    title: z.string().min(1),
    source: z.string().min(1),
    lastUpdated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày cập nhật phải có dạng YYYY-MM-DD'),
    /** The congress term; result years must fall inside it. */
    term: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    /** Previous-term comparison rows: the `nam` value that marks them and how to label them. */
    baseline: z.object({ key: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) }).strict().optional(),
    /** What the units' own targets (muc-tieu-don-vi.csv) are; required when that file exists. */
    unitTargets: z.object({
      status: z.enum(['minh-hoa', 'chinh-thuc'])
        .describe('`minh-hoa`: mục tiêu minh họa, mọi trang và tệp hiện chúng ghi rõ "minh họa"; `chinh-thuc`: mục tiêu theo Nghị quyết Đại hội công đoàn của từng đơn vị.'),
      source: z.string().min(1).describe('Nguồn của các mục tiêu (Nghị quyết Đại hội của từng đơn vị, văn bản phân bổ), một câu.'),
    }).strict().optional(),
    /** The licence of the published figures, as the data package (/so-lieu/goi-du-lieu.zip) states it. */
    license: z.object({
      name: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'mã giấy phép viết như SPDX (ví dụ CC-BY-4.0)').describe('Mã giấy phép theo SPDX, ví dụ CC-BY-4.0.'),
      title: z.string().min(1).describe('Tên đầy đủ của giấy phép.'),
      path: z.string().regex(/^https?:\/\//, 'địa chỉ phải bắt đầu bằng http:// hoặc https://').optional().describe('Địa chỉ văn bản giấy phép.'),
    }).strict().optional(),
  })
  .strict()
  .refine((m) => m.term.from <= m.term.to, ruleRefinement('nhiem-ky', { order: true }, ['term']));
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

/** Where units that reported everything sit within their group on /tinh-hinh-bao-cao/. */
export const completeUnitsPlacements = { first: 'Đơn vị đã báo cáo đủ xếp trước', last: 'Đơn vị đã báo cáo đủ xếp sau' } as const;

/** A calendar day written YYYY-MM-DD; whether it exists, and its place against the plan, is checked in dataset.ts. */
const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD (ví dụ 2021-01-28)');

/**
 * content/so-lieu/nop-bao-cao.yaml (optional): the day the office received each unit's report and
 * form. Units not listed have not sent theirs yet. Unknown units, days that do not exist and days
 * before the plan was issued are refused at their line (dataset.ts).
 */
export const receiptsSchema = z
  .object({
    completeUnits: z.enum(['first', 'last']).default('last')
      .describe('Xếp đơn vị đã báo cáo đủ lên đầu (first) hay cuối (last) nhóm của nó; mặc định last, để các đơn vị còn thiếu hiện trước.'),
    received: z.array(
      z.object({
        unit: z.string().min(1).describe('Mã đơn vị: tên tệp trong content/don-vi/, không có đuôi .yaml.'),
        date: dayText.describe('Ngày Văn phòng nhận báo cáo và biểu mẫu của đơn vị, YYYY-MM-DD.'),
        note: z.string().min(1).optional().describe('Ghi chú của Văn phòng (ví dụ: gửi bổ sung, gửi qua thư điện tử).'),
      }).strict(),
    ).default([]).describe('Mỗi mục một đơn vị đã gửi; đơn vị không có trong danh sách là chưa gửi.'),
  })
  .strict();
export type Receipts = z.infer<typeof receiptsSchema>;

