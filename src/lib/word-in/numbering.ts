// Word's automatic numbering, as Word displays it. mammoth reads a numbered paragraph as a list
// item and drops its number ("1.", "II.", "a)"), but in an official document the number is part
// of the text: "2. Tình hình công nhân…" is cited by its number. So before mammoth reads the body,
// each numbered paragraph gets its displayed number written in as ordinary text (a run at the start
// of the paragraph), computed from numbering.xml the way Word counts: one counter per level of an
// abstract list shared by its list instances, a level restarting when a higher level advances,
// `startOverride` restarting an instance, the level's format (1, 01, I, i, A, a) and its text
// ("%1.", "%1.%2.", "%2)"). Bullets become their character ("-", "+"; symbol-font bullets "•").
import { SaxesParser, type SaxesTagPlain } from 'saxes';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: 'tab' | 'space' | 'nothing';
}

interface NumberingDefinitions {
  abstract: Map<string, Map<number, Level>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
  /** Paragraph styles that carry numbering themselves (headings numbered by their style). */
  styles: Map<string, { numId: string; ilvl: number }>;
}

function parse(xml: string, handlers: { open?: (tag: SaxesTagPlain, path: string[]) => void; close?: (name: string, path: string[]) => void }): void {
  const parser = new SaxesParser();
  const path: string[] = [];
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    handlers.open?.(tag as SaxesTagPlain, path);
    if (tag.isSelfClosing) path.pop();
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    handlers.close?.(tag.name, path);
    path.pop();
  });
  parser.write(xml).close();
}

const attr = (tag: SaxesTagPlain, name: string) => tag.attributes[name] as string | undefined;

export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstract: new Map(), nums: new Map(), styles: new Map() };
  if (numberingXml) {
    let abstract: Map<number, Level> | undefined;
    let level: Level | undefined;
    let num: { abstractId: string; overrides: Map<number, number> } | undefined;
    let overrideLevel = 0;
    parse(numberingXml, {
      open(tag, path) {
        const parent = path[path.length - 2];
        if (tag.name === 'w:abstractNum') defs.abstract.set(attr(tag, 'w:abstractNumId') ?? '', (abstract = new Map()));
        else if (tag.name === 'w:lvl' && abstract && parent === 'w:abstractNum') {
          level = { start: 1, numFmt: 'decimal', lvlText: '', suff: 'tab' };
          abstract.set(Number(attr(tag, 'w:ilvl') ?? 0), level);
        } else if (level && parent === 'w:lvl') {
          const val = attr(tag, 'w:val');
          if (tag.name === 'w:start') level.start = Number(val ?? 1);
          else if (tag.name === 'w:numFmt') level.numFmt = val ?? 'decimal';
          else if (tag.name === 'w:lvlText') level.lvlText = val ?? '';
          else if (tag.name === 'w:suff') level.suff = (val as Level['suff']) ?? 'tab';
        } else if (tag.name === 'w:num') {
          num = { abstractId: '', overrides: new Map() };
          defs.nums.set(attr(tag, 'w:numId') ?? '', num);
        } else if (num && tag.name === 'w:abstractNumId') num.abstractId = attr(tag, 'w:val') ?? '';
        else if (num && tag.name === 'w:lvlOverride') overrideLevel = Number(attr(tag, 'w:ilvl') ?? 0);
        else if (num && tag.name === 'w:startOverride') num.overrides.set(overrideLevel, Number(attr(tag, 'w:val') ?? 1));
      },
      close(name) {
        if (name === 'w:lvl') level = undefined;
        else if (name === 'w:abstractNum') abstract = undefined;
        else if (name === 'w:num') num = undefined;
      },
    });
  }
  if (stylesXml) {
    let style: string | undefined;
    let ilvl = 0;
    let numId: string | undefined;
    parse(stylesXml, {
      open(tag, path) {
        if (tag.name === 'w:style') {
          style = attr(tag, 'w:type') === 'paragraph' ? attr(tag, 'w:styleId') : undefined;
          ilvl = 0;
          numId = undefined;
        } else if (style && path.includes('w:numPr')) {
          if (tag.name === 'w:ilvl') ilvl = Number(attr(tag, 'w:val') ?? 0);
          if (tag.name === 'w:numId') numId = attr(tag, 'w:val');
        }
      },
      close(name) {
        if (name === 'w:style' && style && numId && numId !== '0') defs.styles.set(style, { numId, ilvl });
        if (name === 'w:style') style = undefined;
      },
    });
  }
  return defs;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) while (n >= value) { out += letters; n -= value; }
  return out;
}
/** Word's letters: a … z, then aa … zz (the letter repeated), as Word counts. */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'none': return '';
    default: return String(n);
  }
}

