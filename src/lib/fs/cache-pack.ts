// One file for a cache with an entry per document, written as the build goes and read back whole by
// the next build. A file per entry was measured for the search fold and dropped: writing 1,155 small
// files cost the first build more than the rebuild saved (docs/benchmarks.md). Entries are lines
// `<key> <JSON>\n`; the file ends with the SHA-256 of everything before it, as cache-seal.ts seals a
// file, so a pack cut short, damaged or half written is ignored whole and every entry made again.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sealed, sweepCache, unseal } from './cache-seal.ts';

const KEY = /^[0-9a-f]{16,128}$/;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The entries of the pack the last build left, by key: the raw line after the key (JSON text). */
export interface PackReader {
  /** The entry's bytes (its JSON, without the newline), or undefined. */
  get(key: string): Buffer | undefined;
  /** How many entries the pack holds. */
  readonly size: number;
}

/** The pack at `file`; empty when there is none or it is not whole (its digest does not match). */
export function readPack(file: string): PackReader {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { get: () => undefined, size: 0 };
  }
  const entries = new Map<string, Buffer>();
  if (sealed(bytes)) {
    // A view of the file's bytes, not a copy (10,000 documents: about 100 MB).
    const payload = unseal(bytes);
    const body = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    let start = 0;
    while (start < body.length) {
      let end = body.indexOf(NEWLINE, start);
      if (end < 0) end = body.length;
      const space = body.indexOf(SPACE, start);
      if (space > start && space < end) entries.set(body.toString('latin1', start, space), body.subarray(space + 1, end));
      start = end + 1;
    }
  }
  return { get: (key) => entries.get(key), size: entries.size };
}

/**
 * Writes a new pack beside the old one: entries go to a temp file in the same folder as they come,
 * and `finish` seals it and renames it over `file`, so the old pack stays whole until then and a
 * killed build leaves only a temp file, removed by the next writer. A pack that cannot be written
 * only costs the next build its entries (`add` and `finish` then do nothing).
 */
export class PackWriter {
  readonly #file: string;
  readonly #temp: string;
  readonly #hash: Hash = createHash('sha256');
  #fd: number | null = null;

  constructor(file: string) {
    this.#file = file;
    const dir = dirname(file);
    // Not "<name>.…": sweepCache keeps a file by its name before the first dot.
    this.#temp = join(dir, `tam-${process.pid}-${basename(file)}`);
    try {
      mkdirSync(dir, { recursive: true });
      sweepCache(dir, new Set([basename(file).split('.')[0]!]));
      this.#fd = openSync(this.#temp, 'w');
    } catch {
      this.#fd = null;
    }
  }

  /** Adds an entry; `json` is one line of JSON (JSON.stringify never writes a raw newline). */
  add(key: string, json: string | Uint8Array): void {
    if (this.#fd === null) return;
    if (!KEY.test(key)) throw new Error(`khoá bộ đệm không hợp lệ: ${key}`);
    const line = Buffer.concat([Buffer.from(`${key} `, 'latin1'), typeof json === 'string' ? Buffer.from(json, 'utf8') : json, Buffer.from('\n')]);
    if (line.indexOf(NEWLINE) !== line.length - 1) throw new Error(`mục bộ đệm ${key} có dấu xuống dòng`);
    try {
      writeSync(this.#fd, line);
      this.#hash.update(line);
    } catch {
      this.abort();
    }
  }

  /** Seals the pack and puts it in place of the old one; false when it could not be written. */
  finish(): boolean {
    if (this.#fd === null) return false;
    try {
      writeSync(this.#fd, this.#hash.digest());
      closeSync(this.#fd);
      this.#fd = null;
      // No fsync: a pack is checked whole when read (its digest), and at worst made again.
      renameSync(this.#temp, this.#file);
      return true;
    } catch {
      this.abort();
      return false;
    }
  }

  /** Drops the new pack: the old one stays. */
  abort(): void {
    if (this.#fd !== null) {
      try {
        closeSync(this.#fd);
      } catch {
        // Already closed.
      }
    }
    this.#fd = null;
    rmSync(this.#temp, { force: true });
  }
}
