// A printed page read back as a person reads paper: each page's lines of text, top to bottom, with
// where they sit and how large they are. Read with pdfjs-dist (npm), not poppler, which a fresh
// machine does not have. Every print assertion of the layout tests goes through printPdf/pdfPages.
import type { Browser } from 'playwright-core';
import { openPage } from './browser';

export interface PdfLine {
  text: string;
  /** Left and right edges and the baseline, in points from the page's top-left corner. */
  left: number;
  right: number;
  top: number;
  /** The largest font size on the line, in points. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  /** The page's lines joined by newlines. */
  text: string;
}

/** The page at `url`, printed to A4 as Chromium's "Save as PDF" does. */
export async function printPdf(browser: Browser, url: string): Promise<Uint8Array> {
  const { page } = await openPage(browser);
  await page.goto(url);
  // The shipped fonts load with font-display: swap: print once they are in, as a reader's browser would.
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.context().close();
  return new Uint8Array(pdf);
}

/** Each page's lines: text items on one baseline (within 2 pt) joined left to right. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{
        str: item.str,
        x: item.transform[4] as number,
        top: height - (item.transform[5] as number),
        width: item.width,
        size: Math.hypot(item.transform[2] as number, item.transform[3] as number),
      }] : []));
      const rows: { top: number; items: typeof items }[] = [];
      for (const item of items) {
        const row = rows.find((r) => Math.abs(r.top - item.top) <= 2);
        if (row) row.items.push(item);
        else rows.push({ top: item.top, items: [item] });
      }
      rows.sort((a, b) => a.top - b.top);
      const lines = rows.flatMap((row): PdfLine[] => {
        const sorted = row.items.sort((a, b) => a.x - b.x);
        // Items further apart than 0.8 of a font size (more than a space, even a justified one) are two columns (the header block's two sides):
        // each is a line of its own, as a reader reads them.
        const runs: (typeof items)[] = [];
        for (const item of sorted) {
          const run = runs.at(-1);
          const last = run?.at(-1);
          if (run && last && item.x - (last.x + last.width) <= 0.8 * item.size) run.push(item);
          else runs.push([item]);
        }
        return runs.map((run) => {
          let text = '';
          let end = -Infinity;
          for (const item of run) {
            // A gap wider than a fifth of the font size is a space the PDF did not write as a character (the shipped
            // Tinos draws its spaces as gaps a quarter of an em wide).
            if (text !== '' && !/\s$/.test(text) && !/^\s/.test(item.str) && item.x - end > item.size / 5) text += ' ';
            text += item.str;
            end = item.x + item.width;
          }
          return { text: text.replace(/\s+/g, ' ').trim(), left: run[0]!.x, right: end, top: row.top, size: Math.max(...run.map((i) => i.size)) };
        });
      });
      pages.push({ width, height, lines, text: lines.map((l) => l.text).join('\n') });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

/** Shorthand: the printed pages of `url`. */
export async function printedPdfPages(browser: Browser, url: string): Promise<PdfPage[]> {
  return pdfPages(await printPdf(browser, url));
}

export interface PdfPageInk {
  /** Share of the page's text area (inside the 2 cm top and bottom margins) below its last ink: 0 full, 1 blank. */
  emptyBelow: number;
  /** The page drawn as a PNG, to look at. */
  png: Buffer;
}

/** Each page drawn (pdfjs-dist on @napi-rs/canvas), with how much of its text area is left empty at the foot. */
export async function pdfPageInk(pdf: Uint8Array, scale = 0.75): Promise<PdfPageInk[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const out: PdfPageInk[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      const margin = Math.round((2 / 2.54) * 72 * scale);
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      let last = margin;
      for (let y = margin; y < height - margin; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) { last = y; break; }
        }
      }
      out.push({ emptyBelow: (height - margin - last) / (height - 2 * margin), png: canvas.toBuffer('image/png') });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return out;
}

/** How many pictures the PDF paints, over all its pages (a chart printed as an image counts one). */
export async function pdfImageCount(pdf: Uint8Array): Promise<number> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  let count = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { fnArray } = await page.getOperatorList();
      count += fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return count;
}

/** The fonts a PDF embeds, by their PostScript names without the subset tag (AAAAAA+Tinos-Bold → Tinos-Bold). */
export function pdfFontNames(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]!))].sort();
}
