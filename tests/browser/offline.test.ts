// Reading offline, in real Chromium, as an officer would: the built site served by the tests' static
// server, one visit to the home page and to the unit's page (opening its Excel and Word files), then
// no network. The guidance, the unit list, the unit's page and its files open; a page never opened
// gets the offline page; the form check's own test (form-check.test.ts) checks a form offline.
// Then a new build is published (a copy of dist/ with a document and the unit's page changed and
// its service worker generated again by the build's own step, scripts/service-worker.ts): the
// new worker replaces what was kept, the new text shows offline, and the old copy of the unit's page
// is gone. No request leaves the site and the Content-Security-Policy reports nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser';
import { serveDist } from '../helpers/static-server';
import { routes } from '../../src/lib/site/routes';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const UNIT = 'bien-hoa';
const DOCUMENT = 'ke-hoach-so-ket';
const NEW_TEXT = 'Đoạn thêm ở bản dựng mới';

let work = '';
let served = '';
let browser: Browser;
let server: { origin: string; close: () => Promise<void> };

/** Points the served folder at `dir`, as a deployment replaces the site in one step. */
function publish(dir: string) {
  const next = `${served}.next`;
  symlinkSync(dir, next);
  renameSync(next, served);
}

/** The precache list a built worker holds. */
const precacheOf = (dir: string) => JSON.parse(/\[\{"url":.*?\}\]/s.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![0]) as { url: string; revision: string | null }[];
const buildIdOf = (dir: string) => /bản dựng ([0-9a-f]{12})/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]!;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'soket-ngoai-tuyen-'));
  const first = join(work, 'a');
  const second = join(work, 'b');
  cpSync(DIST, first, { recursive: true });
  // The next build: a paragraph added to a precached document and to the unit's page (kept once opened).
  cpSync(DIST, second, { recursive: true });
  for (const page of [`van-ban/${DOCUMENT}/index.html`, `don-vi/${UNIT}/index.html`]) {
    const file = join(second, page);
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, html.replace(/(<h1[^>]*>)/, `<p data-moi>${NEW_TEXT}</p>$1`));
  }
  execFileSync(process.execPath, ['scripts/service-worker.ts'], { env: { ...process.env, DIST_DIR: second }, stdio: 'pipe' });
  served = join(work, 'dang-phuc-vu');
  symlinkSync(first, served);
  server = await serveDist(served);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens a link that downloads and returns the bytes received. */
async function download(page: Page, href: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href="${href}"][download]`).first().click()]);
  const path = join(work, `tai-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return readFileSync(path);
}

const h1 = (page: Page) => page.locator('h1').first().textContent();
const offlineTitle = 'Không có kết nối mạng';

