// A cache of chart PNGs between builds, keyed by everything that decides their pixels: the spec and
// frame, this renderer's own source, the Chart.js and @napi-rs/canvas versions and the font files.
// Same key, same bytes (the renderer is deterministic; tests/chart-images.test.ts re-renders a
// published image and compares). A rebuild whose figures did not change draws nothing; a build of
// changed figures draws only the charts that changed. Lives in node_modules/.cache, like Astro's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ChartSpec } from '../chart-specs.ts';
import type { ChartImageFrame } from './config.ts';

let fingerprint: string | undefined;

/** A package's version, from the package.json above its entry (chart.js does not export that file). */
export function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`không tìm thấy phiên bản của gói ${name}`);
    dir = parent;
  }
}

/** Hash of what draws the pixels besides the spec: renderer source, library versions, fonts. */
export function rendererFingerprint(fontFiles: readonly string[]): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const file of ['config.ts', 'png.ts', 'png-encode.ts']) hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
  for (const name of ['chart.js', '@napi-rs/canvas']) hash.update(`${name}@${packageVersion(name)}`);
  // The same pixels deflate to other bytes under another zlib.
  hash.update(`zlib@${process.versions.zlib}`);
  for (const file of fontFiles) hash.update(readFileSync(file));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

export function chartCacheKey(renderer: string, spec: ChartSpec, frame: ChartImageFrame): string {
  return createHash('sha256').update(renderer).update(JSON.stringify({ spec, frame })).digest('hex').slice(0, 32);
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Whether the bytes are a whole PNG: its signature first and its IEND chunk (length 0, type, CRC) last. */
export function wholePng(bytes: Uint8Array): boolean {
  return bytes.length > SIGNATURE.length + IEND.length
    && SIGNATURE.every((b, i) => bytes[i] === b)
    && IEND.every((b, i) => bytes[bytes.length - IEND.length + i] === b);
}
