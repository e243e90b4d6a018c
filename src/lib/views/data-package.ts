// /so-lieu/goi-du-lieu.zip: every figure the site publishes, as a Frictionless Data Package
// (https://datapackage.org/standard/data-package/): datapackage.json describing each CSV file with
// its Table Schema (fields and types, missing values), the licence and the sources; every CSV the
// site offers for download; the targets, the progress verdicts and the indicators' metadata as CSV;
// and a README in Vietnamese. Illustrative figures say so in the README, in every resource's
// description and in a `trang_thai` column of the files this package adds.
import type { IndicatorSummary } from '../indicators/aggregate.ts';
import { percentTenths } from '../indicators/aggregate.ts';
import { toCsv } from '../indicators/csv-write.ts';
import type { Dataset } from '../indicators/dataset.ts';
import { aggregateCsv, rawRowsCsv, sortRows } from '../indicators/downloads.ts';
import { indicatorMetadata } from './indicator-page.ts';
import { unitProgress, wholeProgress } from './progress-page.ts';
import { missingCsv, MISSING_CSV_COLUMNS, type ReportingStatus } from '../indicators/reporting.ts';
import { directions } from '../indicators/schemas.ts';
import type { Progress } from '../indicators/progress.ts';

/** A Table Schema field type used here (https://datapackage.org/standard/table-schema/). */
type FieldType = 'string' | 'integer' | 'number' | 'year';
interface Field { name: string; type: FieldType; title: string; description?: string }

export interface DataPackageInput {
  dataset: Dataset;
  summaries: ReadonlyMap<string, IndicatorSummary>;
  reporting: ReportingStatus;
  /** The edition's names and address. */
  site: { name: string; publisher: string; url: string; scope: { word: string; slug: string } };
}

const MISSING_VALUES = [''];

/** A field as the table writes it: name, type, title, and a description where the title needs one. */
type FieldRow = readonly [name: string, type: FieldType, title: string, description?: string];

const STATUS_FIELD: FieldRow = ['trang_thai', 'string', 'Trạng thái số liệu', '"Số liệu minh họa" hoặc "Chính thức"'];
const MISSING_TITLES: Record<(typeof MISSING_CSV_COLUMNS)[number], string> = {
  don_vi: 'Mã đơn vị', ten_don_vi: 'Tên đơn vị', nam: 'Năm (hoặc mã kỳ)', ky_bao_cao: 'Kỳ báo cáo', chi_tieu: 'Mã chỉ tiêu', ten_chi_tieu: 'Tên chỉ tiêu', ngay_nhan: 'Ngày Văn phòng nhận báo cáo',
};

