// The PNG writer (src/lib/indicators/charts/png-encode.ts) keeps its row buffer from image to image
// instead of allocating one per image: every PNG must stay byte-equal to the one a fresh buffer gave,
// whatever sizes come one after another (a smaller image after a larger one reuses stale bytes).
import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunk, encodeRgbaPng } from '../src/lib/indicators/charts/png-encode';

/** The writer as it was before the buffer was kept (a new zeroed buffer per image). */
function freshBufferPng(rgba: Uint8Array, width: number, height: number, level = 4): Uint8Array {
  const row = width * 4;
  const raw = new Uint8Array((row + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', new Uint8Array(0))]);
}

const image = fc.record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 30 }), level: fc.constantFrom(3, 4), seed: fc.integer() })
  .map(({ width, height, level, seed }) => {
    const rgba = new Uint8Array(width * height * 4);
    let x = seed >>> 0;
    // Mostly one colour, some noise: like the cards and charts, and with non-zero bytes everywhere.
    for (let i = 0; i < rgba.length; i++) { x = (x * 1103515245 + 12345) >>> 0; rgba[i] = x % 7 === 0 ? x >>> 24 : 255; }
    return { rgba, width, height, level };
  });

describe('encodeRgbaPng with its kept row buffer', () => {
  it('writes the same bytes as a fresh buffer, for any sequence of sizes', () => {
    fc.assert(
      fc.property(fc.array(image, { minLength: 1, maxLength: 6 }), (images) => {
        for (const { rgba, width, height, level } of images) {
          expect(Buffer.from(encodeRgbaPng(rgba, width, height, level)).equals(Buffer.from(freshBufferPng(rgba, width, height, level)))).toBe(true);
        }
      }),
    );
  });

  it('a large image, then a smaller and a wider one: still byte-equal', () => {
    const sizes = [[1600, 900], [1200, 630], [1601, 3], [7, 900]] as const;
    for (const [width, height] of sizes) {
      const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 31) & 255);
      expect(Buffer.from(encodeRgbaPng(rgba, width, height, 3)).equals(Buffer.from(freshBufferPng(rgba, width, height, 3)))).toBe(true);
    }
  });
});
