// The one reader of .xlsx forms, for `npm run import:form` and for /kiem-tra-bieu-mau/ (in a Web
// Worker): bounded and streaming. The archive's numbers are checked first (zip-reader.ts); then only
// the parts a form needs are inflated, in slices, and their XML streamed through saxes: content
// types (what the file is), the workbook and its relationships (which part is which sheet), styles
// (date formats), the form sheet, the fingerprint sheet, the other sheets' first rows, and the
// shared strings the read cells use. Only cells inside the form's area are built; after the area's
// last row the sheet is scanned as text for anything holding a value (a formatted empty cell costs
// nothing), and a value found outside the area is refused by its cell. Values are read as the
// standard writes them (ECMA-376 §18.3.1.4, a number by xsd:double): anything else is refused.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { findUnsafeCharacter } from '../text/unsafe-characters.ts';
import type { RuleId } from '../problems/rules.ts';
import { messageOf, type MessageValues, type WordedRule } from '../problems/messages.ts';
import type { Damage, NotForm } from '../problems/messages-forms.ts';
import { columnLetter } from './form-layout.ts';
import { entryText, inflateEntry, isZip, ZipRefusal, zipEntries, type ZipEntry } from './zip-reader.ts';

/** A problem of the workbook, placed by sheet and cell (or part), without the file name. */
export interface XlsxProblem {
  place: string;
  rule: RuleId;
  message: string;
  actual?: string;
}

export type CellKind = 'number' | 'text' | 'date' | 'boolean' | 'error' | 'formula';

export interface XlsxCell {
  ref: string;
  row: number;
  col: number;
  kind: CellKind;
  /** The cell as the text a CSV export would hold: a number as written, a date as dd/mm/yyyy, a formula as "=…". */
  text: string;
}

export interface XlsxSheet {
  name: string;
  cells: Map<string, XlsxCell>;
  /** Merge ranges ("C3:K3"). */
  merges: string[];
  /** The last row holding a cell with a value. */
  rowCount: number;
  text(address: string): string;
  cell(row: number, col: number): XlsxCell | undefined;
}

export interface XlsxReadOptions {
  /** The form sheet's name. */
  sheet: string;
  /** The very hidden sheet with the fingerprint, read too when present. */
  fingerprintSheet: string;
  /** Rows and columns of the form's area: a value outside it is refused. */
  area: { rows: number; cols: number };
  /** Rows of the fingerprint sheet to read. */
  fingerprintRows: number;
  /** Indicator codes: another sheet with a row holding one of them and a number holds the form's figures. */
  indicatorCodes: ReadonlySet<string>;
}

export interface XlsxRead {
  sheet: XlsxSheet;
  fingerprint: XlsxSheet | null;
}

/** Limits of the parts other than sheets, in inflated bytes. */
export const PART_LIMITS = { small: 4 * 1024 * 1024, styles: 16 * 1024 * 1024, sharedStrings: 64 * 1024 * 1024 } as const;
/** Values outside the area reported before the reader stops looking. */
const MAX_OUTSIDE = 10;
/** Merge ranges kept; a form has about a dozen. */
const MAX_MERGES = 100_000;

