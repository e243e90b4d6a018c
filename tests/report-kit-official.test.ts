// The Word files pass for official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): read from the
// XML of the built files. Each unit's draft carries the same figures as the unit's page.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse as parseHtml } from 'node-html-parser';
import { loadDataset } from '../src/lib/indicators/read';

const DIST = process.env.DIST_DIR ?? 'dist';
const dataset = loadDataset(process.cwd());
const MM = (mm: number) => Math.round((mm * 1440) / 25.4);
const decode = (text: string) => text.replace(/&(quot|amp|lt|gt|apos);/g, (_, n: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[n] as string);
const textOf = (xml: string) => decode(xml.replace(/<w:br\/>/g, '\n').replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '$1').replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ').trim();
const attr = (xml: string, tag: string, name: string) => { const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml); return m ? m[1] : undefined; };

async function open(path: string) {
  const zip = await JSZip.loadAsync(readFileSync(join(DIST, path)));
  const file = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { document: await file('word/document.xml'), styles: await file('word/styles.xml'), core: await file('docProps/core.xml'), app: await file('docProps/app.xml'), zip, file };
}

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
const tables = (xml: string) => {
  // Top-level tables only (no nesting in these files).
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
};

const FILES = ['tai-ve/de-cuong-bao-cao.docx', 'tai-ve/bao-cao/toan-tinh.docx', 'tai-ve/bao-cao/cam-my.docx'];