/** The fields of each kind of file in the package, in column order: one definition per kind. */
export const PACKAGE_FIELDS = {
  /** Result rows as the units report them: toan-bo.csv, each indicator's and each unit's rows. */
  'so-lieu': [
    ['don_vi', 'string', 'Mã đơn vị'],
    ['nam', 'string', 'Năm (hoặc mã kỳ so sánh của nhiệm kỳ trước)'],
    ['chi_tieu', 'string', 'Mã chỉ tiêu'],
    ['gia_tri', 'integer', 'Giá trị (chỉ tiêu đếm)'],
    ['tu_so', 'integer', 'Tử số (chỉ tiêu tỷ lệ)'],
    ['mau_so', 'integer', 'Mẫu số (chỉ tiêu tỷ lệ)'],
    ['ghi_chu', 'string', 'Ghi chú của đơn vị'],
    ['ten_don_vi', 'string', 'Tên đơn vị'],
    ['ten_chi_tieu', 'string', 'Tên chỉ tiêu'],
  ],
  /** An indicator's yearly summary (<chỉ tiêu>-tong-hop.csv). */
  'tong-hop': [
    ['chi_tieu', 'string', 'Mã chỉ tiêu'],
    ['nam', 'year', 'Năm'],
    ['ket_qua', 'integer', 'Kết quả (chỉ tiêu đếm)'],
    ['tu_so', 'integer', 'Tổng tử số'],
    ['mau_so', 'integer', 'Tổng mẫu số'],
    ['ty_le_phan_tram', 'number', 'Tỷ lệ (%), một chữ số thập phân'],
    ['luy_ke', 'integer', 'Lũy kế đến năm'],
    ['phan_bo', 'number', 'Phân bổ năm'],
    ['danh_gia', 'string', 'Đánh giá so với phân bổ'],
    ['so_don_vi_da_bao_cao', 'integer', 'Số đơn vị đã báo cáo'],
    ['don_vi_chua_bao_cao', 'string', 'Đơn vị chưa báo cáo'],
  ],
  /** What the units have not reported (con-thieu.csv), in the columns the site's download has. */
  'con-thieu': MISSING_CSV_COLUMNS.map((name): FieldRow => [name, 'string', MISSING_TITLES[name]]),
  'muc-tieu': [
    ['don_vi', 'string', 'Mã đơn vị (mã của cả tổ chức cho mục tiêu chung)'],
    ['chi_tieu', 'string', 'Mã chỉ tiêu'],
    ['ky', 'string', '"nhiem-ky" (mục tiêu nhiệm kỳ) hoặc năm (phân bổ năm)'],
    ['muc_tieu', 'number', 'Mục tiêu: tổng số (chỉ tiêu đếm) hoặc phần trăm (chỉ tiêu tỷ lệ)'],
    STATUS_FIELD,
  ],
  'tien-do': [
    ['don_vi', 'string', 'Mã đơn vị (mã của cả tổ chức cho dòng chung)'],
    ['chi_tieu', 'string', 'Mã chỉ tiêu'],
    ['tien_do', 'string', 'Tiến độ: Vượt, Đạt, Chậm, Chưa báo cáo, Chưa có mục tiêu'],
    ['ket_qua', 'number', 'Kết quả được đánh giá: lũy kế (chỉ tiêu đếm) hoặc tỷ lệ năm cuối (%)'],
    ['muc_can_dat', 'number', 'Mức cần đạt đến năm cuối được đánh giá'],
    ['ty_le_so_voi_muc_can_dat', 'number', 'Kết quả ÷ mức cần đạt (%), một chữ số thập phân (chỉ tiêu đếm)'],
    ['thieu_nam', 'string', 'Các năm chưa báo cáo'],
    STATUS_FIELD,
  ],
  'chi-tieu': [
    ['ma', 'string', 'Mã chỉ tiêu'],
    ['ten', 'string', 'Tên chỉ tiêu'],
    ['nhom', 'string', 'Nhóm chỉ tiêu'],
    ['don_vi_tinh', 'string', 'Đơn vị tính'],
    ['loai', 'string', '"count" (cộng) hoặc "rate" (tử số / mẫu số)'],
    ['chieu_danh_gia', 'string', 'Chiều đánh giá'],
    ['tu_so', 'string', 'Tử số (chỉ tiêu tỷ lệ)'],
    ['mau_so', 'string', 'Mẫu số (chỉ tiêu tỷ lệ)'],
    ['dinh_nghia', 'string', 'Định nghĩa'],
    ['cach_tinh', 'string', 'Cách tính'],
    ['nguon_so_lieu', 'string', 'Nguồn số liệu'],
    ['ky_bao_cao', 'string', 'Kỳ báo cáo'],
    ['co_quan_chiu_trach_nhiem', 'string', 'Cơ quan chịu trách nhiệm'],
    ['lien_he', 'string', 'Liên hệ'],
    ['cap_nhat', 'string', 'Cập nhật lần cuối (YYYY-MM-DD)'],
    ['kha_nang_so_sanh', 'string', 'Khả năng so sánh'],
    ['nguon_dinh_nghia', 'string', 'Nguồn định nghĩa, mục tiêu'],
  ],
  'don-vi': [
    ['ma', 'string', 'Mã đơn vị'],
    ['ten', 'string', 'Tên đơn vị'],
    ['ten_ngan', 'string', 'Tên ngắn'],
    ['loai', 'string', 'Mã loại đơn vị'],
    ['ten_loai', 'string', 'Loại đơn vị'],
    ['keo_dai_dai_hoi', 'string', '"có" nếu đơn vị kéo dài thời gian Đại hội'],
  ],
} as const satisfies Record<string, readonly FieldRow[]>;
export type PackageFileKind = keyof typeof PACKAGE_FIELDS;