class Refused extends Error {
  readonly problem: XlsxProblem;
  constructor(problem: XlsxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}
const refuse = (problem: XlsxProblem): never => {
  throw new Refused(problem);
};
/** A problem of rule `rule` at `where`, its message written by the catalogue (the caller adds the file). */
function placed<R extends WordedRule>(rule: R, values: MessageValues<R>, where: Omit<XlsxProblem, 'rule' | 'message'>): XlsxProblem {
  return { ...where, rule, message: messageOf(rule, values) };
}
/** A cell holding a character the form refuses (src/lib/text/unsafe-characters.ts): its rule and message. */
function unsafeCell(bad: { kind: string; description: string }): Pick<XlsxProblem, 'rule' | 'message'> {
  const rule = bad.kind === 'control' ? 'ky-tu-dieu-khien' : 'ky-tu-khong-hop-le';
  const message = messageOf(rule, { in: 'form', description: bad.description });
  return { rule, message };
}
const corrupt = (place: string, damage: Damage): never => refuse(placed('khong-doc-duoc', { ext: '.xlsx', damage }, { place }));

// ——— What the file is ———

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A file that is not an .xlsx, named as what it is (or null when it is a zip to read on). */
export function otherFormat(bytes: Uint8Array, expected: 'xlsx' | 'csv'): XlsxProblem | null {
  const other = (is: NotForm['is']): XlsxProblem => placed('dinh-dang-khac', { expected, is }, { place: 'tệp' });
  if (OLE2.every((b, i) => bytes[i] === b)) return other('xls');
  if (isZip(bytes)) {
    if (expected === 'csv') return other('zip-as-csv');
    return null;
  }
  if (expected === 'xlsx') {
    if (bytes.byteLength === 0) return placed('khong-doc-duoc', { xlsx: 'empty' }, { place: 'tệp' });
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
    if (/^\s*<\?xml|^\s*<[A-Za-z]/.test(head)) return other('xml');
    if (/^(\ufeff)?[^\u0000-\u0008]*$/.test(head) && /[,;\t]/.test(head)) return other('text');
    return placed('khong-doc-duoc', { xlsx: 'unknown' }, { place: 'tệp' });
  }
  return null;
}

// ——— Small parts ———

/** Parses a small XML part, calling `open` for each element (local name, attributes). */
function parseSmall(text: string, place: string, open: (name: string, attributes: Record<string, string>) => void): void {
  const parser = newParser();
  parser.on('opentag', (node: SaxesTagPlain) => open(localName(node.name), node.attributes as Record<string, string>));
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) throw error;
    corrupt(place, { case: 'xml' });
  }
}

type ParserOptions = { xmlns: false; position: false };
type Parser = SaxesParser<ParserOptions>;
/** Plain names (no namespace processing: parts are matched by local name) and no line counting, which costs time. */
const newParser = (): Parser => new SaxesParser<ParserOptions>({ xmlns: false, position: false });

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** A relationship target resolved against its source part's folder ("worksheets/sheet1.xml" from "xl/workbook.xml"). */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

async function relationships(bytes: Uint8Array, entries: Map<string, ZipEntry>, source: string): Promise<Map<string, { type: string; target: string }>> {
  const slash = source.lastIndexOf('/');
  const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const entry = entries.get(relsName);
  const out = new Map<string, { type: string; target: string }>();
  if (!entry) return out;
  parseSmall(await entryText(bytes, entry, PART_LIMITS.small), `phần "${relsName}"`, (name, a) => {
    if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(source, a.Target) });
  });
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const isDateFormat = (code: string) => {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
};

/** For each cell style (cellXfs index), whether its number format shows a date. */
async function dateStyles(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<Uint8Array> {
  if (!entry) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const flags: number[] = [];
  let inCellXfs = false;
  const parser = newParser();
  parser.on('opentag', (node: SaxesTagPlain) => {
    const name = localName(node.name);
    const a = node.attributes as Record<string, string>;
    if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) {
      const id = Number(a.numFmtId ?? 0);
      flags.push(DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)) ? 1 : 0);
    }
  });
  parser.on('closetag', (node) => {
    if (localName(node.name) === 'cellXfs') inCellXfs = false;
  });
  await streamXml(bytes, entry, PART_LIMITS.styles, parser, `phần "${entry.name}"`);
  return Uint8Array.from(flags);
}

/** Streams an entry through a parser; a malformed part is refused as corrupt. */
async function streamXml(bytes: Uint8Array, entry: ZipEntry, limit: number, parser: Parser, place: string, enough: () => boolean = () => false): Promise<void> {
  parser.on('error', (error) => {
    throw error;
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    let stopped = false;
    await inflateEntry(bytes, entry, limit, (chunk) => {
      parser.write(decoder.decode(chunk, { stream: true }));
      // The reader has what it needs: the rest of the part is not inflated.
      stopped = enough();
      return !stopped;
    });
    if (!stopped) parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof Refused || error instanceof ZipRefusal) throw error;
    corrupt(place, { case: 'xml' });
  }
}

// ——— Cells ———

/** "AB12" → [12, 28]. */
function parseRef(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= 16384 && row <= 1048576 ? [row, col] : null;
}

interface RawCell {
  row: number;
  col: number;
  ref: string;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
  formula: string | null;
  formulaType: string;
  formulaShared: string;
}

interface ScannedSheet {
  cells: RawCell[];
  merges: string[];
  outside: XlsxProblem[];
}

/** Stop streaming a sheet: the area is read (`skip`: scan the rest for values; `stop`: read no further). */
class AreaDone extends Error {}

