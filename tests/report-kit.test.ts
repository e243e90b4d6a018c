// The report kit: the outline as a .docx whose headings are the outline's, the indicator form as
// .xlsx/.csv, and `npm run import:form` writing a filled form back into content/so-lieu/ —
// exactly, idempotently, and not at all when the form is wrong.
import { loadEdition } from '../src/lib/edition/load';
import { describe, expect, test, beforeAll, afterAll, vi } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { parse as parseHtml } from 'node-html-parser';
import { loadDataset } from '../src/lib/indicators/read';
import { aggregateDataset } from '../src/lib/indicators/aggregate';
import { outlineBlocks, outlineHeadings } from '../src/lib/report-kit/outline';
import { outlineTemplateBuffer } from '../src/lib/report-kit/docx';
import { FORM_SHEET, HEADER_ROW, formCsv, formRows, formXlsx, type FormInput } from '../src/lib/report-kit/form';
import { groupsOf } from '../src/lib/indicators/groups';
import { formPeriods } from '../src/lib/report-kit/import';
import { formInputOf } from '../src/lib/prepare/kit-jobs';
import { site } from '../src/lib/site/site';

const DIST = process.env.DIST_DIR ?? 'dist';
const OUTLINE = 'content/van-ban/de-cuong-bao-cao.mdx';
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

const decodeXml = (text: string) =>
  text.replace(/&(quot|amp|lt|gt|apos);/g, (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[name] as string);

async function docxParagraphs(bytes: Uint8Array): Promise<{ style: string; text: string; italic: boolean }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: decodeXml(clean(p.replace(/<w:br\/>/g, ' ').replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '$1 ').replace(/<[^>]+>/g, ''))),
    italic: /<w:i\/>/.test(p),
  }));
}

