// `npm run test:bench`: runs `npm run bench` as the README tells, at a tiny size (20 documents, a
// 3 units × 2 indicators data set, one build of each site, and the rebuild measures), so that the
// benchmark — the project, bare Astro, Starlight and Hugo in one run — cannot break unnoticed. Not in
// `npm test`: it installs Starlight (npm) and Hugo (apt-get) when missing and builds seven sites,
// a few minutes on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bench-nho-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Saved {
  results: { corpus: string; site: string; pages: number; totalSeconds: number; p95: number; distMb: number; largestPageKb: number; build: { peakMb: number }; stopped?: boolean[] }[];
  rebuilds: { corpus: string; site: string; full: number[]; again: number[] }[];
  peerVersions: Record<string, string>;
}

describe('npm run bench at 20 documents', () => {
  it('builds the project, bare Astro, Starlight and Hugo, measures rebuilds and writes the report', () => {
    const out = join(work, 'benchmarks.md');
    const run = spawnSync('npm', ['run', 'bench', '--', '--sizes', '20', '--data', '3x2', '--processors', 'satteri', '--rebuild', '--out', out], {
      cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_DIR: join(work, 'cay') }, timeout: 900_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    const saved = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8')) as Saved;
    const of = (site: string) => saved.results.find((r) => r.corpus === '20 văn bản' && r.site === site);
    for (const site of ['dự án', 'Astro + MDX trần', 'Starlight', 'Hugo']) {
      const result = of(site);
      expect(result, site).toBeDefined();
      // Every site publishes the 20 documents (and pages of its own: home, 404, the project's others).
      expect(result!.pages, site).toBeGreaterThanOrEqual(21);
      expect(result!.totalSeconds, site).toBeGreaterThan(0);
      expect(result!.build.peakMb, site).toBeGreaterThan(10);
      expect(result!.distMb, site).toBeGreaterThan(0);
      expect(result!.largestPageKb, site).toBeGreaterThan(0);
      // A search index was built and answered: a latency was measured.
      expect(result!.p95, site).toBeGreaterThan(0);
    }
    expect(saved.peerVersions.starlight).toMatch(/^@astrojs\/starlight \d+\.\d+\.\d+/);
    expect(saved.peerVersions.hugo).toMatch(/^Hugo \d+\.\d+/);
    expect(saved.results.some((r) => r.corpus.startsWith('3 đơn vị × 2 chỉ tiêu'))).toBe(true);
    for (const [corpus, site] of [['trang thật', 'dự án'], ['trang thật', 'Astro + MDX trần'], ['20 văn bản', 'dự án'], ['20 văn bản', 'Astro + MDX trần']]) {
      const rebuild = saved.rebuilds.find((r) => r.corpus === corpus && r.site === site);
      expect(rebuild, `${corpus} ${site}`).toBeDefined();
      expect(rebuild!.full[0]).toBeGreaterThan(0);
      expect(rebuild!.again[0]).toBeGreaterThan(0);
    }
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## So với Starlight và Hugo');
    expect(md).toMatch(/\| 20 văn bản \| Starlight \| [\d,]+ \| [\d,]+× \| [\d,]+× \|/);
    expect(md).toMatch(/\| 20 văn bản \| Hugo \| [\d,]+ \| [\d,]+× \| [\d,]+× \|/);
    expect(md).toContain('## Dựng lại sau khi một tệp nội dung đổi');
    expect(md).toMatch(/\| trang thật \| dự án \| một số liệu của một đơn vị/);
    // The real site's bare counterpart: as many synthetic documents as content/van-ban/ holds (3).
    expect(md).toMatch(/\| trang thật \| Astro \+ MDX trần \| một văn bản thêm một đoạn \(3 văn bản tổng hợp, bằng số văn bản của trang thật\)/);
    expect(md).toMatch(/^- trang thật: phần riêng của dự án \(dự án trừ trang trần\) -?[\d,]+ s khi dựng đủ, -?[\d,]+ s khi dựng lại \(/m);
    // The bench leaves the project's own content as it was: it works on copies.
    expect(existsSync(join(root, 'content/van-ban/van-ban-00001.mdx'))).toBe(false);
  }, 1_000_000);

  it('stops a peer at its time limit and reports its time as a bound', () => {
    // A limit of a tenth of the project's time stops Starlight while Astro is still starting.
    const out = join(work, 'gioi-han.md');
    const run = spawnSync('npm', ['run', 'bench', '--', '--sizes', '20', '--data', 'none', '--processors', 'satteri', '--peers', 'starlight', '--peer-limit', '0.1', '--out', out], {
      cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_DIR: join(work, 'gioi-han') }, timeout: 600_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    expect(run.stdout).toMatch(/Starlight · mặc định … dừng ở giới hạn [\d.]+ s \(0\.1× thời gian dự án\), chưa xong/);
    const saved = JSON.parse(readFileSync(out.replace(/\.md$/, '.json'), 'utf8')) as Saved & { peerLimit: number };
    expect(saved.peerLimit).toBe(0.1);
    const starlight = saved.results.find((r) => r.site === 'Starlight')!;
    const project = saved.results.find((r) => r.site === 'dự án')!;
    expect(starlight.stopped).toEqual([true]);
    expect(starlight.totalSeconds).toBeCloseTo(project.totalSeconds * 0.1, 5);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/\| 20 văn bản \| Starlight \| > [\d,]+ \| > [\d,]+× \| < [\d,]+× \|/);
    // Stopped before twice the project's time: "at most half" cannot be settled either way.
    expect(md).toContain('(chưa kết luận được; ≤ 0,500×)');
  }, 700_000);
});