/**
 * Streams one sheet: cells with a value inside `area` are kept, the rest skipped. `rest`:
 * 'refuse' scans past the area for values (each refused by its cell) and merges; 'ignore' stops there.
 */
async function scanSheet(bytes: Uint8Array, entry: ZipEntry, sheetName: string, area: { rows: number; cols: number }, rest: 'refuse' | 'ignore', budget: { parsed: number }): Promise<ScannedSheet> {
  const at = (ref: string) => `trang "${sheetName}", ô ${ref}`;
  const out: ScannedSheet = { cells: [], merges: [], outside: [] };
  const seen = new Set<string>();
  const outsideProblem = (ref: string, what: string): XlsxProblem =>
    placed('ngoai-vung-bieu-mau', { rows: area.rows, lastColumn: columnLetter(area.cols) }, { place: at(ref), ...(what ? { actual: what } : {}) });
  let prefix = '';
  let row = 0;
  let col = 0;
  let inSheetData = false;
  let cell: RawCell | null = null;
  let textTarget: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let inPhonetic = false;
  const parser = newParser();
  parser.on('opentag', (node: SaxesTagPlain) => {
    const name = localName(node.name);
    const a = node.attributes as Record<string, string>;
    switch (name) {
      case 'sheetData':
        inSheetData = true;
        prefix = node.name.slice(0, node.name.length - name.length);
        break;
      case 'row': {
        if (!inSheetData) break;
        const next = a.r === undefined ? row + 1 : Number(a.r);
        if (!Number.isInteger(next) || next < 1 || next > 1048576) corrupt(`trang "${sheetName}"`, { case: 'row-number', row: a.r });
        if (next <= row) corrupt(`trang "${sheetName}", dòng ${next}`, { case: 'row-order', row: next, after: row });
        row = next;
        col = 0;
        if (row > area.rows) throw new AreaDone();
        break;
      }
      case 'c': {
        if (!inSheetData) break;
        let r = row;
        let c = col + 1;
        if (a.r !== undefined) {
          const parsed = parseRef(a.r);
          if (!parsed) corrupt(`trang "${sheetName}", dòng ${row}`, { case: 'cell-ref', ref: a.r });
          [r, c] = parsed!;
          if (r !== row) corrupt(at(a.r), { case: 'cell-row', ref: a.r, row });
          if (c <= col) corrupt(at(a.r), { case: 'cell-order', ref: a.r, after: `${columnLetter(col)}${row}` });
        }
        if (c > 16384) corrupt(`trang "${sheetName}", dòng ${row}`, { case: 'too-many-columns' });
        col = c;
        const ref = `${columnLetter(c)}${r}`;
        if (seen.has(ref)) corrupt(at(ref), { case: 'cell-twice', ref });
        cell = { row: r, col: c, ref, type: a.t ?? 'n', style: a.s === undefined ? 0 : Number(a.s), value: null, inline: null, formula: null, formulaType: '', formulaShared: '' };
        break;
      }
      case 'v':
        if (cell) {
          textTarget = 'v';
          cell.value = '';
        }
        break;
      case 'f':
        if (cell) {
          textTarget = 'f';
          cell.formula = '';
          cell.formulaType = a.t ?? 'normal';
          cell.formulaShared = a.si ?? '';
        }
        break;
      case 'is':
        if (cell) {
          inIs = true;
          cell.inline = '';
        }
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      case 't':
        if (cell && inIs && !inPhonetic) textTarget = 't';
        break;
      case 'mergeCell':
        if (a.ref && out.merges.length < MAX_MERGES) out.merges.push(a.ref);
        break;
      default:
    }
  });
  parser.on('text', (text) => {
    if (!cell || textTarget === null) return;
    if (textTarget === 'v') cell.value += text;
    else if (textTarget === 'f') cell.formula += text;
    else cell.inline += text;
  });
  parser.on('closetag', (node) => {
    const name = localName(node.name);
    if (name === 'v' || name === 'f' || name === 't') textTarget = null;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'is') inIs = false;
    else if (name === 'sheetData') inSheetData = false;
    else if (name === 'c' && cell) {
      const c = cell;
      cell = null;
      if (c.value === null && c.inline === null && c.formula === null) return;
      seen.add(c.ref);
      if (c.col > area.cols) {
        if (rest === 'refuse') {
          out.outside.push(outsideProblem(c.ref, c.inline ?? c.value ?? (c.formula === null ? '' : `=${c.formula}`)));
          if (out.outside.length >= MAX_OUTSIDE) throw new AreaDone();
        }
        return;
      }
      out.cells.push(c);
    }
  });
  parser.on('error', (error) => {
    throw error;
  });

  // After the area: the rest is scanned as text, not parsed, for what holds a value.
  let mode: 'sax' | 'skip' | 'merges' | 'done' = 'sax';
  let carry = '';
  let figure: RegExp | null = null;
  let merge: RegExp | null = null;
  const scanRest = (text: string): boolean => {
    const window = carry + text;
    // A tag never holds '<', so everything before the last '<' is complete tags and text.
    let end = window.lastIndexOf('<');
    if (end < 0) end = window.length;
    let from = 0;
    if (mode === 'skip') {
      figure!.lastIndex = 0;
      for (let m = figure!.exec(window); m && m.index < end; m = figure!.exec(window)) {
        if (m[0].startsWith('</')) {
          mode = 'merges';
          from = m.index;
          break;
        }
        const cellAt = window.lastIndexOf(`<${prefix}c `, m.index);
        const rowAt = window.lastIndexOf(`<${prefix}row `, m.index);
        const refOf = (start: number) => (start < 0 ? undefined : /\br="([A-Z]*\d+)"/.exec(window.slice(start, window.indexOf('>', start)))?.[1]);
        const ref = refOf(cellAt) ?? (refOf(rowAt) ? `dòng ${refOf(rowAt)}` : undefined);
        out.outside.push(outsideProblem(ref ?? `dòng sau ${area.rows.toLocaleString('vi-VN')}`, ''));
        if (out.outside.length >= MAX_OUTSIDE) {
          mode = 'done';
          return false;
        }
        // One problem per cell: go on after this cell's end.
        const close = window.indexOf(`</${prefix}c>`, m.index);
        figure!.lastIndex = close < 0 ? end : close;
      }
    }
    if (mode === 'merges') {
      merge!.lastIndex = from;
      for (let m = merge!.exec(window); m && m.index < end; m = merge!.exec(window)) {
        if (out.merges.length < MAX_MERGES) out.merges.push(m[1]!);
      }
    }
    carry = window.slice(end);
    // A long text without tags: only its start can begin a tag.
    if (carry.length > 65536) carry = carry.slice(0, carry.indexOf('>') + 1);
    return true;
  };
  const feed = (text: string): boolean => {
    if (mode === 'done') return false;
    if (mode !== 'sax') return scanRest(text);
    // Parsing costs far more than scanning: the XML parsed (the areas of all sheets) has a bound of its own.
    budget.parsed -= text.length;
    if (budget.parsed < 0) {
      refuse(placed('zip-qua-lon', { case: 'sheets', limit: SAX_BUDGET }, { place: `trang "${sheetName}"` }));
    }
    try {
      parser.write(text);
      return true;
    } catch (error) {
      if (!(error instanceof AreaDone)) throw error;
      if (rest === 'ignore' || out.outside.length >= MAX_OUTSIDE) {
        mode = 'done';
        return false;
      }
      mode = 'skip';
      const p = prefix.replace(/[.]/g, '\\.');
      figure = new RegExp(`<${p}(?:v|is|f)[\\s/>]|</${p}sheetData>`, 'g');
      merge = new RegExp(`<${p}mergeCell\\s[^>]*?\\bref="([^"]*)"`, 'g');
      const internals = parser as unknown as { chunk: string; i: number };
      // The opening row tag was read: rescan from its start so its first cell is seen.
      const rowStart = internals.chunk.lastIndexOf('<', internals.i - 1);
      return scanRest(internals.chunk.slice(Math.max(0, rowStart)));
    }
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    await inflateEntry(bytes, entry, ZIP_SHEET_LIMIT, (chunk) => feed(decoder.decode(chunk, { stream: true })));
    const finalMode = mode as string;
    if (finalMode !== 'done') {
      const last = decoder.decode();
      if (finalMode === 'sax') parser.write(last).close();
      else scanRest(`${last}<`);
    }
  } catch (error) {
    if (error instanceof Refused || error instanceof ZipRefusal) throw error;
    if (error instanceof AreaDone) return out;
    const internals = parser as unknown as { chunk: string; i: number };
    const near = internals.chunk?.slice(Math.max(0, internals.i - 1), internals.i + 1) ?? '';
    const bad = findUnsafeCharacter(near);
    if (error instanceof TypeError && /decode|encoded|utf/i.test(error.message)) corrupt(`trang "${sheetName}"`, { case: 'sheet-not-utf8' });
    if (bad) {
      refuse({
        place: cell ? at((cell as RawCell).ref) : `trang "${sheetName}"`, ...unsafeCell(bad),
      });
    }
    corrupt(`trang "${sheetName}"${cell ? `, ô ${(cell as RawCell).ref}` : ''}`, { case: 'sheet-xml' });
  }
  return out;
}

