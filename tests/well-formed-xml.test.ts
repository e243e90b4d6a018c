// Issue 25 point 3: the Word and Excel writers cannot emit a part that is not well-formed XML,
// whatever the content. Every XML part of every .docx and .xlsx the build wrote is parsed with a
// strict XML 1.0 parser (saxes), and so are a draft and a form built from text holding U+FFFE,
// U+FFFF and lone surrogates (which the input checks refuse, but the writers must survive).
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { draftPackage, outlineTemplateBuffer, type DraftOptions } from '../src/lib/report-kit/docx';
import { outlineBlocks } from '../src/lib/report-kit/outline';
import { formXlsx, type FormInput } from '../src/lib/report-kit/form';
import { loadDataset } from '../src/lib/indicators/read';
import { formPeriods } from '../src/lib/report-kit/import';
import { TINY_PNG } from './helpers/tiny-png';

const DIST = process.env.DIST_DIR ?? 'dist';

/** The first well-formedness error of an XML text (null when it parses): strict XML 1.0, namespaces checked. */
function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

/** Every XML part of a zip package (.xml, .rels), decoded as strict UTF-8: name → error or null. */
async function partErrors(bytes: Uint8Array): Promise<Map<string, string | null>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string | null>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    const raw = await entry.async('uint8array');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      out.set(entry.name, 'not UTF-8');
      continue;
    }
    out.set(entry.name, xmlError(text));
  }
  return out;
}

const failures = (errors: Map<string, string | null>) => [...errors].filter(([, e]) => e !== null).map(([name, e]) => `${name}: ${e}`);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && pattern.test(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const HOSTILE = 'Ghi\uFFFEchú\uFFFF lẻ\uD800 và\uDC00 cặp 😀';

describe('the parser is strict', () => {
  test('it refuses what the writers must never emit', () => {
    expect(xmlError('<a>x</a>')).toBeNull();
    expect(xmlError('<a>\uFFFE</a>')).not.toBeNull();
    expect(xmlError('<a>\uFFFF</a>')).not.toBeNull();
    expect(xmlError('<a>\uD800</a>')).not.toBeNull();
    expect(xmlError('<a>\u0001</a>')).not.toBeNull();
    expect(xmlError('<a><b></a>')).not.toBeNull();
  });
});

describe('every .docx and .xlsx the build wrote', () => {
  const files = filesUnder(DIST, /\.(docx|xlsx)$/);
  test('there are drafts, the outline template and forms', () => {
    expect(files.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(10);
  });
  test.each(files.map((f) => [f.slice(DIST.length + 1), f]))('%s: every XML part is well-formed', async (_name, file) => {
    const errors = await partErrors(readFileSync(file));
    expect(errors.size).toBeGreaterThan(3);
    expect(failures(errors)).toEqual([]);
  });
});

describe('text the input checks would refuse still gives well-formed files', () => {
  const outline = readFileSync('content/van-ban/de-cuong-bao-cao.mdx', 'utf8');
  // The hostile text in the outline's body, headings and all.
  const blocks = outlineBlocks(outline.replace(/^(I\.|1\.) /gm, `$1 ${HOSTILE} `));

  test('a draft: organisation, table cells, notes, deadlines, captions and outline', async () => {
    const options: DraftOptions = {
      formUrl: '/tai-ve/bieu-mau/x.xlsx', sourceTitle: `Đề cương ${HOSTILE}`, organisation: `Tổ chức ${HOSTILE}`, issuer: `Đơn vị ${HOSTILE}`,
      parentBody: `Cấp trên ${HOSTILE}`, recipient: HOSTILE, evaluationWindow: HOSTILE,
      deadlines: [{ task: HOSTILE, who: HOSTILE, when: HOSTILE }], indicatorsHeading: /CHỈ TIÊU/i,
      table: { widths: [10, 60, 30], header: ['STT', HOSTILE, '2019'], rows: [{ cells: ['1', HOSTILE, `12\n${HOSTILE}`] }] },
      notes: [HOSTILE], figureNotes: [`1. ${HOSTILE}`], illustrativeNote: HOSTILE,
      charts: [{ png: TINY_PNG, width: 1600, height: 900, caption: HOSTILE }],
      made: new Date('2021-03-15T00:00:00Z'),
    };
    const errors = await partErrors(draftPackage(blocks, options));
    expect(failures(errors)).toEqual([]);
    const zip = await JSZip.loadAsync(draftPackage(blocks, options));
    const body = await zip.file('word/document.xml')!.async('string');
    // The text is kept, each impossible character shown as U+FFFD; the pair (an emoji) survives whole.
    expect(body).toContain('Ghi\uFFFDchú\uFFFD lẻ\uFFFD và\uFFFD cặp 😀');
  });

  test('the outline template', async () => {
    const buffer = await outlineTemplateBuffer(blocks, { formUrl: '/tai-ve/x.xlsx', organisation: HOSTILE, recipient: HOSTILE, sourceTitle: HOSTILE, illustrative: true, made: new Date('2021-03-15T00:00:00Z') });
    expect(failures(await partErrors(buffer))).toEqual([]);
  });

  test('a form: organisation, title, unit name and notes', async () => {
    const dataset = loadDataset(process.cwd());
    const unit = { ...dataset.units[0]!, name: `Đơn vị ${HOSTILE}` };
    const rows = dataset.rows.map((r) => (r.unit === unit.id ? { ...r, note: HOSTILE } : r));
    const input: FormInput = {
      indicators: dataset.indicators.map((i, n) => (n === 0 ? { ...i, name: `${i.name} ${HOSTILE}` } : i)),
      units: dataset.units.map((u) => (u.id === unit.id ? unit : u)), periods: formPeriods(dataset), unit,
      title: `Biểu mẫu ${HOSTILE}`, date: new Date('2026-11-25T00:00:00Z'), rows, organisation: `Tổ chức ${HOSTILE}`, illustrative: true,
    };
    const xlsx = await formXlsx(input);
    const errors = await partErrors(xlsx);
    expect(errors.size).toBeGreaterThan(5);
    expect(failures(errors)).toEqual([]);
  });
});
