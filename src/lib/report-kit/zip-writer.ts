// The zip packages the site writes itself: the Word drafts (docx-package.ts), the Excel forms
// (form.ts) and the data package (/so-lieu/goi-du-lieu.zip). Every entry carries the same fixed
// time, so the same files give the same bytes in every build; parts are deflated with Node's
// native zlib. No docx or ExcelJS here: the pages that only read a form's rows do not load them.
import { crc32, deflateRawSync } from 'node:zlib';
import { xmlSafe } from '../text/unsafe-characters.ts';

// MS-DOS date and time of every entry: 1 January 1980, 00:00, the format's first day. When a
// draft or form was made is in its docProps/core.xml.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The fields a local header and its central directory entry share, written from `at`. */
function writeEntryFields(buffer: Buffer, at: number, method: number, crc: number, packedSize: number, size: number, nameLength: number): void {
  buffer.writeUInt16LE(20, at); // version needed: deflate
  buffer.writeUInt16LE(0x0800, at + 2); // names in UTF-8
  buffer.writeUInt16LE(method, at + 4);
  buffer.writeUInt16LE(DOS_TIME, at + 6);
  buffer.writeUInt16LE(DOS_DATE, at + 8);
  buffer.writeUInt32LE(crc, at + 10);
  buffer.writeUInt32LE(packedSize, at + 14);
  buffer.writeUInt32LE(size, at + 18);
  buffer.writeUInt16LE(nameLength, at + 22);
}

/** A zip of the given files in order ([Content_Types].xml first), deflated but for images. */
export function zipPackage(files: Map<string, string | Uint8Array>): Buffer {
  const entries = [...files].sort(([a], [b]) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    // The last guard: whatever text reached docx or ExcelJS (U+FFFE in a note, a lone surrogate), every
    // XML part is well-formed; the readers refuse such characters first (src/lib/text/unsafe-characters.ts).
    const raw = typeof data === 'string' ? Buffer.from(xmlSafe(data), 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Images are compressed already: stored as they are, as Word itself does.
    const method = /\.(png|jpe?g)$/i.test(path) ? 0 : 8;
    const packed = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, method, crc, packed.length, raw.length, name.length);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    writeEntryFields(header, 6, method, crc, packed.length, raw.length, name.length);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