describe('after one visit, with no network', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const requests: string[] = [];
  const failed: string[] = [];

  beforeAll(async () => {
    ({ page, errors } = await openPage(browser, { serviceWorker: true }));
    context = page.context();
    context.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('one visit: the worker installs and keeps the site; the unit\'s page and its files are opened once', async () => {
    await page.goto(`${server.origin}/`);
    await page.locator('html[data-offline-ready="true"]').waitFor({ timeout: 60_000 });
    const kept = await page.evaluate(async () => {
      const names = await caches.keys();
      const precache = names.find((n) => n.includes('-precache-'))!;
      return (await (await caches.open(precache)).keys()).map((r) => new URL(r.url).pathname);
    });
    for (const url of precacheOf(join(work, 'a')).map((e) => e.url)) expect(kept, url).toContain(url);
    await page.goto(`${server.origin}${routes.unit(UNIT)}`);
    expect(await h1(page)).toContain('Biên Hòa');
    await download(page, routes.form(UNIT, 'xlsx'));
    await download(page, routes.draftReport(UNIT));
  });

  test('the documents, the unit list, the unit\'s page and its Excel and Word files open offline', async () => {
    await context.setOffline(true);
    failed.length = 0;
    for (const id of ['ke-hoach-so-ket', 'de-cuong-bao-cao', 'cong-van-xin-y-kien']) {
      const response = await page.goto(`${server.origin}${routes.document(id)}`);
      expect(response?.status(), id).toBe(200);
      const built = /<h1[^>]*>([^<]+)/.exec(readFileSync(join(DIST, 'van-ban', id, 'index.html'), 'utf8'))![1]!;
      expect(await h1(page), id).toContain(built.trim());
      // The page's fonts came from the kept copies too.
      expect(await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length), id).toBeGreaterThan(0);
    }
    await page.goto(`${server.origin}${routes.units()}`);
    expect(await page.locator(`a[href="${routes.unit(UNIT)}"]`).count()).toBeGreaterThan(0);
    await page.goto(`${server.origin}${routes.unit(UNIT)}`);
    expect(await h1(page)).toContain('Biên Hòa');
    expect(await download(page, routes.form(UNIT, 'xlsx'))).toEqual(readFileSync(join(DIST, routes.form(UNIT, 'xlsx'))));
    expect(await download(page, routes.draftReport(UNIT))).toEqual(readFileSync(join(DIST, routes.draftReport(UNIT))));
    await page.goto(`${server.origin}${routes.formCheck(UNIT)}`);
    await page.locator('html[data-form-check-ready="true"]').waitFor();
    expect(await page.locator('#don-vi-cua-ban').inputValue()).toBe(UNIT);
    expect(failed).toEqual([]);
  });

  test('a page never opened, another unit\'s page and its file get the offline page, in Vietnamese, with the way back', async () => {
    for (const path of [routes.indicators(), routes.unit('long-thanh'), routes.form('long-thanh', 'xlsx'), routes.search()]) {
      await page.goto(`${server.origin}${path}`);
      expect(await h1(page), path).toBe(offlineTitle);
      expect(await page.locator(`main a[href="${routes.documents()}"]`).count(), path).toBe(1);
    }
    await page.locator(`main a[href="${routes.documents()}"]`).click();
    await page.waitForURL(`${server.origin}${routes.documents()}`);
    expect(await h1(page)).not.toBe(offlineTitle);
  });

  test('no request left the site, and nothing broke the Content-Security-Policy or the console', () => {
    expect(requests.length).toBeGreaterThan(30);
    expect(requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('blob:'))).toEqual([]);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
  });
});