describe.each(FILES)('%s follows the administrative format', (path) => {
  test('A4, margins 20–25 / 30–35 / 15–20 mm, Times New Roman 13–14 pt, Vietnamese on every run', async () => {
    const { document, styles } = await open(path);
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(document)![0];
    expect(Number(attr(sect, 'w:pgSz', 'w:w'))).toBe(11906);
    expect(Number(attr(sect, 'w:pgSz', 'w:h'))).toBe(16838);
    const margin = (side: string) => Number(attr(sect, 'w:pgMar', `w:${side}`));
    for (const side of ['top', 'bottom']) expect(margin(side)).toBeGreaterThanOrEqual(MM(20) - 1), expect(margin(side)).toBeLessThanOrEqual(MM(25));
    expect(margin('left')).toBeGreaterThanOrEqual(MM(30) - 1);
    expect(margin('left')).toBeLessThanOrEqual(MM(35));
    expect(margin('right')).toBeGreaterThanOrEqual(MM(15));
    expect(margin('right')).toBeLessThanOrEqual(MM(20) + 1);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(attr(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect([26, 28]).toContain(Number(attr(defaults, 'w:sz', 'w:val')));
    expect(attr(defaults, 'w:lang', 'w:val')).toBe('vi-VN');
    const runs = [...document.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => r).filter((r) => /<w:t[ >]/.test(r));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) expect(r, textOf(r)).toContain('<w:lang w:val="vi-VN"/>');
    expect(document).not.toMatch(/<w:lang w:val="(?!vi-VN)/);
  });

  test('header block: issuing body with its parent above, the motto on one line (column ≥ 95 mm), a short rule under each', async () => {
    const { document } = await open(path);
    const header = tables(document)[0]!;
    const widths = [...header.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeGreaterThanOrEqual(MM(95));
    const [left, right] = [...header.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphs(c));
    const lines = (ps: string[]) => ps.map((p) => textOf(p));
    expect(lines(right!)[0]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines(right!)[1]).toBe('Độc lập - Tự do - Hạnh phúc');
    // The motto's own paragraph: bold, 12–13 pt, centred; then an empty paragraph with a bottom border (the rule).
    expect(right![0]).toMatch(/<w:b\/>/);
    expect([24, 26]).toContain(Number(attr(right![0]!, 'w:sz', 'w:val')));
    for (const cell of [left!, right!]) {
      const rule = cell.findIndex((p) => /<w:pBdr><w:bottom w:val="single"/.test(p) && textOf(p) === '');
      expect(rule, 'a short rule under the issuing body and under the motto').toBeGreaterThan(0);
      const indent = Number(attr(cell[rule]!, 'w:ind', 'w:left'));
      expect(indent, 'the rule is short, not the column\'s width').toBeGreaterThan(MM(10));
    }
    // Parent body above the issuing body, which is bold.
    expect(left![1]).toMatch(/<w:b\/>/);
    expect(left![0]).not.toMatch(/<w:b\/>/);
    const number = left!.find((p) => textOf(p).startsWith('Số:'))!;
    expect(number, 'number and symbol upright (NĐ 30, Phụ lục I)').not.toMatch(/<w:i\/>/);
    const date = right!.find((p) => /ngày … tháng … năm/.test(textOf(p)))!;
    expect(date).toMatch(/<w:i\/>/);
  });

  test('body: justified, first-line indent 1–1.27 cm, ≥ 6 pt after, line spacing 1–1.5; no double numbering', async () => {
    const { document } = await open(path);
    const body = paragraphs(document).filter((p) => /<w:pStyle w:val="GoiY"\/>/.test(p) || /highlight w:val="lightGray"/.test(p));
    expect(body.length).toBeGreaterThan(20);
    for (const p of body) {
      expect(p, textOf(p)).toMatch(/<w:jc w:val="both"\/>/);
      const first = Number(attr(p, 'w:ind', 'w:firstLine'));
      expect(first).toBeGreaterThanOrEqual(567);
      expect(first).toBeLessThanOrEqual(720);
      expect(Number(attr(p, 'w:spacing', 'w:after'))).toBeGreaterThanOrEqual(120);
      const line = Number(attr(p, 'w:spacing', 'w:line'));
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(360);
    }
    const all = paragraphs(document).map(textOf);
    expect(all.some((t) => /^– \d+\./.test(t))).toBe(false);
    expect(all).toContain('1. Từ kết quả thực hiện Nghị quyết Đại hội Công đoàn tỉnh lần thứ X và Nghị quyết Đại hội Công đoàn cấp mình trong nửa nhiệm kỳ qua, căn cứ Nghị quyết Đại hội Đảng các cấp, nghiên cứu bổ sung nhiệm vụ, giải pháp, phấn đấu hoàn thành toàn diện Nghị quyết Đại hội Công đoàn của cấp mình và Nghị quyết Đại hội Công đoàn tỉnh lần thứ X.'.replace(/^/, '').trim());
  });

  test('page numbers from page 2, top centre, as a field; "Nơi nhận:" 12 pt bold italic, items 11 pt; signature block', async () => {
    const { document, zip, file } = await open(path);
    const first = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(document)![0];
    expect(first).toContain('<w:titlePg/>');
    const rels = await file('word/_rels/document.xml.rels');
    const headerFile = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(first)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    };
    const defaultHeader = await zip.file(`word/${headerFile('default')}`)!.async('string');
    const firstHeader = await zip.file(`word/${headerFile('first')}`)!.async('string');
    expect(defaultHeader).toMatch(/PAGE/);
    expect(defaultHeader).toMatch(/<w:jc w:val="center"\/>/);
    expect(firstHeader).not.toMatch(/PAGE/);
    const signature = tables(document).at(-1)!;
    const [left, right] = [...signature.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphs(c));
    expect(textOf(left![0]!)).toBe('Nơi nhận:');
    expect(left![0]).toMatch(/<w:b\/>[\s\S]*<w:i\/>|<w:i\/>[\s\S]*<w:b\/>/);
    expect(Number(attr(left![0]!, 'w:sz', 'w:val'))).toBe(24);
    for (const item of left!.slice(1)) expect(Number(attr(item, 'w:sz', 'w:val'))).toBe(22);
    for (const p of right!) expect(p).toMatch(/<w:jc w:val="center"\/>/);
    expect(right!.map(textOf)).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
  });

  test('document properties name the organisation', async () => {
    const { core, app } = await open(path);
    expect(core).toContain('<dc:creator>Liên đoàn Lao động tỉnh Đồng Nai</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Liên đoàn Lao động tỉnh Đồng Nai</cp:lastModifiedBy>');
    expect(`${core}${app}`).not.toMatch(/Un-named|Unknown/);
  });
});

describe('each unit\'s draft has its own figures, equal to its page', () => {
  const cellsOfRow = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphs(c).map(textOf).join(' ').replace(/\s+/g, ' ').trim());

  test.each(dataset.units.map((u) => [u.id, u.name] as const))('%s', async (id, name) => {
    const { document, file } = await open(`tai-ve/bao-cao/${id}.docx`);
    const all = textOf(document);
    expect(all).toContain(name.toLocaleUpperCase('vi'));
    expect(all).toContain(`Kết quả thực hiện các chỉ tiêu của ${name}`);
    const table = tables(document).find((t) => /Lũy kế/.test(textOf(t)))!;
    const rows = [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map(([r]) => cellsOfRow(r));
    const byName = new Map(rows.map((cells) => [cells[1], cells]));
    const page = parseHtml(readFileSync(join(DIST, `don-vi/${id}/index.html`), 'utf8'));
    const pageRows = page.querySelectorAll('tr[data-indicator]');
    expect(pageRows).toHaveLength(dataset.indicators.length);
    for (const tr of pageRows) {
      const indicator = dataset.indicators.find((i) => i.id === tr.getAttribute('data-indicator'))!;
      const label = tr.querySelector('th')!.textContent.replace(/\s+/g, ' ').trim();
      const cells = byName.get(label);
      expect(cells, `${id}: row of ${indicator.id}`).toBeDefined();
      const pageCells = tr.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ' ').trim());
      // Years, cumulative, rank and the previous term: the page's cells, in the draft's columns.
      const years = dataset.years.length;
      const draft = [...cells!.slice(2, 2 + years + 1), cells![2 + years + 4]!, cells![2 + years + 5]!];
      expect(draft, `${id} ${indicator.id}`).toEqual(pageCells);
      // The progress column: the verdict and figures of the page's progress table, against the unit's own targets.
      const td = page.querySelector(`tr[data-progress-of="${indicator.id}"] td`)!;
      const word = td.querySelector('.pace')!.textContent.trim();
      const basis = td.querySelector('.pace-basis')?.textContent ?? '';
      const detail = td.textContent.replace(basis, '').replace(word, '').replace(/\s+/g, ' ').trim();
      expect(cells![2 + years + 3], `${id} ${indicator.id} progress`).toBe(detail ? `${word}: ${detail}` : word);
    }
    expect(rows[0]).toContain('Tiến độ');
    expect(rows[0]).toContain('Mục tiêu nhiệm kỳ của đơn vị');
    expect(all).toContain('MỤC TIÊU MINH HỌA');
    // Missing figures read "chưa báo cáo", never 0; the late-congress units get their window.
    const unit = dataset.units.find((u) => u.id === id)!;
    expect(all).toContain(unit.lateCongress ? 'đánh giá từ đầu nhiệm kỳ đến thời điểm tháng 12/2020' : 'từ đầu nhiệm kỳ đến hết tháng 12/2020');
    expect(all).toMatch(/Gửi báo cáo sơ kết về Văn phòng LĐLĐ tỉnh[\s\S]*Trước ngày 01\/02\/2021/);
    const header = await file('word/header1.xml') + await file('word/header2.xml');
    expect(header).toContain('SỐ LIỆU MINH HỌA');
  });
});

