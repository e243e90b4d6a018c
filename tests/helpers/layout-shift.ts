// Cumulative Layout Shift as Chromium reports it: every 'layout-shift' entry of the page
// (PerformanceObserver, buffered, from before the first paint) not caused by the reader's own
// input, summed, with the elements that moved so a failure says where to look.
import type { BrowserContext, Page } from 'playwright-core';

interface Shift {
  value: number;
  sources: string[];
}

/** Starts recording in every page of the context (before any of the page's own script runs). */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __layoutShifts: typeof shifts }).__layoutShifts = shifts;
    const name = (node: Node | null) => {
      if (!(node instanceof Element)) return node ? node.nodeName : '?';
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] }[]) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => name(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * Opens `url`, then scrolls through the whole page a screen at a time as a reader would (charts
 * draw when they come into view; the contents highlighter marks sections), and returns the page's
 * CLS and the shifts that make it up.
 */
export async function layoutShiftOf(page: Page, url: string, ready?: (page: Page) => Promise<void>): Promise<{ cls: number; shifts: Shift[] }> {
  await page.goto(url, { waitUntil: 'load' });
  if (ready) await ready(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = Math.round((page.viewportSize()?.height ?? 800) * 0.75);
  for (let y = 0; y <= height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await page.waitForTimeout(200);
  const shifts = await page.evaluate(() => (window as unknown as { __layoutShifts: Shift[] }).__layoutShifts);
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}