describe('a new build replaces what was kept', () => {
  test('the new worker takes over, the new text shows offline, and no copy of the old build survives', async () => {
    const { page, errors } = await openPage(browser, { serviceWorker: true });
    const context = page.context();
    try {
      const oldId = buildIdOf(join(work, 'a'));
      const newId = buildIdOf(join(work, 'b'));
      expect(newId).not.toBe(oldId);
      publish(join(work, 'a'));
      await page.goto(`${server.origin}/`);
      await page.locator('html[data-offline-ready="true"]').waitFor({ timeout: 60_000 });
      await page.goto(`${server.origin}${routes.unit(UNIT)}`);
      expect(await page.evaluate(() => caches.keys())).toContain(`soket-don-vi-${oldId}`);

      // Deployed: the next visit finds the new worker (here asked for at once, as a browser does
      // on navigation), which installs the changed files and takes over.
      publish(join(work, 'b'));
      await page.goto(`${server.origin}/`);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const revision = precacheOf(join(work, 'b')).find((e) => e.url === routes.document(DOCUMENT))!.revision!;
      const oldRevision = precacheOf(join(work, 'a')).find((e) => e.url === routes.document(DOCUMENT))!.revision!;
      expect(revision).not.toBe(oldRevision);
      // Activated: the old build's runtime caches deleted, the document's old revision dropped.
      const documentKeys = async () => page.evaluate(async (path) => {
        const names = await caches.keys();
        const precache = names.find((n) => n.includes('-precache-'))!;
        return { names, keys: (await (await caches.open(precache)).keys()).map((r) => r.url).filter((u) => new URL(u).pathname === path) };
      }, routes.document(DOCUMENT));
      const expected = [`${server.origin}${routes.document(DOCUMENT)}?__WB_REVISION__=${revision}`];
      const deadline = Date.now() + 60_000;
      let state = await documentKeys();
      while ((state.names.some((n) => n.endsWith(oldId)) || JSON.stringify(state.keys) !== JSON.stringify(expected)) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        state = await documentKeys();
      }
      expect(state.names.filter((n) => n.endsWith(oldId))).toEqual([]);
      expect(state.keys).toEqual(expected);

      await context.setOffline(true);
      await page.goto(`${server.origin}${routes.document(DOCUMENT)}`);
      expect(await page.locator('[data-moi]').textContent()).toBe(NEW_TEXT);
      // The unit's page kept from the old build is gone with its cache: offline it is the offline
      // page until opened again online, never the old figures.
      await page.goto(`${server.origin}${routes.unit(UNIT)}`);
      expect(await h1(page)).toBe(offlineTitle);
      await context.setOffline(false);
      await page.goto(`${server.origin}${routes.unit(UNIT)}`);
      expect(await page.locator('[data-moi]').textContent()).toBe(NEW_TEXT);
      await context.setOffline(true);
      await page.goto(`${server.origin}${routes.unit(UNIT)}`);
      expect(await page.locator('[data-moi]').textContent()).toBe(NEW_TEXT);
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the form check\'s own worker of earlier builds', () => {
  test('is retired by the next visit: its copies deleted, the site\'s worker serves the check page offline', async () => {
    // The site as it was: the check page's own worker (scope /kiem-tra-bieu-mau/), no /sw.js.
    const old = join(work, 'cu');
    cpSync(join(work, 'a'), old, { recursive: true });
    rmSync(join(old, 'sw.js'));
    writeFileSync(join(old, 'kiem-tra-bieu-mau', 'sw.js'), readFileSync('tests/fixtures/old-form-check-sw.js'));
    const { page, errors } = await openPage(browser, { serviceWorker: true });
    const context = page.context();
    try {
      publish(old);
      await page.goto(`${server.origin}${routes.formCheck()}`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.register('/kiem-tra-bieu-mau/sw.js', { scope: '/kiem-tra-bieu-mau/' });
        const registration = await navigator.serviceWorker.getRegistration('/kiem-tra-bieu-mau/');
        const worker = registration!.active ?? (await new Promise<ServiceWorker>((done) => {
          const w = (registration!.installing ?? registration!.waiting)!;
          w.addEventListener('statechange', () => w.state === 'activated' && done(w));
        }));
        await new Promise<void>((done) => {
          navigator.serviceWorker.addEventListener('message', () => done(), { once: true });
          worker.postMessage({ cache: [location.pathname] });
        });
      });
      expect(await page.evaluate(() => caches.keys())).toContain('kiem-tra-bieu-mau');

      publish(join(work, 'a'));
      await page.goto(`${server.origin}${routes.formCheck()}`);
      await page.evaluate(() => navigator.serviceWorker.getRegistration('/kiem-tra-bieu-mau/').then((r) => r?.update()));
      const state = async () => page.evaluate(async () => ({
        scopes: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname),
        caches: await caches.keys(),
      }));
      const deadline = Date.now() + 60_000;
      let now = await state();
      while ((now.scopes.join() !== '/' || now.caches.includes('kiem-tra-bieu-mau')) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        if (!now.scopes.includes('/')) await page.goto(`${server.origin}${routes.formCheck()}`);
        now = await state();
      }
      expect(now.scopes).toEqual(['/']);
      expect(now.caches).not.toContain('kiem-tra-bieu-mau');
      await page.goto(`${server.origin}${routes.formCheck()}`);
      await page.locator('html[data-form-check-offline="true"]').waitFor({ timeout: 60_000 });
      await context.setOffline(true);
      await page.reload();
      await page.locator('html[data-form-check-ready="true"]').waitFor();
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|404/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('installing the site', () => {
  test('Chromium reads the manifest without error and finds nothing against installing', async () => {
    const { page } = await openPage(browser, { serviceWorker: true });
    try {
      publish(join(work, 'a'));
      await page.goto(`${server.origin}/`);
      await page.locator('html[data-offline-ready="true"]').waitFor({ timeout: 60_000 });
      const cdp = await page.context().newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
      expect(manifest.url).toBe(`${server.origin}${routes.webManifest()}`);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
