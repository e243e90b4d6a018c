// Text from data files is always text: a build whose unit and indicator names hold <script> and
// an onerror handler shows them literally, and nothing runs (checked in Chromium).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawCharts, openPage, useSiteInBrowser } from '../helpers/browser';
import { copyProject, runIn } from '../helpers/project-copy';

const SHORT = 'Biên Hòa</script><script>window.__xss=1</script>';
const NAME = 'LĐLĐ <img src=x onerror="window.__xss=2"> Biên Hòa';
const INDICATOR = 'Kết nạp <script>window.__xss=3</script> đoàn viên';

let dir = '';
beforeAll(() => {
  dir = copyProject('congdoan-xss-');
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const unit = join(dir, 'content/don-vi/bien-hoa.yaml');
  writeFileSync(unit, readFileSync(unit, 'utf8').replace(/^name: .*$/m, `name: ${quote(NAME)}`).replace(/^shortName: .*$/m, `shortName: ${quote(SHORT)}`));
  const indicator = join(dir, 'content/chi-tieu/phat-trien-doan-vien.yaml');
  writeFileSync(indicator, readFileSync(indicator, 'utf8').replace(/^name: .*$/m, `name: ${quote(INDICATOR)}`));
  // The build as the README gives it (npm run build): the pages then register a worker that exists.
  const build = runIn(dir, ['scripts/build.mjs']);
  expect(build.status, build.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Registered after the build above, so it serves that build's dist/.
const site = useSiteInBrowser(() => join(dir, 'dist'));

describe('data text is escaped', () => {
  test.each(['/chi-tieu/phat-trien-doan-vien/', '/don-vi/bien-hoa/', '/chi-tieu/', '/chuong-trinh/09-ctr-ldld-2018/'])('%s', async (path) => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.origin}${path}`);
    await drawCharts(page);
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
