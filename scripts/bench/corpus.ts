// Synthetic, deterministic Vietnamese corpora for the benchmark, written outside content/.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPaths } from '../../src/lib/content/paths.ts';
import { toCsv } from '../../src/lib/indicators/csv-write.ts';
import { RESULT_COLUMNS } from '../../src/lib/indicators/results-csv.ts';
import { TARGET_COLUMNS } from '../../src/lib/indicators/targets-csv.ts';
import { seededRandom } from '../seeded-random.ts';

const WORDS = (
  'công đoàn đoàn viên người lao động doanh nghiệp thỏa ước lao động tập thể đối thoại nơi làm việc chăm lo lợi ích ' +
  'phúc lợi việc làm tiền lương nhà ở an toàn vệ sinh lao động tuyên truyền pháp luật thi đua nữ công kiểm tra tài chính ' +
  'cán bộ cơ sở huyện thành phố tỉnh Đồng Nai nhiệm kỳ nghị quyết đại hội chỉ tiêu kết quả hạn chế nguyên nhân giải pháp ' +
  'hòa giải hoà hợp thoả thuận khóa học khoá họp bảo vệ quyền lợi hợp pháp chính đáng tổ chức thực hiện đánh giá sơ kết'
).split(' ');

/**
 * Copies the project's whole edition (content/ at `root`) into the copy at `dir`: the edition file,
 * documents, programmes, notices, source text and data; with `syntheticData`, all but the data folders
 * (indicators, units, results) that a synthetic dataset replaces. Every entry of content/, not a list,
 * so that a folder added later (the notices were) is in the benchmark's project too.
 */
export function copyEdition(root: string, dir: string, { syntheticData = false } = {}): void {
  const replaced = new Set<string>(syntheticData ? [contentPaths.indicators, contentPaths.units, contentPaths.results] : []);
  for (const entry of readdirSync(join(root, contentPaths.root))) {
    const path = `${contentPaths.root}/${entry}`;
    if (!replaced.has(path)) cpSync(join(root, path), join(dir, path), { recursive: true });
  }
}

/** Citations the recogniser knows: published programmes and documents the site does not hold. */
const CITATIONS = [
  'Chương trình số 2494/CTr-TLĐ ngày 19/12/2018', 'Chương trình 07/CTr-LĐLĐ ngày 29/8/2018', 'Chương trình số 1563/CTr-TLĐ ngày 09/10/2019',
  'Chương trình số 1734/CTr-TLĐ ngày 14/11/2019', 'Kế hoạch số 56/KH-TLĐ ngày 23/7/2020', 'Chỉ thị số 52-CT/TW',
  'Nghị quyết số 08-NQ/TU ngày 01/3/2017', 'Kế hoạch số 99/KH-LĐLĐ ngày 21/4/2020', 'Chương trình số 740/CTr-TLĐ ngày 22/7/2020',
];