/** A kind's Table Schema fields (https://datapackage.org/standard/table-schema/). */
const rowsOf = (kind: PackageFileKind): readonly FieldRow[] => PACKAGE_FIELDS[kind];
export const fieldsOf = (kind: PackageFileKind): Field[] =>
  rowsOf(kind).map(([name, type, title, description]) => ({ name, type, title, ...(description ? { description } : {}) }));
/** A kind's column names, for the files this package writes itself. */
const columnsOf = (kind: PackageFileKind): string[] => rowsOf(kind).map(([name]) => name);

/** The data package's CSV files carry no BOM (the site's downloads do, for Excel). */
const noBom = (csv: string) => csv.replace(/^\ufeff/, '');

const quantityNumber = (p: Progress): string | null => {
  if (!p.result) return null;
  return p.result.kind === 'count' ? String(p.result.value) : (percentTenths(p.result.numerator, p.result.denominator) / 10).toFixed(1);
};
const expectedNumber = (p: Progress): string | null => {
  if (!p.expected) return null;
  const value = p.expected.numerator / p.expected.denominator;
  return Number.isInteger(value) ? String(value) : value.toFixed(p.expected.denominator === 100 ? 2 : 1);
};

export interface DataPackage {
  /** Every file of the zip, by its path inside it. */
  files: Map<string, string>;
  descriptor: Record<string, unknown>;
}

