// A PNG writer for opaque chart images: 8-bit RGB, every row filtered "Up", one zlib stream.
// Skia's own encoder tries every filter on every row at zlib level 6 and keeps the alpha channel;
// on a flat chart this is 3–5 times faster for files about the same size, which counts when a
// build draws hundreds of charts.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes RGBA pixels (row-major, 4 bytes a pixel, as a canvas gives them) as an RGB PNG. The
 * alpha channel is dropped: the caller draws on an opaque (white) background.
 */
export function encodeOpaquePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, level = 4): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || rgba.length !== width * height * 4) {
    throw new Error(`kích thước ảnh không khớp số điểm ảnh: ${width} × ${height}, ${rgba.length} byte`);
  }
  const stride = width * 3 + 1;
  const raw = new Uint8Array(stride * height);
  const above = width * 4;
  for (let y = 0; y < height; y++) {
    let o = y * stride;
    raw[o++] = y === 0 ? 0 : 2; // filter None for the first row, Up (difference from the row above) after
    let i = y * above;
    const end = i + above;
    if (y === 0) {
      for (; i < end; i += 4) { raw[o++] = rgba[i]!; raw[o++] = rgba[i + 1]!; raw[o++] = rgba[i + 2]!; }
    } else {
      for (; i < end; i += 4) {
        raw[o++] = (rgba[i]! - rgba[i - above]!) & 255;
        raw[o++] = (rgba[i + 1]! - rgba[i + 1 - above]!) & 255;
        raw[o++] = (rgba[i + 2]! - rgba[i + 2 - above]!) & 255;
      }
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: truecolour, no alpha
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}
