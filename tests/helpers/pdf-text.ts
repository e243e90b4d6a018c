// The text of a PDF, page by page, read with PDF.js (pdfjs-dist, from npm) — no poppler or other
// program of the machine. Two readings of a page:
// - `text`, the reading order, as plain `pdftotext` gives it: the text runs in the order the PDF
//   draws them (Chromium draws a page in document order, so the two columns of an official
//   document's header block come one after the other), a new line where a run starts a new
//   baseline;
// - `lines`, the physical lines top to bottom, as `pdftotext -layout` gives them: runs on one
//   baseline read left to right across the page (the page number is the first or last line).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** The page's text in reading order, lines joined with "\n". */
  text: string;
  /** The page's physical lines, top to bottom, each read left to right across the whole page. */
  lines: string[];
}

interface Run { str: string; x: number; y: number; width: number; size: number }

/** Two runs on one baseline: within a third of the smaller font size. */
const sameLine = (a: Run, b: Run) => Math.abs(a.y - b.y) <= Math.min(a.size, b.size) / 3;

/** Runs left to right (or as drawn) joined, with a space where the PDF left a gap but wrote none. */
function joinRuns(runs: Run[]): string {
  let out = '';
  let end = -Infinity;
  for (const run of runs) {
    // A gap wider than a fifth of the font size is a space the PDF did not draw as a glyph.
    if (out && run.x - end > run.size / 5 && !/\s$/.test(out) && !/^\s/.test(run.str)) out += ' ';
    out += run.str;
    end = run.x + run.width;
  }
  return out.replace(/\s+$/, '');
}

export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const runs: Run[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height });
      }
      page.cleanup();
      // Reading order: as drawn, a new line wherever a run leaves the baseline of the one before.
      const drawn: Run[][] = [];
      for (const run of runs) {
        const line = drawn.at(-1);
        if (line && sameLine(line.at(-1)!, run) && run.x >= line.at(-1)!.x) line.push(run);
        else drawn.push([run]);
      }
      // Physical lines: PDF y grows upwards, so the top line has the largest y.
      const physical: Run[][] = [];
      for (const run of [...runs].sort((p, q) => q.y - p.y)) {
        const line = physical.find((l) => sameLine(l[0]!, run));
        if (line) line.push(run);
        else physical.push([run]);
      }
      const lines = physical.map((line) => joinRuns(line.sort((p, q) => p.x - q.x))).filter((l) => l.trim());
      pages.push({ text: drawn.map(joinRuns).filter((l) => l.trim()).join('\n'), lines });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