// Filler syllables (onset + rhyme + tone), so that documents differ in vocabulary as real ones do:
// each document draws a quarter of its words from 30 domain words of its own topic, the rest
// from 2,000+ filler syllables with a Zipf-like spread.
const ONSETS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const RHYMES = ['a', 'ai', 'am', 'an', 'anh', 'ao', 'at', 'ay', 'e', 'em', 'en', 'i', 'im', 'in', 'inh', 'o', 'oa', 'oi', 'om', 'on', 'ong', 'u', 'ui', 'um', 'un', 'ung', 'ơ', 'ơi', 'ơn', 'ư', 'ưa', 'ương', 'ê', 'ên', 'ô', 'ôi', 'ông', 'iên', 'uôn', 'uông'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const FILLER = ONSETS.flatMap((o) => RHYMES.flatMap((r) => TONES.map((t) => `${o}${r[0]}${t}${r.slice(1)}`.normalize('NFC'))));

let topic: string[] = WORDS;
function word(next: () => number): string {
  if (next() < 0.25) return topic[Math.floor(next() * topic.length)]!;
  // Zipf-like: small indices far more often.
  return FILLER[Math.floor(FILLER.length * next() ** 3)]!;
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(word(next));
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

function paragraph(next: () => number): string {
  const parts = [sentence(next, 12 + Math.floor(next() * 18))];
  if (next() < 0.5) parts.push(`theo ${CITATIONS[Math.floor(next() * CITATIONS.length)]}`);
  parts.push(sentence(next, 8 + Math.floor(next() * 12)));
  return `${parts.join(', ')}.`;
}

/**
 * N documents of 4 sections each (≈ 700 words), about half of the paragraphs citing a document.
 * The text is plain Markdown (no MDX syntax), so Hugo reads the same files as `.md`.
 */
export function writeDocuments(dir: string, count: number, seed = 2021, extension: 'mdx' | 'md' = 'mdx'): void {
  mkdirSync(dir, { recursive: true });
  const next = seededRandom(seed);
  for (let n = 1; n <= count; n += 1) {
    const id = `van-ban-${String(n).padStart(5, '0')}`;
    topic = ['công', 'đoàn', ...Array.from({ length: 28 }, () => WORDS[Math.floor(next() * WORDS.length)]!)];
    const title = `Báo cáo sơ kết số ${n} về ${sentence(next, 6).toLowerCase()}`;
    const lines = [
      '---',
      `title: "${title}"`,
      `shortTitle: "Báo cáo ${n}"`,
      'docType: cong-van',
      'issuer: Ban Thường vụ Liên đoàn Lao động tỉnh Đồng Nai',
      `summary: "${sentence(next, 20)}."`,
      'status: ban-hanh',
      `order: ${n + 10}`,
      'source: { file: nguon/van-ban-goc.txt, fromLine: 282, toLine: 302 }',
      '---',
      '',
    ];
    const roman = ['I', 'II', 'III', 'IV'];
    for (const [s, numeral] of roman.entries()) {
      lines.push(`## ${numeral}. ${sentence(next, 5 + (s % 3)).toUpperCase()}`, '');
      lines.push(paragraph(next), '');
      lines.push(`### ${s + 1}. ${sentence(next, 6)}`, '');
      for (let i = 0; i < 3; i += 1) lines.push(`- ${paragraph(next)}`);
      lines.push('', paragraph(next), '');
    }
    writeFileSync(join(dir, `${id}.${extension}`), lines.join('\n'));
  }
}

/** units × indicators × years of results (half counts, half rates), definitions and metadata. */
export function writeDataset(contentDir: string, units: number, indicators: number, years: number[], seed = 2020): number {
  const next = seededRandom(seed);
  for (const sub of ['chi-tieu', 'don-vi', 'so-lieu']) mkdirSync(join(contentDir, sub), { recursive: true });
  const unitIds = Array.from({ length: units }, (_, i) => `don-vi-${String(i + 1).padStart(3, '0')}`);
  unitIds.forEach((id, i) => writeFileSync(join(contentDir, 'don-vi', `${id}.yaml`), `name: "Công đoàn cơ sở thử nghiệm số ${i + 1}"\nshortName: "CĐCS ${i + 1}"\ntype: cdcs-truc-thuoc\norder: ${i + 1}\nnameSource: minh-hoa\n`));
  const kinds: ('count' | 'rate')[] = [];
  for (let i = 0; i < indicators; i += 1) {
    const rate = i % 2 === 1;
    kinds.push(rate ? 'rate' : 'count');
    const targets = years.map((y) => `${y}: ${rate ? 60 + (i % 30) : 1000 + i * 10}`).join(', ');
    writeFileSync(
      join(contentDir, 'chi-tieu', `chi-tieu-${String(i + 1).padStart(3, '0')}.yaml`),
      [
        `name: "Chỉ tiêu thử nghiệm số ${i + 1}"`, `group: ${i % 3 === 0 ? 'phoi-hop' : 'chinh'}`, `order: ${i + 1}`, 'programmes: [09-ctr-ldld-2018]',
        `unit: ${rate ? 'phan-tram' : 'nguoi'}`, `kind: ${rate ? 'rate' : 'count'}`,
        ...(rate ? ['numerator: Tử số thử nghiệm', 'denominator: Mẫu số thử nghiệm'] : []),
        `termTarget: ${rate ? 75 : 5000 + i * 50}`, `annualTargets: { ${targets} }`, 'direction: cao-hon-la-tot',
        `definition: "${sentence(next, 25)}."`, 'source: Số liệu thử nghiệm của bộ đo hiệu năng.',
      ].join('\n') + '\n',
    );
  }
  writeFileSync(join(contentDir, 'so-lieu', 'bo-du-lieu.yaml'), 'status: minh-hoa\ntitle: Bộ số liệu đo hiệu năng\nsource: Tạo tự động cho bộ đo hiệu năng.\nlastUpdated: 2026-11-25\nterm: { from: 2018, to: 2023 }\nunitTargets: { status: minh-hoa, source: Mục tiêu thử nghiệm của bộ đo hiệu năng. }\n');
  let rows = 0;
  for (const year of years) {
    const data: (string | number)[][] = [];
    for (const unit of unitIds) {
      kinds.forEach((kind, i) => {
        const id = `chi-tieu-${String(i + 1).padStart(3, '0')}`;
        if (kind === 'count') data.push([unit, year, id, Math.floor(next() * 50), '', '', '']);
        else {
          const den = 5 + Math.floor(next() * 50);
          data.push([unit, year, id, '', Math.floor(next() * (den + 1)), den, '']);
        }
      });
    }
    rows += data.length;
    writeFileSync(join(contentDir, 'so-lieu', `${year}.csv`), toCsv(RESULT_COLUMNS, data, { neutralise: false }));
  }
  // Each unit's own targets (muc-tieu-don-vi.csv), from a stream of their own so the results stay as
  // before: about what the results reach, so some units are behind and some ahead on every indicator.
  const nextTarget = seededRandom(seed + 1);
  const targets: (string | number)[][] = [];
  for (const unit of unitIds) {
    kinds.forEach((kind, i) => targets.push([unit, `chi-tieu-${String(i + 1).padStart(3, '0')}`, 'nhiem-ky', kind === 'count' ? 100 + Math.floor(nextTarget() * 60) : 40 + Math.floor(nextTarget() * 20)]));
  }
  writeFileSync(join(contentDir, 'so-lieu', 'muc-tieu-don-vi.csv'), toCsv(TARGET_COLUMNS, targets, { neutralise: false }));
  return rows;
}