/** The items by key, each group in the items' order. */
function groupInOrder<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function dataPackage({ dataset, summaries, reporting, site }: DataPackageInput): DataPackage {
  const illustrative = dataset.meta.status === 'minh-hoa';
  const targetsIllustrative = dataset.unitTargets?.status === 'minh-hoa' || illustrative;
  const mark = (yes: boolean) => (yes ? 'Số liệu minh họa' : 'Chính thức');
  const warn = (yes: boolean) => (yes ? 'SỐ LIỆU MINH HỌA, không phải số liệu chính thức; không trích dẫn, không dùng để đánh giá. ' : '');
  const unitName = new Map(dataset.units.map((u) => [u.id, u.name]));
  const files = new Map<string, string>();
  const resources: Record<string, unknown>[] = [];
  const add = (path: string, name: string, title: string, description: string, kind: PackageFileKind, csv: string) => {
    files.set(path, noBom(csv));
    resources.push({
      name, path, title, description, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', header: true },
      schema: { fields: fieldsOf(kind), missingValues: MISSING_VALUES },
    });
  };

  const all = sortRows(dataset.rows, dataset.indicators, dataset.units);
  // Each indicator's and each unit's rows, in all's order, found in one pass: filtering all for each
  // of 200 units and 50 indicators took 1.2 s of the package's 2 s at 200 x 50.
  const byIndicator = groupInOrder(all, (r) => r.indicator);
  const byUnit = groupInOrder(all, (r) => r.unit);
  add('du-lieu/toan-bo.csv', 'toan-bo', 'Toàn bộ số liệu các đơn vị', `${warn(illustrative)}Mỗi dòng một đơn vị × năm × chỉ tiêu, như các đơn vị báo cáo; ô trống là không có (không phải số 0).`, 'so-lieu', rawRowsCsv(all, dataset.indicators, dataset.units));
  for (const indicator of dataset.indicators) {
    const summary = summaries.get(indicator.id)!;
    add(`du-lieu/chi-tieu/${indicator.id}-tong-hop.csv`, `${indicator.id}-tong-hop`, `${indicator.name}: tổng hợp theo năm`, `${warn(illustrative)}Số liệu ${site.scope.word} theo năm, cộng chính xác từ các đơn vị đã báo cáo.`, 'tong-hop', aggregateCsv(summary, (id) => unitName.get(id) ?? id));
    add(`du-lieu/chi-tieu/${indicator.id}-so-lieu-goc.csv`, `${indicator.id}-so-lieu-goc`, `${indicator.name}: số liệu gốc`, `${warn(illustrative)}Các dòng số liệu của chỉ tiêu, như các đơn vị báo cáo.`, 'so-lieu', rawRowsCsv(byIndicator.get(indicator.id) ?? [], dataset.indicators, dataset.units));
  }
  for (const unit of dataset.units) {
    add(`du-lieu/don-vi/${unit.id}-so-lieu.csv`, `${unit.id}-so-lieu`, `${unit.name}: số liệu đã công bố`, `${warn(illustrative)}Các dòng số liệu của đơn vị.`, 'so-lieu', rawRowsCsv(byUnit.get(unit.id) ?? [], dataset.indicators, dataset.units));
  }
  add('du-lieu/con-thieu.csv', 'con-thieu', 'Số liệu còn thiếu', 'Mỗi dòng một đơn vị × năm × chỉ tiêu chưa có số liệu.', 'con-thieu', missingCsv(reporting, dataset.indicators));

  // The targets: the whole's (the indicator files) and each unit's (muc-tieu-don-vi.yaml), one row per term target or year.
  const targetRows: (string | number | null)[][] = [];
  const targetLines = (owner: string, indicatorId: string, term: number | undefined, annual: Readonly<Record<string, number>>, sample: boolean) => {
    if (term !== undefined) targetRows.push([owner, indicatorId, 'nhiem-ky', term, mark(sample)]);
    for (const [year, value] of Object.entries(annual).sort(([a], [b]) => a.localeCompare(b))) targetRows.push([owner, indicatorId, year, value, mark(sample)]);
  };
  for (const i of dataset.indicators) targetLines(site.scope.slug, i.id, i.termTarget, i.annualTargets, illustrative);
  for (const unit of dataset.units) {
    for (const i of dataset.indicators) {
      const own = dataset.unitTargets?.byUnit[unit.id]?.[i.id];
      if (own) targetLines(unit.id, i.id, own.term, own.annual, targetsIllustrative);
    }
  }
  add('du-lieu/muc-tieu.csv', 'muc-tieu', 'Mục tiêu nhiệm kỳ và phân bổ năm', `${warn(targetsIllustrative)}Mục tiêu chung của ${site.scope.word} (don_vi = "${site.scope.slug}") và mục tiêu riêng của từng đơn vị; đơn vị hay chỉ tiêu không có dòng là chưa có mục tiêu.`, 'muc-tieu', toCsv(columnsOf('muc-tieu'), targetRows));

  const progressRows: (string | number | null)[][] = [];
  const progressRow = (owner: string, indicatorId: string, p: Progress, sample: boolean) =>
    progressRows.push([owner, indicatorId, p.label, quantityNumber(p), expectedNumber(p), p.shareTenths === null || p.result?.kind === 'rate' ? null : (p.shareTenths / 10).toFixed(1), p.missingYears.join('; '), mark(sample)]);
  for (const i of dataset.indicators) progressRow(site.scope.slug, i.id, wholeProgress(dataset, summaries.get(i.id)!, i), illustrative);
  for (const unit of dataset.units) for (const i of dataset.indicators) progressRow(unit.id, i.id, unitProgress(dataset, summaries.get(i.id)!, i, unit.id), targetsIllustrative);
  add('du-lieu/tien-do.csv', 'tien-do', 'Tiến độ so với mục tiêu', `${warn(targetsIllustrative)}Tiến độ của ${site.scope.word} và của từng đơn vị ở từng chỉ tiêu, theo quy tắc ghi trong README.`, 'tien-do', toCsv(columnsOf('tien-do'), progressRows));

  add('du-lieu/chi-tieu.csv', 'chi-tieu', 'Các chỉ tiêu và thông tin về chỉ tiêu', 'Định nghĩa, cách tính, nguồn số liệu, kỳ báo cáo, cơ quan chịu trách nhiệm, liên hệ, cập nhật và khả năng so sánh của từng chỉ tiêu.', 'chi-tieu', toCsv(
    columnsOf('chi-tieu'),
    dataset.indicators.map((i) => {
      const meta = new Map(indicatorMetadata(i).map((m) => [m.field, i[m.field as keyof typeof i] as string | undefined]));
      return [i.id, i.name, i.groupLabel, i.unitLabel, i.kind, directions[i.direction], i.numerator ?? null, i.denominator ?? null,
        meta.get('definition') ?? null, meta.get('computation') ?? null, meta.get('dataSource') ?? null, meta.get('reportingPeriod') ?? null,
        meta.get('responsibleOffice') ?? null, meta.get('contact') ?? null, meta.get('lastUpdated') ?? null, meta.get('comparability') ?? null, meta.get('source') ?? null];
    }),
  ));
  add('du-lieu/don-vi.csv', 'don-vi', 'Các đơn vị báo cáo', 'Mã, tên và loại của từng đơn vị.', 'don-vi', toCsv(
    columnsOf('don-vi'),
    dataset.units.map((u) => [u.id, u.name, u.shortName, u.type, u.typeLabel, u.lateCongress ? 'có' : 'không']),
  ));

  const license = dataset.meta.license;
  const descriptor = {
    profile: 'tabular-data-package',
    name: `${site.scope.slug}-so-lieu-so-ket`,
    title: `${dataset.meta.title}${illustrative ? ' (SỐ LIỆU MINH HỌA)' : ''}`,
    description: `${warn(illustrative)}${dataset.meta.source}`,
    homepage: site.url,
    version: dataset.meta.lastUpdated,
    created: `${dataset.meta.lastUpdated}T00:00:00Z`,
    keywords: ['công đoàn', 'sơ kết giữa nhiệm kỳ', 'chỉ tiêu'],
    ...(license ? { licenses: [{ name: license.name, title: license.title, ...(license.path ? { path: license.path } : {}) }] } : {}),
    contributors: [{ title: site.publisher, role: 'publisher' }],
    sources: [{ title: dataset.meta.source, path: site.url }],
    resources,
  };
  files.set('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
  files.set('README.md', readme({ dataset, site, illustrative, targetsIllustrative, resources }));
  return { files, descriptor };
}

function readme({ dataset, site, illustrative, targetsIllustrative, resources }: {
  dataset: Dataset; site: DataPackageInput['site']; illustrative: boolean; targetsIllustrative: boolean; resources: Record<string, unknown>[];
}): string {
  const lines = [
    `# ${dataset.meta.title}`,
    '',
    ...(illustrative || targetsIllustrative
      ? [`**${illustrative ? 'SỐ LIỆU MINH HỌA' : 'MỤC TIÊU MINH HỌA'}.** ${illustrative ? 'Mọi con số, mục tiêu và đánh giá trong gói này' : 'Mục tiêu của các đơn vị và tiến độ so với chúng'} là giả định để trình bày cách trang tổng hợp, **không phải số liệu chính thức** của ${site.publisher} hay của các đơn vị. Không trích dẫn, không dùng để đánh giá. Các tệp có cột \`trang_thai\` ghi rõ "Số liệu minh họa" trên từng dòng.`, '']
      : []),
    `Gói dữ liệu của trang ${site.name} (${site.url}), do ${site.publisher} công bố. Nguồn: ${dataset.meta.source} Cập nhật: ${dataset.meta.lastUpdated.split('-').reverse().join('/')}.`,
    '',
    'Gói theo chuẩn Frictionless Data Package: `datapackage.json` mô tả từng tệp CSV (tên cột, kiểu dữ liệu, ô trống nghĩa là không có số liệu), giấy phép và nguồn. Tệp CSV mã hóa UTF-8, phân cách bằng dấu phẩy, xuống dòng CRLF; khác tệp tải từ trang ở chỗ không có BOM đầu tệp.',
    '',
    '## Cách đọc',
    '',
    '- Số đếm là số nguyên chính xác; tỷ lệ ghi tử số và mẫu số, tỷ lệ chung là tổng tử số chia tổng mẫu số, không lấy trung bình các tỷ lệ.',
    '- Ô trống trong cột số liệu là đơn vị chưa báo cáo, không bao giờ là số 0.',
    '- Tiến độ (`tien-do.csv`): chỉ tiêu đếm cộng kết quả các năm đã đánh giá, so với tổng phân bổ các năm ấy, hoặc mục tiêu nhiệm kỳ chia theo số năm; chỉ tiêu tỷ lệ lấy tỷ lệ năm cuối, so với phân bổ năm ấy hoặc mục tiêu nhiệm kỳ. Tốt hơn mức ấy là "Vượt", bằng là "Đạt", kém hơn là "Chậm".',
    '',
    '## Các tệp',
    '',
    ...resources.map((r) => `- \`${r.path as string}\`: ${r.title as string}.`),
    '',
  ];
  return lines.join('\n');
}