/** Characters of sheet XML parsed (not scanned) in one workbook: the form's area is some 30 KB. */
const SAX_BUDGET = 32 * 1024 * 1024;

/** Inflated bytes of one sheet: the entry limit (the time budget is what bounds it). */
const ZIP_SHEET_LIMIT = 256 * 1024 * 1024;

/** The shared strings at `wanted` indexes only: a huge table costs time, not memory. */
async function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, wanted: ReadonlySet<number>): Promise<{ strings: Map<number, string>; count: number }> {
  const strings = new Map<number, string>();
  if (!entry || wanted.size === 0) return { strings, count: 0 };
  let index = -1;
  let text: string | null = null;
  let inT = false;
  let inPhonetic = false;
  const parser = newParser();
  parser.on('opentag', (node: SaxesTagPlain) => {
    const name = localName(node.name);
    if (name === 'si') {
      index += 1;
      text = wanted.has(index) ? '' : null;
    } else if (name === 't' && text !== null && !inPhonetic) inT = true;
    else if (name === 'rPh') inPhonetic = true;
  });
  parser.on('text', (t) => {
    if (inT) text += t;
  });
  parser.on('closetag', (node) => {
    const name = localName(node.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si' && text !== null) {
      strings.set(index, text);
      text = null;
    }
  });
  let last = 0;
  for (const i of wanted) last = Math.max(last, i);
  await streamXml(bytes, entry, PART_LIMITS.sharedStrings, parser, `phần "${entry.name}"`, () => index > last);
  return { strings, count: index + 1 };
}

