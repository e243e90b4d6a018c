// scripts/pagefind.mjs folds pages in place while Pagefind reads them, then writes the originals
// back: the published HTML must come out byte for byte as Astro wrote it, even when indexing fails.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { htmlFiles } from './helpers/dist';

const dist = join(import.meta.dirname, '..', 'dist');
const script = join(import.meta.dirname, '..', 'scripts', 'pagefind.mjs');

/** A small copy of the built site: a few pages of each kind, and the search page (no Pagefind body). */
function smallSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pagefind-script-'));
  const files = htmlFiles(dist).filter((f) => /^(index\.html|404\.html|tim-kiem\/|van-ban\/|chuong-trinh\/07|chi-tieu\/index)/.test(f));
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
    const dir = smallSite();
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
    const dir = smallSite();
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

  test('no published page carries the folded copies', () => {
    for (const file of htmlFiles(dist)) expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/pf-fold|zzgapmo/);
  });
});
