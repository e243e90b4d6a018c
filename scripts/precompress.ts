// The last step of `npm run build` (scripts/build.mjs): beside every text file of the new site it
// writes `<file>.gz` and `<file>.br`, which nginx sends to browsers that accept them (gzip_static,
// brotli_static: deploy/snippets/congdoan-soket/site.conf) without compressing on every request.
//
// It runs on the build's new folder, before that folder replaces dist/: a failure (or a kill) leaves
// dist/ as it was, and the folder is removed whole, so no half-written .gz is ever published.
// Files are opened with 'wx': a .gz or .br already there (say, from public/) stops the step instead
// of being overwritten, since a stale compressed copy would be served in place of the real file.
//
// A copy made by an earlier build from the same bytes comes from the cache in
// node_modules/.cache/congdoan-soket/nen/ (keyed by the file's bytes, the encoding and its settings,
// and zlib's and Brotli's versions; each cache file sealed with its SHA-256, src/lib/fs/cache-seal.ts),
// so a rebuild after one content file changed compresses only the files that changed. The cache
// keeps only the last build's copies.
//
// Levels: gzip 6 and Brotli 6, not the maximum (gzip 9, Brotli 11). On this site Brotli 11 saves
// 10 % more than 6 but is about 30 times slower, which at 10,000 documents (about 200 MB of HTML)
// would add minutes to every build; gzip 9 saves under 1 % over 6 for twice the time.
import { createHash } from 'node:crypto';
import { open, readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cachedFile } from '../src/lib/fs/cached-file.ts';
import { seal, sealed, sweepCache, unseal } from '../src/lib/fs/cache-seal.ts';

/** Text formats worth compressing. Office files, images and Pagefind's pieces are compressed already. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|csv|ics|webmanifest|wasm)$/;

/** Files this small gain nothing once headers count; a copy must also save at least a tenth. */
export const MIN_BYTES = 256;
export const MIN_SAVING = 0.1;

export function worthKeeping(original: number, compressed: number): boolean {
  return original >= MIN_BYTES && compressed <= original * (1 - MIN_SAVING);
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export const ENCODINGS = {
  gz: (data: Buffer) => gzipAsync(data, { level: 6 }),
  br: (data: Buffer) =>
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
} as const;

export interface PrecompressResult {
  files: number;
  written: Record<keyof typeof ENCODINGS, number>;
  bytesIn: number;
  bytesAdded: number;
  /** Copies (or "not worth keeping" answers) taken from the cache instead of compressed again. */
  fromCache: number;
}

/** Folder of the cache for a project folder. `CHART_PNG_CACHE=off` turns every build cache off (cold-build timings). */
export function precompressCacheDir(projectDir: string): string | null {
  return process.env.CHART_PNG_CACHE === 'off' ? null : join(projectDir, 'node_modules', '.cache', 'congdoan-soket', 'nen');
}

/** What decides a copy's bytes besides the file's: each encoding's settings (its source) and the libraries' versions. */
const ENCODER = `zlib@${process.versions.zlib} brotli@${process.versions.brotli} ${Object.entries(ENCODINGS).map(([suffix, f]) => `${suffix}:${String(f)}`).join(' ')}`;

/** The cache key of `data`'s copy in this encoding. */
export function copyKey(suffix: string, data: Uint8Array): string {
  return createHash('sha256').update(ENCODER).update(suffix).update(data).digest('hex').slice(0, 40);
}

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
}

async function writeNew(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/**
 * Compresses every text file under `dir`; a few files at a time, so memory stays small on a large
 * site. With `cacheDir`, a copy made before from the same bytes is taken from there (a copy not
 * worth keeping is kept as an empty payload: the answer is cached too), and the cache is left with
 * this run's copies only.
 */
export async function precompress(dir: string, cacheDir: string | null = null): Promise<PrecompressResult> {
  const files = await textFiles(dir);
  const result: PrecompressResult = { files: files.length, written: { gz: 0, br: 0 }, bytesIn: 0, bytesAdded: 0, fromCache: 0 };
  const used = new Set<string>();
  let next = 0;
  const copyOf = async (suffix: keyof typeof ENCODINGS, data: Buffer): Promise<Uint8Array | null> => {
    const keep = async () => {
      const packed = await ENCODINGS[suffix](data);
      return worthKeeping(data.length, packed.length) ? packed : null;
    };
    if (!cacheDir) return keep();
    const key = copyKey(suffix, data);
    used.add(key);
    let made = false;
    const file = await cachedFile(cacheDir, key, suffix, async () => {
      made = true;
      return seal((await keep()) ?? new Uint8Array());
    }, sealed);
    if (!made) result.fromCache += 1;
    const packed = unseal(file);
    return packed.byteLength > 0 ? packed : null;
  };
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = await readFile(file);
      result.bytesIn += data.length;
      for (const suffix of Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[]) {
        const packed = await copyOf(suffix, data);
        if (!packed) continue;
        await writeNew(`${file}.${suffix}`, packed);
        result.written[suffix] += 1;
        result.bytesAdded += packed.length;
      }
    }
  };
  // zlib runs on libuv's thread pool (4 threads by default): this many files in flight keeps it busy.
  await Promise.all(Array.from({ length: Math.max(4, availableParallelism()) }, worker));
  if (cacheDir) sweepCache(cacheDir, used);
  return result;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

if (import.meta.main) {
  const dist = process.env.DIST_DIR ?? 'dist';
  const started = performance.now();
  // A static host that compresses by itself (Netlify, Cloudflare Pages) needs no copies, and
  // Cloudflare Pages caps a site at 20,000 files: SOKET_PRECOMPRESS=0 skips the step.
  if (process.env.SOKET_PRECOMPRESS === '0') {
    console.log('Nén sẵn: bỏ qua (SOKET_PRECOMPRESS=0).');
    process.exit(0);
  }
  try {
    const r = await precompress(dist, precompressCacheDir(process.cwd()));
    const seconds = ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    console.log(`Nén sẵn: ${r.written.gz} tệp .gz, ${r.written.br} tệp .br cho ${r.files} tệp văn bản (${mb(r.bytesIn)} MB → thêm ${mb(r.bytesAdded)} MB) trong ${seconds} s${r.fromCache > 0 ? `; ${r.fromCache} bản lấy từ bộ đệm` : ''}.`);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    const where = path ? relative(dist, path) : 'thư mục dựng';
    if (code === 'EEXIST') {
      console.error(`Nén sẵn: trang dựng đã có tệp ${where} (thường do một tệp cùng tên trong public/); xoá tệp đó để bước nén ghi bản đúng với nội dung.`);
    } else {
      console.error(`Nén sẵn: không đọc hoặc ghi được ${where} (mã lỗi hệ thống ${code ?? 'không rõ'}).`);
    }
    process.exit(1);
  }
}
