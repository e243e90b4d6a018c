// Every fact on a programme page must come from the source text: its title, number, date and goals
// must stand on the source lines its front matter names.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const root = join(import.meta.dirname, '..');
const sourceLines = readFileSync(join(root, 'content/nguon/van-ban-goc.txt'), 'utf8').split('\n');
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const dir = join(root, 'content/chuong-trinh');

interface Programme {
  number: string;
  symbol: string;
  issueDate: string;
  title: string;
  goals?: string[];
  provenance: number[];
}

const programmes = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .map((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    return { file, data: yaml.load(frontMatter) as Programme };
  });

describe('programme facts come from the source', () => {
  it('has the eight programmes the documents cite', () => {
    expect(programmes.map((p) => `${p.data.number}/${p.data.symbol}`).sort()).toEqual(
      ['07/CTr-LĐLĐ', '08/CTr-LĐLĐ', '09/CTr-LĐLĐ', '1306/CTr-TLĐ', '1563/CTr-TLĐ', '1734/CTr-TLĐ', '2494/CTr-TLĐ', '740/CTr-TLĐ'].sort(),
    );
  });

  it.each(programmes.map((p) => [p.file, p.data] as const))('%s: number, date, title and goals stand on its provenance lines', (_file, data) => {
    const cited = data.provenance.map((n) => squash(sourceLines[n - 1] ?? ''));
    const all = cited.join(' ');
    expect(all).toContain(`${data.number}/${data.symbol}`);
    const [y, m, d] = data.issueDate.split('-').map(Number);
    const dateForms = [`${d}/${m}/${y}`, `${String(d).padStart(2, '0')}/${m}/${y}`, `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`];
    expect(dateForms.some((form) => cited[0]?.includes(`ngày ${form}`))).toBe(true);
    expect(cited[0]).toContain(squash(data.title));
    for (const goal of data.goals ?? []) {
      expect(cited.some((line) => line.replace(/^[-+]\s*/, '') === squash(goal))).toBe(true);
    }
  });
});
