// Real Chromium for browser tests: the one shipped inside @sparticuz/chromium (no system install),
// or CHROMIUM_PATH when set. Every page records console errors and every request it makes.
// Chromium finds fonts through fontconfig; it is given a configuration that offers no system font
// (noSystemFontsConfig), so no test result depends on the fonts of the machine it runs on.
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { serveDist } from './static-server';
import { keptFolder } from './kept-folder';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (WCAG 2.1 A and AA, and best practice), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

// The last-resort font fontconfig offers: from npm, the one the chart PNGs are drawn with.
const FALLBACK_FONTS = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'].map((f) => require.resolve(`@expo-google-fonts/noto-sans/${f}`));

let fontConfigFile: string | undefined;
/**
 * A fontconfig file that offers no system font: its one font directory holds only Noto Sans from
 * npm (Chromium given no font at all draws no text, not even with web fonts). Pages draw with the
 * web fonts the site ships (src/styles/fonts.css); a character those lack falls back to Noto Sans on
 * every machine alike, never to the machine's DejaVu, Liberation or Times New Roman.
 * Its folder is named after the fonts and kept (keptFolder): one per browser test process left a
 * folder behind for every browser test file of every run. fontconfig writes its cache atomically.
 */
export function noSystemFontsConfig(): string {
  if (fontConfigFile) return fontConfigFile;
  const dir = keptFolder('soket-fontconfig', FALLBACK_FONTS.join('\n'), (fresh, dir) => {
    mkdirSync(join(fresh, 'fonts'));
    for (const font of FALLBACK_FONTS) symlinkSync(font, join(fresh, 'fonts', basename(font)));
    // The final paths: fontconfig reads the file once the folder is renamed.
    writeFileSync(join(fresh, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`);
  });
  const file = join(dir, 'fonts.conf');
  fontConfigFile = file;
  return file;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await sparticuz.executablePath());
  // Its Lambda flags include --single-process, which ends the browser when the first context closes.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  // The site preloads its fonts (src/components/FontPreloads.astro), and Chromium holds a page's
  // first paint for preloaded fonts, but only 100 ms; two test files on two busy cores miss that
  // now and then, and the fonts then swap in after the first paint, shifting the layout. Here the
  // wait is 10 s: pages are first drawn in the shipped fonts, as on a reader's fast connection.
  const RENDER_BLOCKING_FONTS = 'RenderBlockingFonts:max-fcp-delay/10000/max-blocking-time/10000';
  const features = args.findIndex((arg) => arg.startsWith('--enable-features='));
  if (features >= 0) args[features] = `${args[features]},${RENDER_BLOCKING_FONTS}`;
  else args.push(`--enable-features=${RENDER_BLOCKING_FONTS}`);
  // FONTCONFIG_PATH would still let fontconfig read the system's /etc/fonts/conf.d; FONTCONFIG_FILE
  // names the one file it reads.
  const env = { ...process.env, FONTCONFIG_FILE: noSystemFontsConfig() } as Record<string, string>;
  delete env.FONTCONFIG_PATH;
  delete env.FONTCONFIG_SYSROOT;
  return playwright.launch({ executablePath, args, headless: true, env });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  requests: string[];
}

/**
 * `bypassCSP` only for injecting test tools (axe-core); every other test runs under the site's policy.
 * `serviceWorker`: let the site's worker register and fill its cache (the offline tests). Other
 * tests block it: each new context would otherwise download the whole precache (32 files, 764 KB)
 * while the test runs, which nearly doubled the browser tests' time on two cores.
 */
export async function openPage(browser: Browser, options: { width?: number; bypassCSP?: boolean; serviceWorker?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 }, locale: 'vi-VN', bypassCSP: options.bypassCSP ?? false, serviceWorkers: options.serviceWorker ? 'allow' : 'block',
  });
  const page = await context.newPage();
  // A page is looked at as a reader sees it once its fonts are in: the site's fonts swap in when
  // they arrive (font-display: swap), and 'load' may come a moment before they have.
  const goto = page.goto.bind(page);
  page.goto = async (url, gotoOptions) => {
    const response = await goto(url, gotoOptions);
    await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
    return response;
  };
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  return { page, errors, requests };
}

/** Scrolls each chart into view and waits until it has drawn (charts draw only when visible). */
export async function drawCharts(page: Page): Promise<void> {
  for (const figure of await page.locator('figure[data-chart]').all()) {
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('xpath=.').and(page.locator('[data-drawn="true"]')).waitFor();
  }
}

/**
 * The built site served on localhost and one Chromium for a test file: hooks registered here,
 * values read after they ran. `dist` is read in beforeAll, so a file may build its own site first.
 */
export function useSiteInBrowser(dist: () => string | undefined = () => undefined): { readonly browser: Browser; readonly origin: string } {
  let browser: Browser | undefined;
  let server: { origin: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveDist(dist());
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium chưa khởi động');
      return browser;
    },
    get origin() {
      if (!server) throw new Error('máy chủ chưa chạy');
      return server.origin;
    },
  };
}