describe('the units\' notes on their figures go into the drafts', () => {
  test('numbered under the table: the unit\'s own in its draft, every unit\'s (named) in the province\'s', async () => {
    const { draftFigures } = await import('../src/lib/views/draft');
    const { aggregateDataset } = await import('../src/lib/indicators/aggregate');
    const rows = dataset.rows.map((r) =>
      r.unit === 'cam-my' && r.period === '2019' && r.indicator === 'phat-trien-doan-vien' ? { ...r, note: 'Số liệu tính đến 15/12/2019\nchưa gồm khối doanh nghiệp FDI' }
      : r.unit === 'bien-hoa' && r.period === 'nk-truoc' && r.indicator === 'mai-am-cong-doan' ? { ...r, note: 'Theo báo cáo tổng kết nhiệm kỳ IX' } : r);
    const noted = { ...dataset, rows };
    const summaries = aggregateDataset(noted);
    const mine = draftFigures(noted, summaries, noted.units.find((u) => u.id === 'cam-my')!);
    expect(mine.figureNotes).toEqual(['1. Kết nạp đoàn viên mới, 2019: Số liệu tính đến 15/12/2019; chưa gồm khối doanh nghiệp FDI']);
    const province = draftFigures(noted, summaries, null);
    expect(province.figureNotes).toEqual([
      '1. Kết nạp đoàn viên mới, 2019 (Cẩm Mỹ): Số liệu tính đến 15/12/2019; chưa gồm khối doanh nghiệp FDI',
      '2. Xây dựng, sửa chữa nhà "Mái ấm Công đoàn", Nhiệm kỳ IX, cùng kỳ (2013 – 2015) (Biên Hòa): Theo báo cáo tổng kết nhiệm kỳ IX',
    ]);
    expect(draftFigures(dataset, aggregateDataset(dataset), null).figureNotes).toEqual([]);
  });
});

describe('the province\'s draft carries the indicator charts as the published PNGs', () => {
  test('one image per indicator, byte-identical to /tai-ve/bieu-do/<id>-theo-nam.png, with a caption', async () => {
    const { zip, document } = await open('tai-ve/bao-cao/toan-tinh.docx');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(dataset.indicators.length);
    const published = new Set(dataset.indicators.map((i) => readFileSync(join(DIST, `tai-ve/bieu-do/${i.id}-theo-nam.png`)).toString('base64')));
    for (const name of media) expect(published.has((await zip.file(name)!.async('nodebuffer')).toString('base64')), name).toBe(true);
    expect(paragraphs(document).map(textOf).filter((t) => t.startsWith('Biểu đồ: '))).toHaveLength(dataset.indicators.length);
  });
});