/** ST_Xstring escapes: "_x000D_" is a carriage return, "_x005F_" an underscore (ECMA-376 §22.9.2.19). */
const unescapeXstring = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** xsd:double as OOXML writes a number: no thousands separator, no comma decimal, no hex. */
const XSD_DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const dmy = (date: Date) => `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;

function serialDate(serial: number, date1904: boolean): string {
  // Excel's day 60 is the 29/02/1900 that never was: later serials are one day ahead.
  const days = date1904 ? serial + 1462 : serial > 60 ? serial : serial + 1;
  return dmy(new Date(Math.round((days - 25569) * 86400000)));
}

interface ResolveContext {
  sheetName: string;
  strings: Map<number, string>;
  stringCount: number;
  dates: Uint8Array;
  date1904: boolean;
  /** Shared formulas' text by group index, from their master cells. */
  shared: Map<string, { ref: string; text: string }>;
  problems: XlsxProblem[];
}

function resolve(raw: RawCell, ctx: ResolveContext): XlsxCell {
  const place = `trang "${ctx.sheetName}", ô ${raw.ref}`;
  const base = { ref: raw.ref, row: raw.row, col: raw.col };
  const textCell = (text: string): XlsxCell => {
    const bad = findUnsafeCharacter(text);
    if (bad) {
      ctx.problems.push({
        place, ...unsafeCell(bad),
      });
    }
    return { ...base, kind: 'text', text };
  };
  if (raw.formula !== null) {
    // The formula's own text; a shared formula's other cells carry none, only the group's index.
    let text = raw.formula;
    if (text === '' && raw.formulaType === 'shared') {
      const master = ctx.shared.get(raw.formulaShared);
      text = master ? `${master.text} (công thức dùng chung với ô ${master.ref})` : '(công thức dùng chung)';
    }
    return { ...base, kind: 'formula', text: `=${text}` };
  }
  if (raw.inline !== null) return textCell(unescapeXstring(raw.inline));
  const v = raw.value ?? '';
  switch (raw.type) {
    case 's': {
      const index = /^\d+$/.test(v.trim()) ? Number(v.trim()) : -1;
      const text = ctx.strings.get(index);
      if (text === undefined) {
        ctx.problems.push(placed('khong-doc-duoc', { ext: '.xlsx', damage: { case: 'shared-string', index: v, strings: ctx.stringCount } }, { place, actual: v }));
        return { ...base, kind: 'text', text: '' };
      }
      return textCell(unescapeXstring(text));
    }
    case 'str':
    case 'inlineStr':
      return textCell(unescapeXstring(v));
    case 'b':
      return { ...base, kind: 'boolean', text: v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { ...base, kind: 'error', text: v.trim() };
    case 'd': {
      const date = /^\d{4}-\d{2}-\d{2}/.test(v.trim()) ? new Date(`${v.trim().slice(0, 10)}T00:00:00Z`) : null;
      return { ...base, kind: 'date', text: date && !Number.isNaN(date.getTime()) ? dmy(date) : v.trim() };
    }
    case 'n': {
      const trimmed = v.trim();
      if (!XSD_DOUBLE.test(trimmed) || !Number.isFinite(Number(trimmed))) {
        const found = /^[+-]?INF$|^NaN$/.test(trimmed) ? 'infinite' : trimmed.includes(',') ? 'comma' : 'text';
        ctx.problems.push(placed('o-so-sai-chuan', { found }, { place, actual: v }));
        return { ...base, kind: 'number', text: v };
      }
      const number = Number(trimmed);
      if ((ctx.dates[raw.style] ?? 0) === 1) return { ...base, kind: 'date', text: serialDate(number, ctx.date1904) };
      return { ...base, kind: 'number', text: String(number) };
    }
    default:
      ctx.problems.push(placed('khong-doc-duoc', { ext: '.xlsx', damage: { case: 'cell-type', type: raw.type } }, { place, actual: raw.type }));
      return { ...base, kind: 'text', text: v };
  }
}

function sheetOf(name: string, cells: XlsxCell[], merges: string[]): XlsxSheet {
  const map = new Map(cells.map((c) => [c.ref, c]));
  return {
    name, cells: map, merges,
    rowCount: cells.reduce((n, c) => Math.max(n, c.row), 0),
    text: (address) => map.get(address)?.text ?? '',
    cell: (row, col) => map.get(`${columnLetter(col)}${row}`),
  };
}

// ——— The workbook ———

const SPREADSHEET_MAIN = /spreadsheetml\.sheet\.main\+xml|spreadsheetml\.template\.main\+xml|ms-excel\.sheet\.macroEnabled\.main\+xml|ms-excel\.template\.macroEnabled\.main\+xml/;

async function whatZipIs(bytes: Uint8Array, entries: Map<string, ZipEntry>): Promise<XlsxProblem | null> {
  const other = (is: NotForm['is'], subtype?: string): XlsxProblem => placed('dinh-dang-khac', { expected: 'xlsx', is, ...(subtype === undefined ? {} : { subtype }) }, { place: 'tệp' });
  const mimetype = entries.get('mimetype');
  if (mimetype) {
    const type = (await entryText(bytes, mimetype, 1024)).trim();
    if (type === 'application/vnd.oasis.opendocument.spreadsheet') return other('ods');
    if (type.startsWith('application/vnd.oasis.opendocument.')) return other('opendocument', type.slice('application/vnd.oasis.opendocument.'.length));
  }
  const types = entries.get('[Content_Types].xml');
  if (!types) return other('zip');
  const text = await entryText(bytes, types, PART_LIMITS.small);
  if (SPREADSHEET_MAIN.test(text)) return null;
  if (/wordprocessingml\.document|ms-word\./.test(text) || entries.has('word/document.xml')) return other('docx');
  if (/presentationml|ms-powerpoint/.test(text)) return other('pptx');
  return other('office');
}

/** Reads the form sheet (and the fingerprint sheet) of an .xlsx, within bounds; refuses what is not a sound form. */
export async function readXlsxWorkbook(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxRead | { problems: XlsxProblem[] }> {
  try {
    return await readWorkbook(bytes, options);
  } catch (error) {
    if (error instanceof Refused) return { problems: [error.problem] };
    if (error instanceof ZipRefusal) return { problems: [{ place: error.entry ? `phần "${error.entry}"` : 'tệp', rule: error.rule, message: error.message }] };
    throw error;
  }
}

async function readWorkbook(bytes: Uint8Array, options: XlsxReadOptions): Promise<XlsxRead | { problems: XlsxProblem[] }> {
  const format = otherFormat(bytes, 'xlsx');
  if (format) return { problems: [format] };
  const entries = zipEntries(bytes);
  const kind = await whatZipIs(bytes, entries);
  if (kind) return { problems: [kind] };

  const root = await relationships(bytes, entries, '');
  const workbookPath = [...root.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath) ?? corrupt('tệp', { case: 'missing-part', part: workbookPath, what: 'sổ tính' });
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parseSmall(await entryText(bytes, workbookEntry, PART_LIMITS.small), `phần "${workbookPath}"`, (name, a) => {
    if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
    else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
  });
  const rels = await relationships(bytes, entries, workbookPath);
  const partOf = (rid: string) => rels.get(rid);
  const typed = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const stylesEntry = entries.get(typed('/styles') ?? '');
  const stringsEntry = entries.get(typed('/sharedStrings') ?? '');

  const formSheet = sheets.find((s) => s.name === options.sheet);
  if (!formSheet) return { problems: [placed('khong-phai-bieu-mau', { sheet: options.sheet }, { place: 'tệp' })] };
  const sheetEntry = (s: { name: string; rid: string }) => {
    const part = partOf(s.rid);
    if (!part) return corrupt(`trang "${s.name}"`, { case: 'no-sheet-part' });
    return part.type.endsWith('/worksheet') ? entries.get(part.target) ?? corrupt(`trang "${s.name}"`, { case: 'missing-part', part: part.target }) : null;
  };

  const dates = await dateStyles(bytes, stylesEntry);
  const budget = { parsed: SAX_BUDGET };
  const form = await scanSheet(bytes, sheetEntry(formSheet)!, options.sheet, options.area, 'refuse', budget);
  if (form.outside.length > 0) return { problems: form.outside };
  const fingerprintMeta = sheets.find((s) => s.name === options.fingerprintSheet);
  const fpEntry = fingerprintMeta ? sheetEntry(fingerprintMeta) : null;
  const fp = fpEntry ? await scanSheet(bytes, fpEntry, options.fingerprintSheet, { rows: options.fingerprintRows, cols: 3 }, 'ignore', budget) : null;
  const others: { name: string; scan: ScannedSheet }[] = [];
  for (const s of sheets) {
    if (s === formSheet || s === fingerprintMeta) continue;
    const entry = sheetEntry(s);
    if (entry) others.push({ name: s.name, scan: await scanSheet(bytes, entry, s.name, options.area, 'ignore', budget) });
  }

  const wanted = new Set<number>();
  for (const scan of [form, fp, ...others.map((o) => o.scan)]) {
    for (const c of scan?.cells ?? []) if (c.type === 's' && c.formula === null && /^\d+$/.test((c.value ?? '').trim())) wanted.add(Number(c.value!.trim()));
  }
  const { strings, count } = await sharedStrings(bytes, stringsEntry, wanted);
  const resolveAll = (name: string, scan: ScannedSheet, problems: XlsxProblem[]) => {
    const shared = new Map<string, { ref: string; text: string }>();
    for (const c of scan.cells) if (c.formulaType === 'shared' && c.formula) shared.set(c.formulaShared, { ref: c.ref, text: c.formula });
    const ctx: ResolveContext = { sheetName: name, strings, stringCount: count, dates, date1904, shared, problems };
    return scan.cells.map((c) => resolve(c, ctx));
  };

  // Another sheet holding the form's figures (a filled copy): a row with an indicator's code and a number.
  for (const other of others) {
    const cells = resolveAll(other.name, other.scan, []);
    const byRow = new Map<number, XlsxCell[]>();
    for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
    for (const rowCells of byRow.values()) {
      const code = rowCells.find((c) => c.kind === 'text' && options.indicatorCodes.has(c.text.trim()));
      // Column A is the form's row number (STT), not a figure.
      const figure = rowCells.find((c) => c.col > 1 && (c.kind === 'number' || c.kind === 'formula' || c.kind === 'date'));
      if (code && figure) {
        return {
          problems: [placed('trang-khac-co-so-lieu', { other: other.name, code: code.text.trim(), codeRef: code.ref, sheet: options.sheet }, {
            place: `trang "${other.name}", ô ${figure.ref}`, actual: figure.text,
          })],
        };
      }
    }
  }

  const problems: XlsxProblem[] = [];
  const sheet = sheetOf(options.sheet, resolveAll(options.sheet, form, problems), form.merges);
  const fingerprint = fp ? sheetOf(options.fingerprintSheet, resolveAll(options.fingerprintSheet, fp, []), fp.merges) : null;
  if (problems.length > 0) return { problems };
  return { sheet, fingerprint };
}