/** A symbol-font bullet (private-use character) is shown as "•"; a typed character as itself. */
function bullet(text: string): string {
  return /^[\uf000-\uf0ff]$/.test(text) || text === '' ? '•' : text;
}

/** Counts the list paragraphs in document order and gives each one's displayed number. */
export class NumberCounter {
  private counters = new Map<string, number[]>();
  private seenNums = new Set<string>();
  private readonly defs: NumberingDefinitions;
  constructor(defs: NumberingDefinitions) {
    this.defs = defs;
  }

  /** The displayed label and what follows it, or undefined when the paragraph is not numbered. */
  next(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string | undefined {
    let id = numId;
    let level = ilvl;
    if (id === undefined && styleId && this.defs.styles.has(styleId)) ({ numId: id, ilvl: level } = this.defs.styles.get(styleId)!);
    if (id === undefined || id === '0') return undefined;
    level ??= 0;
    const num = this.defs.nums.get(id);
    const abstract = num ? this.defs.abstract.get(num.abstractId) : undefined;
    const def = abstract?.get(level);
    if (!num || !abstract || !def) return undefined;
    let counts = this.counters.get(num.abstractId);
    if (!counts) this.counters.set(num.abstractId, (counts = []));
    if (!this.seenNums.has(id)) {
      this.seenNums.add(id);
      for (const [l, start] of num.overrides) {
        counts[l] = start - 1;
        counts.length = Math.max(counts.length, l + 1);
      }
    }
    counts[level] = counts[level] === undefined ? def.start : counts[level]! + 1;
    counts.length = level + 1; // deeper levels restart
    if (def.numFmt === 'bullet') return `${bullet(def.lvlText)} `;
    const label = def.lvlText.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts[l] ?? abstract.get(l)?.start ?? 1;
      return formatNumber(value, abstract.get(l)?.numFmt ?? 'decimal');
    });
    return label === '' ? undefined : `${label}${def.suff === 'nothing' ? '' : ' '}`;
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * document.xml with each numbered paragraph's displayed number written in as a run at its start,
 * and the count of numbered paragraphs (for the report).
 */
export function writeInNumbers(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): { xml: string; numbered: number } {
  const defs = readNumbering(numberingXml, stylesXml);
  if (defs.nums.size === 0) return { xml: documentXml, numbered: 0 };
  const counter = new NumberCounter(defs);
  const inserts: { at: number; text: string }[] = [];
  const parser = new SaxesParser();
  interface Para { at: number; numId?: string; ilvl?: number; style?: string }
  const stack: Para[] = [];
  let inChange = 0; // numPr inside pPrChange is the old formatting, not the shown one
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:p' && !tag.isSelfClosing) stack.push({ at: parser.position });
    const para = stack[stack.length - 1];
    if (!para) return;
    if (tag.name === 'w:pPrChange' && !tag.isSelfClosing) inChange += 1;
    if (inChange > 0) return;
    const val = tag.attributes['w:val'] as string | undefined;
    if (tag.name === 'w:pStyle') para.style = val;
    else if (tag.name === 'w:numId') para.numId = val;
    else if (tag.name === 'w:ilvl') para.ilvl = Number(val ?? 0);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:pPrChange') inChange = Math.max(0, inChange - 1);
    const para = stack[stack.length - 1];
    if (!para) return;
    if (tag.name === 'w:pPr' && documentXml[parser.position - 1] === '>') para.at = parser.position;
    if (tag.name === 'w:p' && !tag.isSelfClosing) {
      stack.pop();
      const label = counter.next(para.numId, para.ilvl, para.style);
      if (label !== undefined) inserts.push({ at: para.at, text: label });
    }
  });
  parser.write(documentXml).close();
  let xml = documentXml;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) {
    xml = `${xml.slice(0, at)}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>${xml.slice(at)}`;
  }
  return { xml, numbered: inserts.length };
}
