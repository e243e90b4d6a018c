// The src/lib modules that only other modules' tests reached: each tested here on its own, through
// the module itself (tests/module-tests.test.ts keeps every src/lib module imported by a test).
import { describe, expect, test } from 'vitest';
import { Worker } from 'node:worker_threads';
import { groupByLevel, programmeSymbol, sortByDate, type ProgrammeLike } from '../src/lib/citations/programmes';
import { z } from '../src/lib/content/zod-vi';
import { anchorIdsInMdx, documentAnchors } from '../src/lib/documents/anchors';
import { bodyRefs, brokenLink, missingAnchorProblems } from '../src/lib/documents/content-refs';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { indicatorChartImages } from '../src/lib/indicators/charts/images';
import type { RenderJob } from '../src/lib/indicators/charts/png-worker';
import { figure } from '../src/lib/indicators/figure-cell';
import { loadDataset } from '../src/lib/indicators/read';
import { reportingStatus } from '../src/lib/indicators/reporting';
import { SAMPLE_MARK, sampleMark } from '../src/lib/indicators/sample-mark';
import { hasAtMostTwoDecimals, indicatorSchemaFor, unitSchemaFor } from '../src/lib/indicators/schemas';
import { unitScorecard } from '../src/lib/indicators/scorecard';
import { parseTargetsCsv } from '../src/lib/indicators/targets-csv';
import { columnLetter, fingerprintOf, FINGERPRINT_MARK, formHeader, formRows, HEADER_ROW, readFingerprintSheet, rowSignature } from '../src/lib/report-kit/form-layout';
import { formTooLarge, formWrongType, MAX_FORM_BYTES } from '../src/lib/report-kit/form-limits';
import { MAX_FORM_BYTES as SIZE_LIMIT } from '../src/lib/report-kit/form-size';
import { decodeEntities } from '../src/lib/text/html-entities';
import { dataPackage } from '../src/lib/views/data-package';
import { timelineView } from '../src/lib/views/timeline-view';
import type { TimelineEntry } from '../src/lib/documents/schedule';

const dataset = loadDataset('.');
const summaries = aggregateDataset(dataset);

describe('citations/programmes', () => {
  const p = (id: string, number: string, level: string, issueDate: string): ProgrammeLike => ({ id, data: { number, symbol: 'CTr-X', level, issueDate, title: id } });
  const items = [p('b', '9', 'tinh', '2019-02-01'), p('a', '10', 'tinh', '2019-02-01'), p('c', '1', 'tw', '2018-01-01')];
  test('symbol, date order (number order on the same day, numerically) and groups in the edition\'s order of levels', () => {
    expect(programmeSymbol(items[0]!)).toBe('9/CTr-X');
    expect(sortByDate(items).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    // Newest first; programmes of one day stay in number order.
    expect(sortByDate(items, 'desc').map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(groupByLevel(items, { tw: 'Trung ương', tinh: 'Tỉnh', huyen: 'Huyện' }).map((g) => [g.label, g.items.map((x) => x.id)])).toEqual([
      ['Trung ương', ['c']],
      ['Tỉnh', ['b', 'a']],
    ]);
  });
});

describe('content/zod-vi', () => {
  test('zod speaks Vietnamese: missing field, wrong kind, bounds', () => {
    const schema = z.object({ name: z.string().min(1), count: z.number().int().max(5), list: z.array(z.string()).min(1) });
    const issues = (value: unknown) => schema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ count: 'x', list: [] })).toEqual(['name: thiếu trường bắt buộc (cần chữ)', 'count: phải là số (đang là chữ)', 'list: danh sách không được để trống']);
    expect(issues({ name: '', count: 9, list: ['a'] })).toEqual(['name: không được để trống', 'count: phải nhỏ hơn hoặc bằng 5']);
  });
});

describe('documents/anchors and content-refs', () => {
  const body = '# Mở đầu\n\nĐoạn <Anchor id="han-gui" /> và [kế hoạch](/van-ban/ke-hoach/#muc-1), [lạ](/van-ban/khong-co/).\n\n## Phần hai\n';
  test('anchors are the heading slugs and the <Anchor/> marks', () => {
    expect(anchorIdsInMdx(body)).toEqual(['han-gui']);
    expect([...documentAnchors(body, ['mo-dau'])]).toEqual(['mo-dau', 'han-gui']);
  });
  test('bodyRefs finds headings, anchors and links at the file\'s lines; null for a body that does not parse', () => {
    const refs = bodyRefs(body, 10)!;
    expect([...refs.anchors]).toEqual(['mo-dau', 'phan-hai', 'han-gui']);
    expect(refs.links).toEqual([
      { url: '/van-ban/ke-hoach/#muc-1', line: 13, column: 33 },
      { url: '/van-ban/khong-co/', line: 13, column: 71 },
    ]);
    expect(bodyRefs('a { b', 0)).toBeNull();
  });
  test('a link to a missing document and a schedule anchor the text lacks are problems', () => {
    const routes = new Set(['van-ban/ke-hoach']);
    expect(brokenLink('x.mdx', '/van-ban/ke-hoach/#muc-1', routes)).toBeNull();
    expect(brokenLink('x.mdx', 'https://example.org/', routes)).toBeNull();
    expect(brokenLink('x.mdx', '/van-ban/khong-co/', routes, 13, 71)).toEqual({
      file: 'x.mdx', line: 13, column: 71, rule: 'lien-ket-noi-bo', message: 'liên kết trỏ tới văn bản không có trên trang', expected: 'một tệp trong content/van-ban/', actual: '/van-ban/khong-co/',
    });
    const problems = missingAnchorProblems('x.mdx', [{ id: 'a', anchor: 'han-gui' }, { id: 'b', anchor: 'khong-co' }], new Set(['han-gui']), (i) => 20 + i);
    expect(problems).toEqual([expect.objectContaining({ line: 21, field: 'schedule[1].anchor', rule: 'neo-lich', message: 'mốc "b" trỏ tới neo "khong-co" không có trong văn bản', expected: 'id của một tiêu đề hoặc của <Anchor id="…"/>, như "han-gui"' })]);
  });
});

