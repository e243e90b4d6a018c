// Real Chromium for browser tests: the one shipped inside @sparticuz/chromium (no system install),
// or CHROMIUM_PATH when set. Every page records console errors and every request it makes.
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import sparticuz from '@sparticuz/chromium';

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
