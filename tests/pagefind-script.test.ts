// scripts/pagefind.mjs writes over each page what Pagefind is to read of it (its body, folded) while
// Pagefind reads them, then writes the originals back: the published HTML must come out byte for
// byte as Astro wrote it, even when indexing fails; and the index must be the one the whole pages give.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldedPage } from '../src/lib/search/fold-html';
import { VOCABULARY_FILE } from '../src/lib/search/suggest';
import { htmlFiles } from './helpers/dist';
import { treeDigest } from './red-team/harness';

const dist = join(import.meta.dirname, '..', 'dist');
const script = join(import.meta.dirname, '..', 'scripts', 'pagefind.mjs');

/** A small site: a few pages of each kind, and the search page (no Pagefind body). */
const SMALL = (file: string) => /^(index\.html|404\.html|tim-kiem\/|van-ban\/|chuong-trinh\/07|chi-tieu\/index)/.test(file);

/** A copy of the built site's pages, those `pages` selects (by default SMALL). */
function siteCopy(pages: (file: string) => boolean = SMALL): string {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-script-'));
  const files = htmlFiles(dist).filter(pages);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(dist, file), join(dir, file));
  }
  return dir;
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(htmlFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

const run = (dir: string) => spawnSync(process.execPath, [script], { env: { ...process.env, DIST_DIR: dir }, encoding: 'utf8' });

describe('scripts/pagefind.mjs', () => {
  test('indexes the pages with a Pagefind body and leaves every page as it was', () => {
    const dir = siteCopy();
    try {
      const before = hashes(dir);
      const result = run(dir);
      expect(result.status, result.stderr).toBe(0);
      expect(hashes(dir)).toEqual(before);
      const withBody = Object.keys(before).filter((f) => readFileSync(join(dir, f), 'utf8').includes('data-pagefind-body'));
      expect(withBody.length).toBeGreaterThan(3);
      expect(withBody.length).toBeLessThan(Object.keys(before).length);
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.vi.page_count).toBe(withBody.length);
      expect(result.stdout).toContain(`đã lập chỉ mục ${withBody.length} trang`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('when Pagefind cannot write the index, the build fails and the pages are restored', () => {
    const dir = siteCopy();
    try {
      const before = hashes(dir);
      // A file where the index directory should go: Pagefind's write fails after the pages were folded.
      writeFileSync(join(dir, 'pagefind'), 'not a directory');
      const result = run(dir);
      expect(result.status).not.toBe(0);
      expect(hashes(dir)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the body alone, without what Pagefind drops whole, and no page without a body give the index the whole folded pages give, byte for byte', () => {
    // Every page of the built site, each kind of page with its own excluded parts and lists.
    const site = siteCopy(() => true);
    const whole = mkdtempSync(join(tmpdir(), 'pagefind-whole-'));
    try {
      // The whole page with its body folded, as Pagefind was given it before it got the body alone
      // (with the parts marked data-pagefind-ignore="all" and the scripts), and the pages without a
      // body as they are.
      for (const file of htmlFiles(site)) {
        const html = readFileSync(join(site, file), 'utf8');
        mkdirSync(dirname(join(whole, file)), { recursive: true });
        const given = foldedPage(html, undefined, { keepExcluded: true });
        if (given === null) {
          writeFileSync(join(whole, file), html);
          continue;
        }
        const body = /<main[\s\S]*<\/main>/.exec(given)![0];
        writeFileSync(join(whole, file), html.replace(/<main[\s\S]*<\/main>/, () => body));
      }
      const pagefind = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
      const indexed = spawnSync(process.execPath, [pagefind, '--site', whole, '--output-path', join(whole, 'pagefind'), '--force-language', 'vi', '--quiet'], { encoding: 'utf8' });
      expect(indexed.status, indexed.stderr).toBe(0);
      const result = run(site);
      expect(result.status, result.stderr).toBe(0);
      const fromBody = treeDigest(join(site, 'pagefind'));
      // The vocabulary of suggestions is the site's own file, written after Pagefind.
      expect(fromBody.delete(VOCABULARY_FILE)).toBe(true);
      expect(fromBody.size).toBeGreaterThan(5);
      expect(fromBody).toEqual(treeDigest(join(whole, 'pagefind')));
      // What was left out is there to leave out: excluded parts, scripts, and pages without a body.
      const pages = htmlFiles(site).map((f) => readFileSync(join(site, f), 'utf8'));
      expect(pages.filter((html) => html.includes('data-pagefind-body') && html.includes('data-pagefind-ignore="all"')).length).toBeGreaterThan(20);
      expect(pages.filter((html) => !html.includes('data-pagefind-body')).length).toBeGreaterThan(3);
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(whole, { recursive: true, force: true });
    }
  });

  test('no page of the built site has a Pagefind attribute outside its Pagefind body', () => {
    // What Pagefind is given is the body alone (src/lib/search/fold-html.ts): a filter, a meta or a
    // sort set outside it would be lost from the index.
    let bodies = 0;
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(join(dist, file), 'utf8');
      const body = /<main[^>]*\sdata-pagefind-body[\s\S]*<\/main>/.exec(html);
      // A page without a body is not indexed at all, whatever it carries.
      if (!body) continue;
      bodies += 1;
      expect(html.slice(0, body.index) + html.slice(body.index + body[0].length), file).not.toMatch(/\sdata-pagefind-(?!ignore)[\w-]+/);
    }
    expect(bodies).toBeGreaterThan(20);
  });

  test('no published page carries the folded copies', () => {
    for (const file of htmlFiles(dist)) expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/pf-fold|zzgapmo/);
  });
});
