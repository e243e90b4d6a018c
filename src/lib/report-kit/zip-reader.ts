// A zip archive read within bounds, for the .xlsx forms: the central directory is read first and
// every entry's declared sizes checked (count, size of each, total, compression ratio), so a zip
// bomb is refused by its numbers before anything is inflated; then only the parts asked for are
// inflated, through the platform's streaming inflater, and their real output is counted
// and stopped at the declared size or the part's limit, whichever is smaller (declared sizes can
// lie). Memory stays bounded whatever the archive: nothing is inflated whole into one buffer.
import { messageOf } from '../problems/messages.ts';
import type { Damage, Unreadable, ZipTooLarge } from '../problems/messages-forms.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  flags: number;
}

/** Why the archive is refused: the rule and the Vietnamese reason (worded by the catalogue), naming the entry. */
export class ZipRefusal extends Error {
  readonly rule: 'khong-doc-duoc' | 'zip-qua-lon';
  readonly entry: string | undefined;
  constructor(rule: 'khong-doc-duoc', values: Unreadable, entry?: string);
  constructor(rule: 'zip-qua-lon', values: ZipTooLarge, entry?: string);
  constructor(rule: ZipRefusal['rule'], values: Unreadable | ZipTooLarge, entry?: string) {
    super(rule === 'zip-qua-lon' ? messageOf(rule, values as ZipTooLarge) : messageOf(rule, values as Unreadable));
    this.rule = rule;
    this.entry = entry;
  }
}

/**
 * What the archive is, for the messages: the forms' reader says ".xlsx" and "biểu mẫu"; the Word
 * import says ".docx" and "văn bản". The limits are the same.
 */
export interface ZipKind {
  /** The file's extension as written in a message (".xlsx"). */
  ext: string;
  /** What such a file is, in the phrase "… không bao giờ lớn như vậy" ("biểu mẫu"). */
  noun: string;
  /** The program that writes it, for an unknown compression method ("Excel"). */
  app: string;
}
export const XLSX_KIND: ZipKind = { ext: '.xlsx', noun: 'biểu mẫu', app: 'Excel' };
export const DOCX_KIND: ZipKind = { ext: '.docx', noun: 'văn bản Word', app: 'Word' };

export const ZIP_LIMITS = {
  /** A form has about a dozen parts; an archive of thousands is not a form. */
  entries: 2000,
  /** Inflated bytes of any one entry: the largest sheet that can be scanned within the time budget (measured: docs/benchmarks.md). */
  entryBytes: 256 * 1024 * 1024,
  /** Inflated bytes of all entries together. */
  totalBytes: 512 * 1024 * 1024,
  /** Inflated over stored bytes, for entries above `ratioFrom` (a formatted empty row compresses about 50 times; a bomb about 1000). */
  ratio: 250,
  ratioFrom: 1024 * 1024,
} as const;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** The central directory's entries, each checked against ZIP_LIMITS before anything is inflated. */
export function zipEntries(bytes: Uint8Array, kind: ZipKind = XLSX_KIND): Map<string, ZipEntry> {
  const broken = (damage: Damage) => new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage });
  // End of central directory: 22 bytes, then a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65535); i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken({ case: 'no-directory' });
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipRefusal('zip-qua-lon', { case: 'zip64', noun: kind.noun });
  if (count > ZIP_LIMITS.entries) throw new ZipRefusal('zip-qua-lon', { case: 'entries', entries: count, limit: ZIP_LIMITS.entries, noun: kind.noun });
  if (cdOffset + cdSize > eocd) throw broken({ case: 'directory-outside' });
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > eocd || u32(bytes, at) !== 0x02014b50) throw broken({ case: 'directory-broken' });
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      throw new ZipRefusal('zip-qua-lon', { case: 'zip64', noun: kind.noun, part: name }, name);
    }
    if (size > ZIP_LIMITS.entryBytes) {
      throw new ZipRefusal('zip-qua-lon', { case: 'part', part: name, size, limit: ZIP_LIMITS.entryBytes }, name);
    }
    if (size > ZIP_LIMITS.ratioFrom && size > compressedSize * ZIP_LIMITS.ratio) {
      throw new ZipRefusal('zip-qua-lon', { case: 'ratio', part: name, size, compressed: compressedSize, ratio: ZIP_LIMITS.ratio }, name);
    }
    total += size;
    if (total > ZIP_LIMITS.totalBytes) {
      throw new ZipRefusal('zip-qua-lon', { case: 'total', part: name, limit: ZIP_LIMITS.totalBytes, noun: kind.noun }, name);
    }
    if (entries.has(name)) throw broken({ case: 'part-twice', part: name });
    entries.set(name, { name, method, compressedSize, size, offset, flags });
  }
  return entries;
}