describe('indicators: figure-cell, sample-mark, scorecard, schemas, targets-csv', () => {
  test('a figure cell: text, sort key, "chưa báo cáo", note', () => {
    expect(figure(null)).toEqual({ text: 'chưa báo cáo', sortValue: expect.any(String), notReported: true });
    const cell = figure({ kind: 'count', value: 12345n } as never, 2);
    expect(cell.text).toBe('12.345');
    expect(cell.notReported).toBe(false);
    expect(cell.note).toBe(2);
  });
  test('the sample mark travels only with illustrative data', () => {
    expect(sampleMark('minh-hoa')).toBe(SAMPLE_MARK);
    expect(sampleMark('chinh-thuc')).toBeUndefined();
  });
  test('a unit\'s scorecard has a line for every indicator, with the number of ranked units', () => {
    const unit = dataset.units[0]!.id;
    const lines = unitScorecard(unit, dataset.indicators, summaries);
    expect(lines.map((l) => l.indicator.id)).toEqual(dataset.indicators.map((i) => i.id));
    for (const line of lines) {
      expect(line.unit.unitId).toBe(unit);
      expect(line.rankedUnits).toBeLessThanOrEqual(dataset.units.length);
    }
    expect(() => unitScorecard('khong-co', dataset.indicators, summaries)).toThrow(/khong-co/);
  });
  test('the definitions\' schemas check codes against the edition\'s vocabularies', () => {
    expect(hasAtMostTwoDecimals(72.5)).toBe(true);
    expect(hasAtMostTwoDecimals(72.555)).toBe(false);
    const units = unitSchemaFor({ unitTypes: { 'ldld-huyen': 'LĐLĐ huyện' } });
    expect(units.safeParse({ name: 'Biên Hòa', shortName: 'Biên Hòa', type: 'ldld-huyen', order: 1, nameSource: 'nguon' }).success).toBe(true);
    const bad = units.safeParse({ name: 'Biên Hòa', shortName: 'Biên Hòa', type: 'huyen', order: 1, nameSource: 'nguon' });
    expect(bad.error?.issues[0]?.message).toMatch(/^loại đơn vị "huyen" không có trong danh mục `vocabularies.unitTypes`/);
    expect(indicatorSchemaFor(null).safeParse({}).success).toBe(false);
  });
  test('the units\' targets file: a term target, an annual one, and a per-cent target refused at its cell', () => {
    const context = { unitIds: new Set(['a']), indicatorKinds: new Map([['dem', 'count' as const], ['ty-le', 'rate' as const]]), term: { from: 2018, to: 2020 } };
    const good = parseTargetsCsv('t.csv', 'don_vi,chi_tieu,ky,muc_tieu\na,dem,nhiem-ky,1200\na,dem,2019,400\na,ty-le,nhiem-ky,"72,5"\n', context);
    expect(good.problems).toEqual([]);
    expect(good.byUnit).toEqual({ a: { dem: { term: 1200, annual: { 2019: 400 } }, 'ty-le': { term: 72.5, annual: {} } } });
    const bad = parseTargetsCsv('t.csv', 'don_vi,chi_tieu,ky,muc_tieu\na,ty-le,nhiem-ky,70%\n', context);
    expect(bad.problems).toEqual([expect.objectContaining({ file: 't.csv', line: 2, rule: 'muc-tieu-ty-le' })]);
  });
});

