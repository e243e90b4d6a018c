// The illustrative mark in the report kit's Word and Excel files, read from their XML as Word and
// Excel would show it: every part's text (document, headers, shared strings, properties).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import type { Dataset } from '../../src/lib/indicators/dataset';

/** Every .docx and .xlsx under <dist>/tai-ve/, as paths relative to dist. */
export function kitFiles(dist: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : /\.(docx|xlsx)$/.test(e.name) ? [join(dir, e.name)] : []);
  return walk(join(dist, 'tai-ve')).map((f) => relative(dist, f)).sort();
}

/** The text of each XML part of an Office file, tags dropped, entities decoded. */
export async function partTexts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const texts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    texts[name] = xml.replace(/<[^>]+>/g, ' ')
      .replace(/&(quot|amp|lt|gt|apos);/g, (_, n: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[n] as string)
      .replace(/\s+/g, ' ');
  }
  return texts;
}

/**
 * Where a file says its figures are illustrative ("minh họa", any case), with some context: what
 * is left after taking out the words the content itself uses — the outline's "số liệu minh họa"
 * (figures that illustrate a point, a sentence of the source document) and the indicators' own
 * source lines — which stay whatever the dataset's status.
 */
export async function illustrativeMarks(file: string, dataset: Pick<Dataset, 'indicators'>): Promise<string[]> {
  const own = [...new Set(dataset.indicators.map((i) => i.source.replace(/\s+/g, ' ')))];
  const found: string[] = [];
  for (const [part, text] of Object.entries(await partTexts(file))) {
    let rest = text.replace(/số liệu minh họa tại các mục đánh giá/g, '');
    for (const source of own) rest = rest.split(source).join('');
    for (const m of rest.matchAll(/.{0,40}minh họa.{0,40}/giu)) found.push(`${part}: ${m[0]}`);
  }
  return found;
}
