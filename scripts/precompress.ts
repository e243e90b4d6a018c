// The last step of `npm run build` (scripts/build.mjs): beside every text file of the new site it
// writes `<file>.gz` and `<file>.br`, which nginx sends to browsers that accept them (gzip_static,
// brotli_static: deploy/snippets/congdoan-soket/site.conf) without compressing on every request.
//
// It runs on the build's new folder, before that folder replaces dist/: a failure (or a kill) leaves
// dist/ as it was, and the folder is removed whole, so no half-written .gz is ever published.
// Files are opened with 'wx': a .gz or .br already there (say, from public/) stops the step instead
// of being overwritten, since a stale compressed copy would be served in place of the real file.
//
// The copies made by an earlier build from the same bytes come from the cache in
// node_modules/.cache/congdoan-soket/nen/ (one file a text file, keyed by its bytes, the encodings'
// settings and zlib's and Brotli's versions; sealed with its SHA-256, src/lib/fs/cache-seal.ts), so a
// rebuild after one content file changed compresses only the files that changed. The cache keeps
// only the last build's files. A first build pays for writing them: 1.31x this step's CPU at 1,000
// documents against 0.57x on a rebuild (docs/benchmarks.md).
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
import { buildCacheDir, cachedFile } from '../src/lib/fs/cached-file.ts';
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
  /** Files whose copies (or "not worth keeping" answers) were taken from the cache instead of compressed again. */
  fromCache: number;
}

/** What decides a copy's bytes besides the file's: each encoding's settings (its source) and the libraries' versions. */
const ENCODER = `zlib@${process.versions.zlib} brotli@${process.versions.brotli} ${Object.entries(ENCODINGS).map(([suffix, f]) => `${suffix}:${String(f)}`).join(' ')}`;

/** The cache key of `data`'s copies. */
export function copyKey(data: Uint8Array): string {
  return createHash('sha256').update(ENCODER).update(data).digest('hex').slice(0, 40);
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

type Copies = Record<keyof typeof ENCODINGS, Uint8Array | null>;
const SUFFIXES = Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[];

/** A file's copies (null: not worth keeping), each encoding in turn. */
async function compressed(data: Buffer): Promise<Copies> {
  const copies = {} as Copies;
  for (const suffix of SUFFIXES) {
    const packed = await ENCODINGS[suffix](data);
    copies[suffix] = worthKeeping(data.length, packed.length) ? packed : null;
  }
  return copies;
}

/** The copies as one cache payload: for each encoding, its length (4 bytes, 0 for none) then its bytes. */
function packCopies(copies: Copies): Uint8Array {
  const parts = SUFFIXES.map((suffix) => copies[suffix] ?? new Uint8Array());
  const out = new Uint8Array(parts.reduce((n, part) => n + 4 + part.byteLength, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const part of parts) {
    view.setUint32(at, part.byteLength);
    out.set(part, at + 4);
    at += 4 + part.byteLength;
  }
  return out;
}

/** The copies of a cache payload (packCopies), or undefined when its lengths do not add up to it. */
function unpackCopies(payload: Uint8Array): Copies | undefined {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const copies = {} as Copies;
  let at = 0;
  for (const suffix of SUFFIXES) {
    if (at + 4 > payload.byteLength) return undefined;
    const length = view.getUint32(at);
    if (at + 4 + length > payload.byteLength) return undefined;
    copies[suffix] = length > 0 ? payload.subarray(at + 4, at + 4 + length) : null;
    at += 4 + length;
  }
  return at === payload.byteLength ? copies : undefined;
}

/**
 * Compresses every text file under `dir`; a few files at a time, so memory stays small on a large
 * site. With `cacheDir`, the copies made before from the same bytes are taken from there (one cache
 * file a text file, with both copies; "not worth keeping" is kept too), and the cache is left with
 * this run's files only.
 */
export async function precompress(dir: string, cacheDir: string | null = null): Promise<PrecompressResult> {
  const files = await textFiles(dir);
  const result: PrecompressResult = { files: files.length, written: { gz: 0, br: 0 }, bytesIn: 0, bytesAdded: 0, fromCache: 0 };
  const used = new Set<string>();
  let next = 0;
  const copiesOf = async (data: Buffer): Promise<Copies> => {
    if (!cacheDir) return compressed(data);
    const key = copyKey(data);
    used.add(key);
    let made: Copies | undefined;
    const file = await cachedFile(cacheDir, key, 'nen', async () => seal(packCopies((made = await compressed(data)))), (bytes) => sealed(bytes) && unpackCopies(unseal(bytes)) !== undefined);
    if (made) return made;
    result.fromCache += 1;
    return unpackCopies(unseal(file))!;
  };
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = await readFile(file);
      result.bytesIn += data.length;
      const copies = await copiesOf(data);
      for (const suffix of SUFFIXES) {
        const packed = copies[suffix];
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
    const r = await precompress(dist, buildCacheDir(process.cwd(), 'nen'));
    const seconds = ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    console.log(`Nén sẵn: ${r.written.gz} tệp .gz, ${r.written.br} tệp .br cho ${r.files} tệp văn bản (${mb(r.bytesIn)} MB → thêm ${mb(r.bytesAdded)} MB) trong ${seconds} s${r.fromCache > 0 ? `; ${r.fromCache} tệp lấy bản nén từ bộ đệm` : ''}.`);
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
