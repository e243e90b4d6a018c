// With only the fonts the site ships (the browser's fontconfig offers no system font:
// tests/helpers/browser.ts), every page type draws its text in Tinos and Arimo, loaded from /_astro/.
import { describe, expect, test } from 'vitest';
import { openPage, useSiteInBrowser } from '../helpers/browser';
import { pdfFontNames, printPdf } from '../helpers/pdf-text';

const site = useSiteInBrowser();

const PAGES = ['/', '/van-ban/', '/van-ban/ke-hoach-so-ket/', '/van-ban/cong-van-xin-y-kien/', '/chuong-trinh/', '/chuong-trinh/2494-ctr-tld-2018/', '/van-ban-dan-chieu/', '/chi-tieu/', '/chi-tieu/phat-trien-doan-vien/', '/don-vi/', '/don-vi/cam-my/', '/tinh-hinh-bao-cao/', '/tim-kiem/?q=c%C3%B4ng%20%C4%91o%C3%A0n', '/khong-co-trang-nay/'];
// Text that is one of the symbols the subsets lack (tests/fonts.test.ts) is drawn from the fallback.
const SYMBOLS = /^[\s←→▲▼◇○●✓]*$/;

describe('pages are drawn with the shipped fonts', () => {
  for (const width of [360, 1280]) {
    test(`every page type at ${width} px: each text element's glyphs come from Tinos or Arimo`, async () => {
      const { page } = await openPage(site.browser, { width });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const problems: string[] = [];
      let checked = 0;
      for (const path of PAGES) {
        await page.goto(`${site.origin}${path}`);
        // No face the page uses failed to load.
        const failed = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`));
        if (failed.length) problems.push(`${path}: ${failed.join(', ')} failed`);
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body :is(p, h1, h2, h3, li, td, th, caption, a, label, summary, figcaption, button, span, strong, em, dt, dd)' });
        for (const nodeId of nodeIds) {
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
          if (!fonts.length) continue;
          checked += 1;
          const foreign = fonts.filter((f) => !f.isCustomFont || !['Tinos', 'Arimo'].includes(f.familyName));
          if (!foreign.length) continue;
          const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
          const text = outerHTML.replace(/<[^>]+>/g, '');
          // Only the symbols the subsets lack may come from elsewhere, and then only those glyphs
          // (a <summary> also draws its disclosure triangle, one more).
          const allowed = [...text].filter((c) => SYMBOLS.test(c) && c.trim()).length + (outerHTML.startsWith('<summary') ? 1 : 0);
          if (foreign.reduce((n, f) => n + f.glyphCount, 0) <= allowed) continue;
          problems.push(`${path} ${outerHTML.slice(0, 80)}: ${foreign.map((f) => `${f.familyName} (${f.glyphCount})`).join(', ')}`);
        }
      }
      expect(checked).toBeGreaterThan(500);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  // Printing embeds the same files: the outline has body text, bold, italic and headings. Hinting,
  // which the shipped files no longer carry (scripts/fonts.ts), plays no part in a PDF.
  test('a printed page (PDF) embeds Tinos and Arimo in each face it uses, and no other font', async () => {
    const fonts = pdfFontNames(await printPdf(site.browser, `${site.origin}/van-ban/de-cuong-bao-cao/`));
    expect(fonts).toEqual(expect.arrayContaining(['Arimo-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-Regular']));
    expect(fonts.filter((f) => !/^(Tinos|Arimo)-(Regular|Bold|Italic|BoldItalic)$/.test(f))).toEqual([]);
  }, 120_000);

  // The pages preload only the core files (scripts/fonts.ts); a character outside them, which another
  // edition's text may hold, must still be drawn in Tinos, from the whole file, fetched for it.
  test('a page fetches only core files; a character outside them is drawn in Tinos from the whole file, fetched then', async () => {
    const { page, requests } = await openPage(site.browser, { width: 360 });
    const fonts = () => requests.filter((u) => u.endsWith('.woff2')).map((u) => u.replace(/^.*\/_astro\//, '').replace(/\.[\w-]+\.woff2$/, ''));
    await page.goto(`${site.origin}/van-ban/de-cuong-bao-cao/`);
    expect(fonts().length).toBeGreaterThanOrEqual(8);
    expect(fonts().filter((f) => !f.endsWith('-core'))).toEqual([]);
    await page.evaluate(() => {
      const p = Object.assign(document.createElement('p'), { id: 'ngoai-loi', textContent: 'Müller, Straße, 10 m², ¼ ha, Œuvre' });
      document.querySelector('main p')!.after(p);
    });
    await expect.poll(() => fonts().filter((f) => !f.endsWith('-core')), { timeout: 10_000 }).toEqual(['tinos-latin-400-normal']);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#ngoai-loi' });
    const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(used.map((f) => `${f.familyName} ${f.isCustomFont}`)).toEqual(['Tinos true']);
    await page.context().close();
  }, 60_000);
});
