// Round trips of the Word import (issue 30):
// 1. the site's own Word files (the report template and a unit's draft, from dist/) import back to
//    their own text: every paragraph of the .docx, read here independently of mammoth, is in the
//    imported MDX text or placed in its front matter; the outline's headings keep their levels;
// 2. the three source documents, written as .docx here in a layout unlike the site's writer
//    (stacked header lines, headings as bold body text, the plan's sections in Word's automatic
//    numbering, the ending as a table), import to the same sentences as the committed MDX.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import yaml from 'js-yaml';
import { readFrontMatter } from '../src/lib/content/frontmatter-check';
import { normaliseText, sourceSentences } from '../src/lib/documents/fidelity';
import { importDocx } from '../src/lib/word-in/import';
import { mdxText } from '../src/lib/word-in/mdx-text';
import { wordFile, type BodyItem, type WordSpec } from './helpers/word-docs';

const DIST = process.env.DIST_DIR ?? 'dist';
const bodyOf = (mdx: string) => mdx.slice(mdx.indexOf('\n---\n', 4) + 5);
const sentencesOf = (text: string) => sourceSentences(text.split('\n'), 1, text.split('\n').length).map((s) => s.text);

/** The paragraphs of a .docx as Word stores them: the text of each w:p, without mammoth. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => normaliseText(decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((t) => t[1] ?? ' ').join(''))))
    .filter((t) => t !== '');
}

describe.each([['de-cuong-bao-cao.docx'], ['bao-cao/bien-hoa.docx']])('the site’s own %s imports back to its text', (file) => {
  const bytes = new Uint8Array(readFileSync(join(DIST, 'tai-ve', file)));

  test('every paragraph is in the imported body or its front matter; the fidelity report is clean', async () => {
    const doc = await importDocx(bytes, { file, lastOrder: 3 });
    expect(doc.fidelity.problems).toEqual([]);
    const body = normaliseText(mdxText(bodyOf(doc.mdx)));
    const front = normaliseText(JSON.stringify(readFrontMatter(doc.mdx).data));
    const placed = (p: string) => {
      const rest = p.replace(/^(Số|Nơi nhận|V\/v)\s*:?\s*/, '').replace(/^- /, '');
      // The place-and-date line becomes header.place (and issueDate when it has figures).
      const place = /^(.+?), ngày /.exec(p)?.[1];
      return rest === '' || body.includes(p) || front.includes(rest) || (place !== undefined && front.includes(`"place":"${place}"`)) || /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập - Tự do - Hạnh phúc$|^Độc lập – Tự do – Hạnh phúc$/.test(p) || /^[-_–—=*.\s]+$/.test(p);
    };
    const missing = docxParagraphs(bytes).filter((p) => !placed(p));
    expect(missing).toEqual([]);
  });

  test('the outline’s headings come back at the levels of the committed outline', async () => {
    const doc = await importDocx(bytes, { file, lastOrder: 3 });
    const levels = (mdx: string) => [...bodyOf(mdx).matchAll(/^(#{2,4}) (PHẦN \S+ \S+|[IVX]+\.|\d+\.)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(levels(doc.mdx)).toEqual(levels(readFileSync('content/van-ban/de-cuong-bao-cao.mdx', 'utf8')));
  });
});

// ——— The source documents as an office's Word files ———

const SOURCE = readFileSync('content/nguon/van-ban-goc.txt', 'utf8').split(/\r?\n/);
interface Front { source: { fromLine: number; toLine: number }; signer?: Record<string, string> }

/** The committed document's structure, read from its MDX: headings, title block, "Kính gửi" lines. */
function committed(id: string) {
  const mdx = readFileSync(`content/van-ban/${id}.mdx`, 'utf8');
  const front = yaml.load(mdx.split('\n---\n')[0]!.slice(4)) as Front;
  const body = bodyOf(mdx);
  const strip = (s: string) => normaliseText(s.replace(/<EditorNote>[\s\S]*?<\/EditorNote>/g, '').replace(/<[^>]+>/g, ' ').replace(/\\(.)/g, '$1'));
  const headings = [...body.matchAll(/^#{2,4} (.*)$/gm)].map((m) => strip(m[1]!));
  const titleBlock = [...(/<div className="doc-heading">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '').matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => strip(m[1]!));
  const kinhGui = [...body.matchAll(/<p className="kinh-gui">(.*)<\/p>/g)].map((m) => strip(m[1]!));
  return { front, body, headings, titleBlock, kinhGui };
}

/** The source lines of a document as a Word file: the parts where an office puts them. */
function specOf(id: string, autoRoman: boolean): WordSpec {
  const c = committed(id);
  const lines = SOURCE.slice(c.front.source.fromLine - 1, c.front.source.toLine).map((l) => normaliseText(l)).filter((l) => l !== '');
  const spec: WordSpec = {
    header: 'stacked',
    parentBody: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM',
    issuingBody: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH',
    number: '……',
    placeDate: '……, ngày …… tháng …… năm 2020',
    ...(c.titleBlock.length ? { kind: c.titleBlock[0], abstract: c.titleBlock.slice(1) } : { subject: 'góp ý dự thảo Kế hoạch sơ kết giữa nhiệm kỳ' }),
    kinhGui: [],
    body: [],
    recipients: [],
    signer: [],
  };
  let mode: 'body' | 'recipients' | 'signer' = 'body';
  for (const line of lines) {
    if (c.titleBlock.some((t) => line === t || t.startsWith(line))) continue;
    if (c.kinhGui.includes(line)) { spec.kinhGui!.push(line); continue; }
    if (/^Nơi nhận:?$/.test(line)) { mode = 'recipients'; continue; }
    if (/^TM\./.test(line)) mode = 'signer';
    if (mode === 'recipients') {
      if (line.startsWith('- ')) spec.recipients!.push(line.slice(2));
      else spec.recipients![spec.recipients!.length - 1] += ` ${line}`;
      continue;
    }
    if (mode === 'signer') { spec.signer!.push(line); continue; }
    const heading = c.headings.find((h) => h === line || h.startsWith(`${line} `) || (h.startsWith(line) && /^PHẦN/.test(h)));
    const sub = !heading && c.headings.some((h) => /^PHẦN/.test(h) && h.includes(line));
    let item: BodyItem = line;
    if (heading && autoRoman && /^[IVX]+\. /.test(line)) item = { auto: 'roman', text: line.replace(/^[IVX]+\. /, ''), bold: true };
    else if (heading || sub) item = { text: line, bold: true, center: /^PHẦN/.test(line) || sub };
    spec.body.push(item);
  }
  return spec;
}

describe.each([
  ['ke-hoach-so-ket', true],
  ['de-cuong-bao-cao', false],
  ['cong-van-xin-y-kien', false],
] as const)('%s written as an office’s .docx imports to the committed sentences', (id, autoRoman) => {
  test('same sentences, same order; same signer; clean fidelity report', async () => {
    const c = committed(id);
    const spec = specOf(id, autoRoman);
    const doc = await importDocx(await wordFile(spec), { file: `${id}.docx`, lastOrder: 3 });
    expect(doc.fidelity.problems).toEqual([]);
    expect(sentencesOf(mdxText(bodyOf(doc.mdx)))).toEqual(sentencesOf(mdxText(c.body)));
    const front = readFrontMatter(doc.mdx).data as Front;
    if (c.front.signer) expect(front.signer).toEqual(c.front.signer);
    // The headings keep their levels, as the committed document writes them.
    const levels = (b: string) => [...b.matchAll(/^(#{2,4}) /gm)].map((m) => m[1]);
    expect(levels(bodyOf(doc.mdx))).toEqual(levels(c.body));
  });
});