describe('the outline as a Word template', () => {
  test('the built .docx has the outline\'s headings, in order, in Word heading styles', async () => {
    const paragraphs = await docxParagraphs(readFileSync(join(DIST, 'tai-ve/de-cuong-bao-cao.docx')));
    const headings = paragraphs.filter((p) => /^Heading[123]$/.test(p.style));
    // The published outline page is the reference: its h2 (Phần), h3 (I.) and h4 (1.) headings.
    const page = parseHtml(readFileSync(join(DIST, 'van-ban/de-cuong-bao-cao/index.html'), 'utf8'));
    const article = page.querySelector('article.official')!;
    for (const extra of article.querySelectorAll('.section-link, .editor-note, .report-kit, .doc-meta, #moc-thoi-gian')) extra.remove();
    const pageHeadings = article.querySelectorAll('h2, h3, h4').map((h) => ({ level: Number(h.tagName[1]) - 1, text: clean(h.textContent) }));
    expect(headings.map((h) => clean(h.text))).toEqual(pageHeadings.map((h) => h.text));
    expect(headings.map((h) => Number(h.style.slice(-1)))).toEqual(pageHeadings.map((h) => h.level));
    expect(headings).toHaveLength(19); // Phần ×2, I.–VI., 1.–8. and 10. under II, 1.–2. under I
    expect(headings[0]?.text).toBe('PHẦN THỨ NHẤT Kết quả giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn tỉnh lần thứ X');
    // "8." is followed by "10.", as issued.
    expect(headings.map((h) => h.text.split(' ')[0])).toContain('10.');
  });

  test('the two headings that run together in the source read as separate lines (issue 16, point 3)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'tai-ve/de-cuong-bao-cao.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const heading = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => /<w:pStyle w:val="Heading1"/.test(p) && p.includes('PHẦN THỨ HAI'))!;
    const lines = heading.split('<w:br/>').map((part) => decodeXml(clean(part.replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '$1 ').replace(/<[^>]+>/g, ''))));
    expect(lines).toEqual(['PHẦN THỨ HAI', 'Nhiệm vụ chủ yếu đến hết nhiệm kỳ', 'Những đề xuất và kiến nghị']);
  });

  test('guidance as italic hints, the title block and signature placeholders, the note on figures', async () => {
    const paragraphs = await docxParagraphs(readFileSync(join(DIST, 'tai-ve/de-cuong-bao-cao.docx')));
    const hints = paragraphs.filter((p) => p.style === 'GoiY');
    const blocks = outlineBlocks(readFileSync(OUTLINE, 'utf8'));
    expect(hints.map((h) => h.text.replace(/^– /, ''))).toEqual(blocks.filter((b) => b.kind === 'hint').map((b) => (b as { text: string }).text));
    expect(hints.some((h) => h.text.includes('Tình hình việc làm, tiền lương, nhà ở'))).toBe(true);
    // Editor's notes are the site's, not the outline's.
    expect(paragraphs.some((p) => /Đề cương đánh số từ mục 8/.test(p.text))).toBe(false);
    const all = paragraphs.map((p) => p.text).join('\n');
    for (const placeholder of ['[TÊN ĐƠN VỊ BÁO CÁO]', '[Địa danh], ngày … tháng … năm 20…', '[Họ và tên người ký]', '[CHỨC VỤ NGƯỜI KÝ]', 'Số: …/BC-…', 'Lưu ý về số liệu:']) {
      expect(all).toContain(placeholder);
    }
    expect(all).toContain('(Báo cáo cần có số liệu minh họa tại các mục đánh giá');
  });

  test('a change to the outline changes the template', async () => {
    const mdx = readFileSync(OUTLINE, 'utf8').replace('### VI. BÀI HỌC KINH NGHIỆM', '### VI. BÀI HỌC KINH NGHIỆM\n\n#### 1. Mục thêm để kiểm thử\n\n- Gợi ý thêm.');
    const blocks = outlineBlocks(mdx);
    expect(outlineHeadings(blocks)).toContain('1. Mục thêm để kiểm thử');
    const paragraphs = await docxParagraphs(await outlineTemplateBuffer(blocks, { formUrl: '/chi-tieu/', sourceTitle: 'Đề cương', organisation: 'Liên đoàn Lao động tỉnh X', recipient: 'Văn phòng X', illustrative: false, made: new Date('2021-03-15T00:00:00Z') }));
    expect(paragraphs.find((p) => p.text === '1. Mục thêm để kiểm thử')?.style).toBe('Heading3');
    expect(paragraphs.find((p) => p.text === '– Gợi ý thêm.')?.style).toBe('GoiY');
  });

  test('the outline page and the home page link the template and the forms', () => {
    for (const path of ['van-ban/de-cuong-bao-cao/index.html', 'index.html', 'chi-tieu/index.html']) {
      const links = parseHtml(readFileSync(join(DIST, path), 'utf8')).querySelectorAll('[data-report-kit] a').map((a) => a.getAttribute('href'));
      expect(links, path).toEqual(expect.arrayContaining(['/tai-ve/de-cuong-bao-cao.docx', '/tai-ve/bao-cao/toan-tinh.docx', '/tai-ve/bieu-mau/toan-tinh.xlsx', '/tai-ve/bieu-mau/toan-tinh.csv']));
    }
    const unitLinks = parseHtml(readFileSync(join(DIST, 'don-vi/cam-my/index.html'), 'utf8')).querySelectorAll('[data-report-kit] a').map((a) => a.getAttribute('href'));
    // The unit's own draft report next to its form (issue 18).
    expect(unitLinks).toEqual(['/tai-ve/bao-cao/cam-my.docx', '/tai-ve/bieu-mau/cam-my.xlsx', '/tai-ve/bieu-mau/cam-my.csv']);
  });
});

// ——— The indicator form and its import ———

const dataset = loadDataset(process.cwd());
const input = (unitId: string | null): FormInput => ({
  indicators: dataset.indicators, units: dataset.units, periods: formPeriods(dataset),
  unit: unitId ? dataset.units.find((u) => u.id === unitId)! : null, title: 'Biểu mẫu', date: new Date('2026-11-25T00:00:00Z'), rows: dataset.rows, organisation: 'Liên đoàn Lao động tỉnh Đồng Nai', illustrative: true,
});

let root = '';
let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bieu-mau-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of content/ to import into. */
function freshRoot(): string {
  root = mkdtempSync(join(work, 'root-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  return root;
}

function contentHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(p.slice(dir.length)).update(readFileSync(p));
    }
  };
  walk(join(dir, 'content'));
  return hash.digest('hex');
}

