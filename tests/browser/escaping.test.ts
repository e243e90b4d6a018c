// Text from data files is always text: a build whose unit and indicator names hold <script> and
// an onerror handler shows them literally, and nothing runs (checked in Chromium).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { serveDist } from '../helpers/static-server';
import { launchBrowser, openPage } from '../helpers/browser';

const SHORT = 'Biên Hòa</script><script>window.__xss=1</script>';
const NAME = 'LĐLĐ <img src=x onerror="window.__xss=2"> Biên Hòa';
const INDICATOR = 'Kết nạp <script>window.__xss=3</script> đoàn viên';

let dir = '';
let browser: Browser;
let server: { origin: string; close: () => Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'congdoan-xss-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts']) cpSync(entry, join(dir, entry), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const unit = join(dir, 'content/don-vi/bien-hoa.yaml');
  writeFileSync(unit, readFileSync(unit, 'utf8').replace(/^name: .*$/m, `name: ${quote(NAME)}`).replace(/^shortName: .*$/m, `shortName: ${quote(SHORT)}`));
  const indicator = join(dir, 'content/chi-tieu/phat-trien-doan-vien.yaml');
  writeFileSync(indicator, readFileSync(indicator, 'utf8').replace(/^name: .*$/m, `name: ${quote(INDICATOR)}`));
  const build = spawnSync(process.execPath, ['node_modules/.bin/astro', 'build'], { cwd: dir, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  server = await serveDist(join(dir, 'dist'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('data text is escaped', () => {
  test.each(['/chi-tieu/phat-trien-doan-vien/', '/don-vi/bien-hoa/', '/chi-tieu/', '/chuong-trinh/09-ctr-ldld-2018/'])('%s', async (path) => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.origin}${path}`);
    for (const figure of await page.locator('figure[data-chart]').all()) {
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('xpath=.').and(page.locator('[data-drawn="true"]')).waitFor();
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const text = await page.locator('main').textContent();
    if (path !== '/don-vi/bien-hoa/') expect(text).toContain(INDICATOR);
    if (path.startsWith('/chi-tieu/phat')) expect(text).toContain(SHORT);
    if (path === '/don-vi/bien-hoa/') expect(await page.locator('h1').textContent()).toBe(NAME);
    expect(await page.locator('main script:not([type="application/json"]), main img[onerror]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
