// Real Chromium for browser tests: the one shipped inside @sparticuz/chromium (no system install),
// or CHROMIUM_PATH when set. Every page records console errors and every request it makes.
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';
import { afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serveDist } from './static-server';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await sparticuz.executablePath());
  // Its Lambda flags include --single-process, which ends the browser when the first context closes.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath, args, headless: true });
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  requests: string[];
}

/** `bypassCSP` only for injecting test tools (axe-core); every other test runs under the site's policy. */
export async function openPage(browser: Browser, options: { width?: number; bypassCSP?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1024, height: 800 }, locale: 'vi-VN', bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
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