function importForm(file: string, into: string) {
  const result = spawnSync(process.execPath, ['scripts/import-form.ts', file, '--root', into], { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Fills every value cell of a generated form: counts and numerator ≤ denominator, deterministic. */
async function filledForm(unitId: string | null, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<{ path: string; values: Map<string, number | [number, number]> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await formXlsx(input(unitId))) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(FORM_SHEET)!;
  const values = new Map<string, number | [number, number]>();
  const periods = formPeriods(dataset);
  const rows = formRows(dataset.indicators);
  const codeCol = 4 + periods.length * 2 + 2;
  dataset.indicators.forEach((indicator, i) => {
    const r = rows.get(indicator.id)!;
    expect(sheet.getCell(r, codeCol).value).toBe(indicator.id);
    periods.forEach((period, p) => {
      const col = 5 + p * 2;
      const seed = (i + 1) * 1000 + (p + 1) * 37;
      if (indicator.kind === 'count') {
        sheet.getCell(r, col).value = seed;
        values.set(`${period.key}|${indicator.id}`, seed);
      } else {
        sheet.getCell(r, col).value = seed % 97;
        sheet.getCell(r, col + 1).value = 100 + (seed % 13);
        values.set(`${period.key}|${indicator.id}`, [seed % 97, 100 + (seed % 13)]);
      }
    });
  });
  if (!unitId) sheet.getCell('C3').value = 'Liên đoàn Lao động huyện Xuân Lộc';
  edit?.(sheet);
  const path = join(work, `form-${Math.random().toString(36).slice(2)}.xlsx`);
  await book.xlsx.writeFile(path);
  return { path, values };
}

describe('the indicator form (.xlsx, .csv)', () => {
  test('a unit\'s form: its name, a row per indicator, a pair of columns per year, validation, number formats, a definitions sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(DIST, 'tai-ve/bieu-mau/cam-my.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(FORM_SHEET)!;
    expect(sheet.getCell('C3').value).toBe('Liên đoàn Lao động huyện Cẩm Mỹ');
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Cách ghi', '2018 – Giá trị hoặc tử số', '2018 – Mẫu số']);
    expect(header.slice(-2)).toEqual(['Ghi chú', 'Mã chỉ tiêu']);
    const rows = formRows(dataset.indicators);
    const ids = [...rows.values()].map((r) => sheet.getCell(r, header.length).value);
    expect(ids).toEqual(groupsOf(dataset.indicators).flatMap((g) => g.indicators.map((i) => i.id)));
    const count = dataset.indicators.find((i) => i.kind === 'count')!;
    const value = sheet.getCell(rows.get(count.id)!, 5);
    expect(value.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(value.numFmt).toBe('#,##0');
    expect(sheet.getCell(rows.get(count.id)!, 3).value).toBe(loadEdition().vocabularies.measureUnits[count.unit]);
    const defs = book.getWorksheet('Định nghĩa')!;
    expect(defs.rowCount).toBe(2 + dataset.indicators.length); // the illustrative line, the header, the indicators
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load(readFileSync(join(DIST, 'tai-ve/bieu-mau/toan-tinh.xlsx')) as unknown as ExcelJS.Buffer);
    expect(blank.getWorksheet(FORM_SHEET)!.getCell('C3').value).toBeNull();
    expect(blank.getWorksheet(FORM_SHEET)!.getCell('C3').dataValidation).toMatchObject({ type: 'list' });
  });

  test('the CSV form is a results file with the unit and every period × indicator, prefilled with its figures', () => {
    const text = readFileSync(join(DIST, 'tai-ve/bieu-mau/cam-my.csv'), 'utf8');
    expect(text).toBe(formCsv(input('cam-my')));
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('\ufeffdon_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu');
    expect(lines).toHaveLength(1 + formPeriods(dataset).length * dataset.indicators.length);
    const first = dataset.rows.find((r) => r.unit === 'cam-my' && r.period === '2018' && r.indicator === dataset.indicators[0]!.id)!;
    expect(lines[1]).toBe(`cam-my,2018,${first.indicator},${first.value ?? ''},${first.numerator ?? ''},${first.denominator ?? ''},${first.note}`);
    // The province-wide form has no unit, so nothing to prefill.
    expect(readFileSync(join(DIST, 'tai-ve/bieu-mau/toan-tinh.csv'), 'utf8').split('\r\n')[1]).toBe(`,2018,${first.indicator},,,,`);
  });

  test('round trip: generate, fill, import, aggregate gives back exactly the filled values; only that unit changes; twice changes nothing', async () => {
    const into = freshRoot();
    const before = loadDataset(into);
    const { path, values } = await filledForm('bien-hoa');
    const first = importForm(path, into);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/sửa \d+/);
    const after = loadDataset(into);
    const summaries = aggregateDataset(after);
    for (const indicator of after.indicators) {
      const s = summaries.get(indicator.id)!;
      const unit = s.units.find((u) => u.unitId === 'bien-hoa')!;
      for (const y of unit.years) {
        const filled = values.get(`${y.year}|${indicator.id}`)!;
        expect(y.value, `${indicator.id} ${y.year}`).toEqual(
          Array.isArray(filled) ? { kind: 'rate', numerator: filled[0], denominator: filled[1] } : { kind: 'count', value: filled },
        );
      }
      const baseline = values.get(`nk-truoc|${indicator.id}`)!;
      expect(unit.baseline).toEqual(Array.isArray(baseline) ? { kind: 'rate', numerator: baseline[0], denominator: baseline[1] } : { kind: 'count', value: baseline });
    }
    // Every other unit's rows are exactly as before, and none were added or lost.
    const others = (rows: typeof before.rows) => rows.filter((r) => r.unit !== 'bien-hoa').map((r) => ({ ...r, line: 0 }));
    expect(others(after.rows)).toEqual(others(before.rows));
    expect(after.rows).toHaveLength(before.rows.length);
    for (const name of ['2018.csv', '2019.csv', '2020.csv', 'nk-truoc.csv']) {
      const old = readFileSync(join('content/so-lieu', name), 'utf8').split('\r\n').filter((l) => !l.startsWith('bien-hoa,'));
      const now = readFileSync(join(into, 'content/so-lieu', name), 'utf8').split('\r\n').filter((l) => !l.startsWith('bien-hoa,'));
      expect(now, name).toEqual(old);
    }
    const hash = contentHash(into);
    const second = importForm(path, into);
    expect(second.status, second.out).toBe(0);
    expect(second.out).toContain('không có gì thay đổi');
    expect(contentHash(into)).toBe(hash);
  }, 60_000);

  test('the blank province form, with the unit chosen by name, imports for that unit', async () => {
    const into = freshRoot();
    const { path, values } = await filledForm(null);
    const result = importForm(path, into);
    expect(result.status, result.out).toBe(0);
    expect(result.out).toContain('Liên đoàn Lao động huyện Xuân Lộc');
    const after = loadDataset(into);
    const row = after.rows.find((r) => r.unit === 'xuan-loc' && r.period === '2019' && r.indicator === dataset.indicators[0]!.id)!;
    const filled = values.get(`2019|${dataset.indicators[0]!.id}`)!;
    expect(Array.isArray(filled) ? [row.numerator, row.denominator] : row.value).toEqual(filled);
  }, 60_000);

  test('a filled CSV form imports too; a blank line changes nothing (a CSV cannot say it was cleared)', () => {
    const into = freshRoot();
    const count = dataset.indicators.find((i) => i.kind === 'count')!;
    const rate = dataset.indicators.find((i) => i.kind === 'rate')!;
    // A blank form (as downloaded before forms were prefilled) with two lines filled in.
    const lines = formCsv({ ...input('tan-phu'), rows: [] }).split('\r\n').map((line) => {
      if (line === `tan-phu,2020,${count.id},,,,`) return `tan-phu,2020,${count.id},4321,,,nhập từ CSV`;
      if (line === `tan-phu,2020,${rate.id},,,,`) return `tan-phu,2020,${rate.id},,17,20,`;
      return line;
    });
    const path = join(work, 'tan-phu.csv');
    writeFileSync(path, lines.join('\r\n'));
    const result = importForm(path, into);
    expect(result.status, result.out).toBe(0);
    const after = loadDataset(into);
    const mine = after.rows.filter((r) => r.unit === 'tan-phu');
    const summary = mine.map((r) => [r.period, r.indicator, r.value ?? [r.numerator, r.denominator], r.note]);
    expect(summary).toHaveLength(formPeriods(dataset).length * dataset.indicators.length);
    expect(summary).toContainEqual(['2020', count.id, 4321, 'nhập từ CSV']);
    expect(summary).toContainEqual(['2020', rate.id, [17, 20], '']);
    expect(after.rows.length).toBe(dataset.rows.length);
    const key = (r: { unit: string; period: string; indicator: string }) => `${r.unit}|${r.period}|${r.indicator}`;
    const changed = after.rows.filter((r) => JSON.stringify({ ...r, line: 0 }) !== JSON.stringify({ ...dataset.rows.find((d) => key(d) === key(r)), line: 0 }));
    expect(changed.map(key).sort()).toEqual([`tan-phu|2020|${count.id}`, `tan-phu|2020|${rate.id}`].sort());
  }, 60_000);
});

describe('bad forms are refused with sheet, cell and rule, and change nothing', () => {
  const countRow = formRows(dataset.indicators).get(dataset.indicators.find((i) => i.kind === 'count')!.id)!;
  const rateRow = formRows(dataset.indicators).get(dataset.indicators.find((i) => i.kind === 'rate')!.id)!;
  const codeLetter = String.fromCharCode(64 + 4 + formPeriods(dataset).length * 2 + 2);
  const cases: [string, (sheet: ExcelJS.Worksheet) => void, string][] = [
    ['text in a number cell', (s) => { s.getCell(countRow, 7).value = 'khoảng 200'; }, `trang "Biểu mẫu", ô G${countRow}: không phải là số nguyên — giá trị "khoảng 200" (quy tắc: khong-phai-so)`],
    ['a negative count', (s) => { s.getCell(countRow, 5).value = -12; }, `trang "Biểu mẫu", ô E${countRow}: số âm không hợp lệ: số liệu phải lớn hơn hoặc bằng 0 — giá trị "-12" (quy tắc: so-khong-am)`],
    ['a decimal count', (s) => { s.getCell(countRow, 5).value = 12.5; }, `trang "Biểu mẫu", ô E${countRow}: số liệu phải là số nguyên, không có phần thập phân (tỷ lệ ghi bằng tử số và mẫu số) — giá trị "12.5" (quy tắc: so-nguyen)`],
    ['numerator above denominator', (s) => { s.getCell(rateRow, 9).value = 150; s.getCell(rateRow, 10).value = 120; }, `trang "Biểu mẫu", ô I${rateRow}: tử số lớn hơn mẫu số (120) — giá trị "150" (quy tắc: tu-so-vuot-mau-so)`],
    ['a formula', (s) => { s.getCell(countRow, 5).value = { formula: 'E10+1' } as ExcelJS.CellFormulaValue; }, `trang "Biểu mẫu", ô E${countRow}: ô chứa công thức hoặc ký tự đầu dòng không hợp lệ; hãy ghi giá trị số — giá trị "=E10+1" (quy tắc: cong-thuc)`],
    ['a unit the site does not know', (s) => { s.getCell('C3').value = 'Công đoàn ngành Du lịch'; }, 'trang "Biểu mẫu", ô C3: đơn vị không có trong danh sách đơn vị của trang (content/don-vi/) — giá trị "Công đoàn ngành Du lịch" (quy tắc: don-vi-khong-co)'],
    ['an indicator the site does not know', (s) => { s.getCell(`${codeLetter}${countRow}`).value = 'chi-tieu-la'; }, `trang "Biểu mẫu", ô ${codeLetter}${countRow}: chỉ tiêu không có trong content/chi-tieu/ (ghi mã chỉ tiêu, là tên tệp không có đuôi .yaml) — giá trị "chi-tieu-la" (quy tắc: chi-tieu-khong-co)`],
    ['a tampered header', (s) => { s.getCell(HEADER_ROW, 7).value = '2019 – Số liệu'; }, `trang "Biểu mẫu", ô G${HEADER_ROW}: dòng tiêu đề của biểu mẫu đã bị sửa; ô này phải là "<năm> – Giá trị hoặc tử số" (tải lại biểu mẫu từ trang nếu cần) — giá trị "2019 – Số liệu" (quy tắc: tieu-de)`],
    ['swapped year columns', (s) => { s.getCell(HEADER_ROW, 6).value = '2019 – Mẫu số'; }, `trang "Biểu mẫu", ô F${HEADER_ROW}: dòng tiêu đề của biểu mẫu đã bị sửa; ô này phải là "2018 – Mẫu số" (tải lại biểu mẫu từ trang nếu cần) — giá trị "2019 – Mẫu số" (quy tắc: tieu-de)`],
  ];
  test.each(cases)('%s', async (_, edit, expected) => {
    const into = freshRoot();
    const hash = contentHash(into);
    const { path } = await filledForm('long-thanh', edit);
    const result = importForm(path, into);
    expect(result.status).toBe(1);
    expect(result.out).toContain('Không nhập biểu mẫu; content/ không thay đổi.');
    expect(result.out).toContain(`${path} › ${expected}`);
    expect(contentHash(into)).toBe(hash);
  }, 60_000);

  test('an empty form, a file of another kind and a CSV with two units are refused', async () => {
    const into = freshRoot();
    const hash = contentHash(into);
    const empty = join(work, 'trong.xlsx');
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load((await formXlsx(input(null))) as unknown as ExcelJS.Buffer);
    blank.getWorksheet(FORM_SHEET)!.getCell('C3').value = 'Liên đoàn Lao động huyện Vĩnh Cửu';
    await blank.xlsx.writeFile(empty);
    expect(importForm(empty, into).out).toContain('biểu mẫu chưa có số liệu nào; không có gì để nhập (quy tắc: bieu-mau-trong)');
    // A unit's own form, downloaded and sent back untouched, changes nothing.
    const untouched = join(work, 'nguyen-ven.xlsx');
    writeFileSync(untouched, await formXlsx(input('vinh-cuu')));
    const same = importForm(untouched, into);
    expect(same.status, same.out).toBe(0);
    expect(same.out).toContain('Tổng: thêm 0, sửa 0, xoá 0; giữ nguyên 36 dòng');
    const docx = join(work, 'x.docx');
    writeFileSync(docx, 'x');
    expect(importForm(docx, into).out).toContain('chỉ nhập được tệp .xlsx hoặc .csv (quy tắc: loai-tep)');
    const two = join(work, 'hai-don-vi.csv');
    const id = dataset.indicators.find((i) => i.kind === 'count')!.id;
    writeFileSync(two, `don_vi,nam,chi_tieu,gia_tri,tu_so,mau_so,ghi_chu\nbien-hoa,2019,${id},5,,,\ncam-my,2019,${id},6,,,\n`);
    expect(importForm(two, into).out).toContain('một biểu mẫu chỉ được chứa số liệu của một đơn vị — giá trị "bien-hoa, cam-my" (quy tắc: nhieu-don-vi)');
    expect(contentHash(into)).toBe(hash);
  }, 60_000);
});

describe('the form\'s file', () => {
  test('the same figures give the same bytes whenever it is made: entries at a fixed time, core.xml at the figures\' date', async () => {
    // The unit's form as the build makes it (the kit's job input: dated by figuresDate).
    const form = formInputOf(dataset, dataset.units[0]!.id, site);
    vi.useFakeTimers({ toFake: ['Date'] });
    let first: Uint8Array;
    let second: Uint8Array;
    try {
      vi.setSystemTime(new Date('2026-12-04T08:00:00Z'));
      first = await formXlsx(form);
      vi.setSystemTime(new Date('2026-12-05T17:30:00Z'));
      second = await formXlsx(form);
    } finally {
      vi.useRealTimers();
    }
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.filter((n) => n.endsWith('/'))).toEqual([]);
    // 1 January 1980 00:00, the zip format's first day, as the drafts' entries (zip-writer.ts).
    for (const name of names) expect(zip.files[name]!.date.toISOString(), name).toBe('1980-01-01T00:00:00.000Z');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${dataset.meta.lastUpdated}T00:00:00Z</dcterms:created>`);
    // Excel's own reader opens it: the unit's name where the import looks for it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(first as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet(FORM_SHEET)!.getCell('C3').value).toBe(dataset.units[0]!.name);
  });
});
