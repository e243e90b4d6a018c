// Hostile .xlsx forms made from a real form of the site (its bytes): the shapes issue 25 found
// mishandled, for the budget benchmark (scripts/bench/forms.ts) and the red-team cases
// (tests/red-team/import.cases.ts). Each edits the form's own XML parts, as another program or a
// person could, and zips them again; the large ones are streamed into the zip, never held whole.
import { strFromU8, strToU8, unzipSync, zipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { crc32, deflateRawSync, constants } from 'node:zlib';

export type Parts = Map<string, Uint8Array>;

const SHEET = 'xl/worksheets/sheet1.xml';

export function partsOf(xlsx: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(xlsx)));
}

export function zipParts(parts: Parts): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 6, mtime: new Date('2026-11-25T00:00:00Z') });
}

/** The form with `edit` applied to the text of its parts. */
export function editParts(xlsx: Uint8Array, edit: (text: (name: string) => string, set: (name: string, text: string) => void, parts: Parts) => void): Uint8Array {
  const parts = partsOf(xlsx);
  edit((name) => strFromU8(parts.get(name)!), (name, text) => parts.set(name, strToU8(text)), parts);
  return zipParts(parts);
}

/** Replaces the cell `ref` of the form sheet's XML (present, empty or absent in its row) by `xml`. */
export function setCell(sheet: string, ref: string, xml: string): string {
  const existing = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*>.*?</c>)`);
  if (existing.test(sheet)) return sheet.replace(existing, xml);
  const row = /\d+$/.exec(ref)![0];
  // Appended at the end of its row: the cases add cells right of the row's last.
  const rowTag = new RegExp(`<row r="${row}"([^>]*?)(/>|>(.*?)</row>)`);
  if (rowTag.test(sheet)) return sheet.replace(rowTag, (_m, attrs: string, _tail: string, inner: string | undefined) => `<row r="${row}"${attrs}>${inner ?? ''}${xml}</row>`);
  // A row past the last: appended at the end of the sheet's data.
  return sheet.replace('</sheetData>', `<row r="${row}">${xml}</row></sheetData>`);
}

/** The form with one cell of its sheet replaced. */
export const withCell = (xlsx: Uint8Array, ref: string, xml: string) => editParts(xlsx, (text, set) => set(SHEET, setCell(text(SHEET), ref, xml)));

/** The form with every `r` attribute its cells and rows can do without (the standard's default position) removed. */
export function withoutR(xlsx: Uint8Array): Uint8Array {
  return editParts(xlsx, (text, set) => {
    let previousRow = 0;
    const sheet = text(SHEET).replace(/<row r="(\d+)"([^>]*?)(\/>|>(.*?)<\/row>)/g, (_m, r: string, attrs: string, tail: string, inner: string | undefined) => {
      const row = Number(r);
      const rowAttr = row === previousRow + 1 ? '' : ` r="${r}"`;
      previousRow = row;
      if (inner === undefined) return `<row${rowAttr}${attrs}${tail}`;
      let col = 0;
      const cells = inner.replace(/<c r="([A-Z]+)\d+"/g, (_c, letters: string) => {
        const c = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const keep = c !== col + 1;
        col = c;
        return keep ? `<c r="${letters}${r}"` : '<c';
      });
      return `<row${rowAttr}${attrs}>${cells}</row>`;
    });
    set(SHEET, sheet);
  });
}

/** A filled copy of the form sheet, "Biểu mẫu (2)", beside it (as Excel's "Move or Copy" makes one), with `ref` set to `xml`. */
export function withFilledCopy(xlsx: Uint8Array, ref: string, xml: string): Uint8Array {
  return editParts(xlsx, (text, set) => {
    set('xl/worksheets/sheet9.xml', setCell(text(SHEET), ref, xml));
    set('xl/workbook.xml', text('xl/workbook.xml').replace('</sheets>', '<sheet sheetId="9" name="Biểu mẫu (2)" state="visible" r:id="rId99"/></sheets>'));
    set('xl/_rels/workbook.xml.rels', text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>'));
    set('[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  });
}

/**
 * The form sheet with rows `from`…`to` appended after its own rows, each made by `row(r)`, streamed
 * into a new zip (the sheet can be hundreds of MB inflated): the other parts are copied.
 */
export function withManyRows(xlsx: Uint8Array, from: number, to: number, row: (r: number) => string): Uint8Array {
  const parts = partsOf(xlsx);
  const sheet = strFromU8(parts.get(SHEET)!);
  const split = sheet.indexOf('</sheetData>');
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [name, data] of parts) {
    if (name === SHEET) {
      const entry = new ZipDeflate(name, { level: 1 });
      zip.add(entry);
      entry.push(strToU8(sheet.slice(0, split)));
      let batch = '';
      for (let r = from; r <= to; r += 1) {
        batch += row(r);
        if (batch.length > 1 << 20) {
          entry.push(strToU8(batch));
          batch = '';
        }
      }
      entry.push(strToU8(batch));
      entry.push(strToU8(sheet.slice(split)), true);
    } else {
      // The small parts stored as they are: a stored entry is as valid in an .xlsx as a deflated one.
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(data, true);
    }
  }
  zip.end();
  return concat(chunks);
}

/** The form's formatted empty cells down to Excel's last row: what formatting whole columns leaves. */
export function bloated(xlsx: Uint8Array, firstRow: number, columns: readonly string[] = ['E', 'F', 'G'], style = 15): Uint8Array {
  return withManyRows(xlsx, firstRow, 1048576, (r) => `<row r="${r}" spans="1:14" s="${style}" customFormat="1">${columns.map((l) => `<c r="${l}${r}" s="${style}"/>`).join('')}</row>`);
}

/**
 * The most a sheet within the limits can make the reader scan: after the form, `rows` empty rows
 * each followed by ~500 characters of spaces and letters (text a scan passes over; low enough in
 * redundancy to stay under the compression-ratio limit), about 517 bytes a row inflated.
 */
export function padded(xlsx: Uint8Array, firstRow: number, rows: number): Uint8Array {
  let seed = 1;
  const letter = () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 26));
  const pads = Array.from({ length: 8 }, () => Array.from({ length: 500 }, (_, i) => (i % 40 === 0 ? letter() : ' ')).join(''));
  return withManyRows(xlsx, firstRow, firstRow + rows - 1, (r) => `<row r="${r}"/>${pads[r % 8]}`);
}

/** A million rows, each with a figure, below the form. */
export const millionRows = (xlsx: Uint8Array, firstRow: number) => withManyRows(xlsx, firstRow, firstRow + 999_999, (r) => `<row r="${r}"><c r="E${r}"><v>${r % 1000}</v></c></row>`);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * A zip holding the form's parts plus `name`, whose deflate stream inflates to `megabytes` MB of
 * `fill` bytes: 1 MB deflated once with a sync flush (byte-aligned, not final) and repeated, so a
 * 3 GB entry is built from a few MB without ever existing. `declared`: the size the directory
 * claims (the true size unless the zip lies).
 */
export function withBomb(xlsx: Uint8Array, name: string, megabytes: number, options: { fill?: number; declared?: number; replace?: boolean; prefix?: string } = {}): Uint8Array {
  const fill = options.fill ?? 0x20;
  const block = Buffer.alloc(1 << 20, fill);
  const piece = deflateRawSync(block, { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const prefix = strToU8(options.prefix ?? '');
  const head = deflateRawSync(prefix, { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH });
  const last = Uint8Array.from([0x03, 0x00]); // an empty final block
  let crc = crc32(prefix);
  for (let i = 0; i < megabytes; i += 1) crc = crc32(block, crc);
  const size = prefix.byteLength + megabytes * (1 << 20);
  const data = concat([head, ...Array.from({ length: megabytes }, () => piece), last]);
  const parts = partsOf(xlsx);
  if (options.replace) parts.delete(name);
  const entries: RawEntry[] = [...parts].map(([n, d]) => ({ name: n, method: 8, data: new Uint8Array(deflateRawSync(d)), crc: crc32(d), size: d.byteLength, declared: d.byteLength }));
  return rawZip([...entries, { name, method: 8, data, crc, size, declared: options.declared ?? size }]);
}

/** A zip written byte by byte (sizes as given: they may lie), for the bomb cases. */
interface RawEntry { name: string; method: number; data: Uint8Array; crc: number; size: number; declared: number }

function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.byteLength, 18);
    local.writeUInt32LE(Math.min(e.declared, 0xfffffffe), 22);
    local.writeUInt16LE(name.byteLength, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.data.byteLength, 20);
    header.writeUInt32LE(Math.min(e.declared, 0xfffffffe), 24);
    header.writeUInt16LE(name.byteLength, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    central.push(header, name);
    offset += 30 + name.byteLength + e.data.byteLength;
  }
  const cd = concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return concat([...locals, cd, end]);
}

/** An .ods spreadsheet (what LibreOffice saves by default), renamed .xlsx by its sender. */
export function odsFile(): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'),
    'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>'),
  });
}

/** A Word document renamed .xlsx. */
export function docxFile(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  });
}

/** The start of an Excel 97–2003 (.xls) file: the OLE2 compound document header. */
export function xlsFile(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
}
