// The site builds with Astro's Sätteri processor by default and can build with unified (remark
// and rehype). Both run the same transforms; this builds the site with unified and checks that
// every document and programme page is identical to the default build.
import { describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './helpers/dist';
import { copyProject, runIn } from './helpers/project-copy';

const DIST = process.env.DIST_DIR ?? 'dist';
// Asset file names carry content hashes that differ between two builds; the pages must not.
const normalise = (html: string) => html.replace(/\/_astro\/[^"']+/g, '/_astro/…');

describe('unified and Sätteri give the same pages', () => {
  test('documents, programmes, the citation register and the notices are identical', () => {
    const dir = copyProject('congdoan-unified-');
    try {
      const build = runIn(dir, ['node_modules/.bin/astro', 'build'], { MARKDOWN_PROCESSOR: 'unified' });
      expect(build.status, build.stderr).toBe(0);
      // Every page under /van-ban/, /chuong-trinh/ and /van-ban-dan-chieu/, list pages included, and the
      // notices' page (their MDX bodies, compiled with `optimize` under Sätteri only).
      const pages = htmlFiles(DIST).filter((file) => /^(van-ban|chuong-trinh|van-ban-dan-chieu|thong-bao)\//.test(file));
      expect(pages.length).toBeGreaterThanOrEqual(14);
      for (const page of pages) {
        expect(normalise(readFileSync(join(dir, 'dist', page), 'utf8')), page).toBe(normalise(readFileSync(join(DIST, page), 'utf8')));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
