// Opens a Word file for `npm run import:van-ban` within bounds, before any library sees it.
//
// mammoth (the body's reader) unzips with JSZip, which inflates every entry whole and trusts the
// sizes the archive declares. So the file is first read by the project's bounded zip reader
// (src/lib/report-kit/zip-reader.ts): the central directory's numbers are checked before anything
// is inflated, and only the XML parts mammoth needs are inflated, each counted against its limit.
// Those parts are then packed again *stored* (no compression, fflate level 0): mammoth's own unzip
// of that archive is a copy of bytes already counted, so no zip bomb, lying size or media entry
// can reach it. Images and embedded objects are not passed on (they are reported, not imported).
// Other formats are recognised by their first bytes and named, never guessed at.
import { zipSync } from 'fflate';
import { messageOf, type MessageValues } from '../problems/messages.ts';
import { DOCX_KIND, entryText, isZip, ZipRefusal, zipEntries, type ZipEntry } from '../report-kit/zip-reader.ts';

/** Why a file is not imported: the rule, and one Vietnamese sentence of reason and fix. */
export class WordRefusal extends Error {
  readonly rule: 'khong-doc-duoc' | 'zip-qua-lon' | 'van-ban-dinh-dang-khac' | 'van-ban-mat-khau' | 'van-ban-sua-doi' | 'van-ban-chua-xep';
  /** `text`: a message already worded by the catalogue (a ZipRefusal's, or WordRefusal.of). */
  constructor(rule: WordRefusal['rule'], text: string) {
    super(text);
    this.rule = rule;
  }

  /** The refusal of rule `rule` with these values, worded by the catalogue (src/lib/problems). */
  static of<R extends WordRefusal['rule']>(rule: R, values: MessageValues<R>): WordRefusal {
    return new WordRefusal(rule, messageOf(rule, values));
  }
}

export const WORD_LIMITS = {
  /** A document of a hundred pages is about 1 MB; the file is refused by its size before it is read. */
  fileBytes: 50 * 1024 * 1024,
  /** Inflated bytes of one XML part (document.xml of a long document is a few MB). */
  partBytes: 64 * 1024 * 1024,
} as const;

/** The parts of a .docx that the import reads; everything else (media, embeddings, themes) stays out. */
const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(document|styles|numbering|footnotes|endnotes|comments|settings)\.xml|word\/_rels\/(document|footnotes|endnotes)\.xml\.rels)$/;

export interface OpenedDocx {
  /** The XML parts by name, inflated within bounds. */
  parts: Map<string, string>;
  /** What was in the archive and is not imported (images, embedded objects), for the report. */
  leftOut: string[];
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptedPackage" as the UTF-16 stream name an encrypted Office file's container holds. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Names what a non-.docx file is, from its bytes (and its extension, for the wording only). */
function otherFormat(bytes: Uint8Array): WordRefusal {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return WordRefusal.of('van-ban-dinh-dang-khac', { format: 'pdf' });
  }
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      return WordRefusal.of('van-ban-mat-khau', {});
    }
    return WordRefusal.of('van-ban-dinh-dang-khac', { format: 'doc' });
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return WordRefusal.of('van-ban-dinh-dang-khac', { format: 'rtf' });
  return WordRefusal.of('van-ban-dinh-dang-khac', { format: 'other' });
}

async function text(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  return entryText(bytes, entry, WORD_LIMITS.partBytes, DOCX_KIND);
}

/** Reads the archive within bounds and returns its text parts, or throws a WordRefusal. */
export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  if (bytes.byteLength > WORD_LIMITS.fileBytes) {
    throw WordRefusal.of('zip-qua-lon', { case: 'word-file', size: bytes.byteLength, limit: WORD_LIMITS.fileBytes });
  }
  if (!isZip(bytes)) throw otherFormat(bytes);
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes, DOCX_KIND);
  } catch (error) {
    if (error instanceof ZipRefusal) throw new WordRefusal(error.rule, error.message);
    throw error;
  }
  try {
    const mimetype = entries.get('mimetype');
    if (mimetype) {
      const type = (await entryText(bytes, mimetype, 1024, DOCX_KIND)).trim();
      if (type.startsWith('application/vnd.oasis.opendocument')) {
        throw WordRefusal.of('van-ban-dinh-dang-khac', { format: type.endsWith('.text') ? 'odt' : 'opendocument' });
      }
    }
    if (!entries.has('word/document.xml')) {
      throw WordRefusal.of('van-ban-dinh-dang-khac', { format: entries.has('xl/workbook.xml') ? 'xlsx' : entries.has('ppt/presentation.xml') ? 'pptx' : 'zip' });
    }
    const parts = new Map<string, string>();
    const leftOut: string[] = [];
    for (const [name, entry] of entries) {
      if (WANTED.test(name)) parts.set(name, await text(bytes, entry));
      else if (/^word\/(media|embeddings)\//.test(name)) leftOut.push(name);
    }
    return { parts, leftOut };
  } catch (error) {
    if (error instanceof ZipRefusal) throw new WordRefusal(error.rule, error.message);
    throw error;
  }
}

/** Counts of tracked changes still in the text (insertions, deletions, moves). */
export interface TrackedChanges {
  insertions: number;
  deletions: number;
  moves: number;
}

export function trackedChanges(parts: Map<string, string>): TrackedChanges {
  const count = (re: RegExp) => [...parts.entries()].filter(([n]) => /word\/(document|footnotes|endnotes)\.xml$/.test(n))
    .reduce((sum, [, xml]) => sum + (xml.match(re)?.length ?? 0), 0);
  return { insertions: count(/<w:ins[\s>]/g), deletions: count(/<w:del[\s>]/g), moves: count(/<w:moveFrom[\s>]/g) };
}

/**
 * The parts packed again, stored: what mammoth receives. Only text parts already inflated within
 * bounds are in it, so mammoth's unzip copies bytes and inflates nothing.
 */
export function storedArchive(parts: Map<string, string>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const encoder = new TextEncoder();
  for (const [name, xml] of parts) files[name] = [encoder.encode(xml), { level: 0 }];
  return zipSync(files, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') });
}