describe('report-kit: form-layout and form-limits', () => {
  test('the header, the indicators\' rows (a heading row per group), column letters', () => {
    const header = formHeader([{ label: '2019' } as never]);
    expect(header).toContain('2019 – Giá trị hoặc tử số');
    expect(header).toContain('2019 – Mẫu số');
    const rows = formRows(dataset.indicators);
    expect(rows.size).toBe(dataset.indicators.length);
    expect(Math.min(...rows.values())).toBe(HEADER_ROW + 2);
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  test('the fingerprint sheet reads back what was written, and its digest depends on every line', async () => {
    const lines = [{ period: '2019', indicator: 'dem', signature: rowSignature({ value: 12, numerator: undefined, denominator: undefined, note: '' } as never) }];
    const print = await fingerprintOf('a', lines);
    expect(print).toMatch(/^[0-9a-f]{16}$/);
    expect(await fingerprintOf('a', [{ ...lines[0]!, signature: '13|||' }])).not.toBe(print);
    const cells: Record<string, string> = { A1: FINGERPRINT_MARK, B2: 'a', B3: print, A5: '2019', B5: 'dem', C5: lines[0]!.signature };
    expect(readFingerprintSheet({ text: (a) => cells[a] ?? '', rowCount: 6 })).toEqual({ unitId: 'a', fingerprint: print, prefilled: lines });
    expect(readFingerprintSheet({ text: () => '', rowCount: 1 })).toBeNull();
    expect(readFingerprintSheet(null)).toBeNull();
  });
  test('a form too large or of another type is refused before it is read', () => {
    // One limit: the check page compares sizes with form-size.ts and loads the message only above it.
    expect(SIZE_LIMIT).toBe(20 * 1024 * 1024);
    expect(MAX_FORM_BYTES).toBe(SIZE_LIMIT);
    expect(formTooLarge('f.xlsx', MAX_FORM_BYTES)).toBeNull();
    expect(formTooLarge('f.xlsx', MAX_FORM_BYTES + 1)).not.toBeNull();
    expect(formTooLarge('f.xlsx', 50 * 1048576)).toEqual(expect.objectContaining({ place: 'tệp', rule: 'tep-qua-lon', message: expect.stringMatching(/^tệp nặng 50 MB, quá giới hạn 20 MB/) }));
    expect(formWrongType('f.XLSX')).toBeNull();
    expect(formWrongType('f.csv')).toBeNull();
    expect(formWrongType('f.ods')).toEqual({ file: 'f.ods', place: 'tệp', rule: 'loai-tep', message: 'chỉ nhập được tệp .xlsx hoặc .csv' });
  });
});

describe('text/html-entities', () => {
  test('decodes named and numeric references in one pass (a no-break space as a space, for text comparison), leaves unknown ones', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#39;d&#x27; &nbsp;&eacute;')).toBe('a & b <c> \'d\'  &eacute;');
    expect(decodeEntities('&amp;#39;')).toBe('&#39;');
  });
});

describe('views: timeline-view and data-package', () => {
  const entry = (id: string, documentId: string): TimelineEntry => ({ id, documentId, anchor: `neo-${id}`, datetime: '2020-10', label: 'Tháng 10/2020', task: 'Việc', who: 'Ai', documentTitle: 'Kế hoạch' } as unknown as TimelineEntry);
  test('a timeline links in the page on its own document, to the document elsewhere, with the choices\' classes', () => {
    const view = timelineView([entry('a', 'ke-hoach'), entry('b', 'de-cuong')], {
      currentDocumentId: 'ke-hoach',
      filter: { filters: [{ key: 'huyen', position: 2 } as never], keysOf: new Map([['b', ['huyen']]]) },
    });
    expect(view.items.map((i) => i.href)).toEqual(['#neo-a', '/van-ban/de-cuong/#neo-b']);
    expect(view.items.map((i) => i.classes)).toEqual([undefined, ['viec-huyen', 'loc-2']]);
    expect(timelineView([entry('a', 'x')]).filters).toBeUndefined();
  });
  test('the data package lists each of its files in its descriptor', () => {
    const pkg = dataPackage({ dataset, summaries, reporting: reportingStatus(dataset), site: { name: 'Tên', publisher: 'Cơ quan', url: 'https://example.org', scope: { word: 'toàn tỉnh', slug: 'toan-tinh' } } });
    const resources = (pkg.descriptor.resources as { path: string }[]).map((r) => r.path);
    expect(resources.length).toBeGreaterThan(2);
    for (const path of resources) expect(pkg.files.has(path), path).toBe(true);
    expect(pkg.files.has('datapackage.json')).toBe(true);
  });
});

describe('indicators/charts/png-worker', () => {
  test('draws the jobs it is given and posts each PNG back', async () => {
    const image = indicatorChartImages(dataset, summaries, { siteUrl: 'https://example.org', publisher: 'Cơ quan' })[0]!;
    const job: RenderJob = { path: image.path, spec: image.spec, frame: image.frame };
    const worker = new Worker(new URL('../src/lib/indicators/charts/png-worker.ts', import.meta.url), { workerData: { jobs: [job], cacheDir: null } });
    const { path, png } = await new Promise<{ path: string; png: Uint8Array }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(path).toBe(image.path);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    // The IHDR width is the frame's.
    expect(Buffer.from(png).readUInt32BE(16)).toBe(image.frame.width);
  }, 60_000);
});