/** Bytes of an entry's compressed data. */
function entryData(bytes: Uint8Array, entry: ZipEntry, kind: ZipKind): Uint8Array {
  const at = entry.offset;
  if (at + 30 > bytes.byteLength || u32(bytes, at) !== 0x04034b50) throw new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage: { case: 'part-missing-at', part: entry.name } }, entry.name);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage: { case: 'part-cut', part: entry.name } }, entry.name);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The parts of an archive whose entries are all stored, not deflated, as the site's own writers
 * ask ExcelJS for theirs (src/lib/report-kit/form.ts): name → bytes, folders left out. Read within
 * the same bounds as a unit's file; a deflated entry is a writer's mistake, refused.
 */
export function storedParts(bytes: Uint8Array, kind: ZipKind = XLSX_KIND): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of zipEntries(bytes, kind).values()) {
    if (entry.name.endsWith('/')) continue;
    if (entry.method !== 0 || entry.compressedSize !== entry.size) throw new Error(`${entry.name}: phần đã nén, cần phần lưu nguyên (STORE)`);
    parts.set(entry.name, entryData(bytes, entry, kind));
  }
  return parts;
}

/** Compressed bytes handed to the inflater at a time; it gives its output in pieces of about 16 KB. */
const SLICE = 65536;

/** The entry's compressed bytes as a stream pulled slice by slice, so no more is queued than is read. */
function slices(data: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(data.slice(at, Math.min(data.byteLength, at + SLICE)));
      at += SLICE;
    },
  }, { highWaterMark: 1 });
}

/**
 * Inflates one entry with the platform's streaming inflater (DecompressionStream: the same in the
 * browser and in Node), giving each piece of output to `sink` and counting it: more than the
 * declared size (or `limit`) stops with a refusal. `sink` may return false to stop early (the
 * reader has what it needs). Returns the bytes produced.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number, sink: (chunk: Uint8Array) => boolean | void, kind: ZipKind = XLSX_KIND): Promise<number> {
  if (entry.flags & 1) throw new ZipRefusal('khong-doc-duoc', { part: entry.name, encrypted: true }, entry.name);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipRefusal('khong-doc-duoc', { part: entry.name, method: entry.method, app: kind.app }, entry.name);
  const data = entryData(bytes, entry, kind);
  const bound = Math.min(entry.size, limit);
  let produced = 0;
  const stream = entry.method === 0 ? slices(data) : slices(data).pipeThrough(new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage: { case: 'part-inflate', part: entry.name } }, entry.name);
      }
      if (next.done) break;
      produced += next.value.byteLength;
      if (produced > bound) {
        throw produced > entry.size
          ? new ZipRefusal('zip-qua-lon', { case: 'lying', part: entry.name, declared: entry.size }, entry.name)
          : new ZipRefusal('zip-qua-lon', { case: 'part-limit', part: entry.name, limit, noun: kind.noun }, entry.name);
      }
      if (sink(next.value) === false) return produced;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  if (produced !== entry.size) throw new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage: { case: 'part-size', part: entry.name, produced, declared: entry.size } }, entry.name);
  return produced;
}

/** A small part (content types, workbook, relationships) as text, within `limit` bytes. */
export async function entryText(bytes: Uint8Array, entry: ZipEntry, limit: number, kind: ZipKind = XLSX_KIND): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    await inflateEntry(bytes, entry, limit, (chunk) => { text += decoder.decode(chunk, { stream: true }); }, kind);
    text += decoder.decode();
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    throw new ZipRefusal('khong-doc-duoc', { ext: kind.ext, damage: { case: 'part-not-utf8', part: entry.name } }, entry.name);
  }
  return text;
}
