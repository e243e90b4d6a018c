// The register of cited documents: every citation recorded by the remark plugin, grouped into one
// row per cited document (number + symbol + year), with where it is cited and whether the site publishes it.
import type { Citation } from './citations';
import { routes } from '../site/routes.ts';

/** A citation as the remark plugin records it: the recogniser's fields (less its offsets) and where it sits. */
export interface CitationRecord extends Omit<Citation, 'start' | 'end'> {
  /** Citing document (van-ban entry id) and the section it sits in. */
  documentId: string;
  anchor: string;
  sectionTitle: string;
  line?: number;
  resolved?: { id: string; href: string };
}

/**
 * How the Markdown plugins hand a page's records to the register: one JSON string in the page's
 * remark frontmatter, which Astro writes into each compiled page as a JavaScript literal (a string
 * is one literal, not an object tree the bundler must parse for each of thousands of documents).
 *
 * A page cites the same few documents again and again under a handful of sections, so each
 * distinct citation (what the recogniser read, and the page it links to) and each section title is
 * stored once, and a record is a row: the citation's index, its anchor, the section's index and
 * its line. Decoding is plain lookups. An earlier form stored only the printed citation and re-read
 * it with the recogniser: smaller, but encoding and decoding cost 1.3 s of a 10,000-document build.
 */
type StoredCitation = Omit<CitationRecord, 'documentId' | 'anchor' | 'sectionTitle' | 'line'>;

interface StoredRecords {
  citations: StoredCitation[];
  sections: string[];
  rows: [citation: number, anchor: string, section: number, line: number | null][];
}

/** Position of `value` in `list`, adding it the first time its key is seen. */
function storedOnce<T>(list: T[], positions: Map<string, number>, key: string, value: T): number {
  let position = positions.get(key);
  if (position === undefined) {
    position = list.push(value) - 1;
    positions.set(key, position);
  }
  return position;
}

/**
 * Every field of a stored citation, in one string: two citations are stored once when all their
 * fields are equal. Cheaper than JSON.stringify on each of a page's records, which cost 0.1 s per
 * 1,000 documents of the benchmark. The type lists every field, so a new one cannot be left out.
 */
function citationKey(c: StoredCitation): string {
  const fields: { [K in keyof Required<StoredCitation>]: string | number | undefined } = {
    text: c.text, type: c.type, number: c.number, symbol: c.symbol, label: c.label, key: c.key, year: c.year,
    dateText: c.dateText, date: c.date, issuer: c.issuer, resolved: c.resolved && `${c.resolved.id}\u0001${c.resolved.href}`,
  };
  return Object.values(fields).join('\u0000');
}

export function encodeCitationRecords(records: CitationRecord[]): string {
  const stored: StoredRecords = { citations: [], sections: [], rows: [] };
  const citationPositions = new Map<string, number>();
  const sectionPositions = new Map<string, number>();
  for (const { documentId: _page, anchor, sectionTitle, line, ...citation } of records) {
    stored.rows.push([
      storedOnce(stored.citations, citationPositions, citationKey(citation), citation),
      anchor,
      storedOnce(stored.sections, sectionPositions, sectionTitle, sectionTitle),
      line ?? null,
    ]);
  }
  return JSON.stringify(stored);
}

/** The records of one document (`documentId`, the citing van-ban entry), as the plugin encoded them. */
export function decodeCitationRecords(value: unknown, documentId: string): CitationRecord[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') throw new Error('citations: bản ghi trích dẫn phải là chuỗi JSON do plugin trích dẫn ghi.');
  const { citations, sections, rows } = JSON.parse(value) as StoredRecords;
  return rows.map(([citation, anchor, section, line]) => {
    const fields = citations[citation];
    const sectionTitle = sections[section];
    if (!fields || sectionTitle === undefined) throw new Error(`citations: bản ghi trích dẫn của ${documentId} bị hỏng.`);
    return { ...fields, documentId, anchor, sectionTitle, ...(line === null ? {} : { line }) };
  });
}

export interface CitedAt {
  documentId: string;
  anchor: string;
  sectionTitle: string;
  count: number;
}

export interface RegisterEntry {
  /** Stable id for the row's anchor. */
  id: string;
  key: string;
  label: string;
  type: string;
  number: string;
  symbol: string;
  year?: number;
  dates: string[];
  /** First known date as yyyy-mm-dd, for sorting. */
  isoDate?: string;
  issuers: string[];
  published?: { id: string; href: string };
  citedAt: CitedAt[];
  occurrences: number;
}

const rowId = (key: string, year?: number) =>
  `vb-${key}${year ? `-${year}` : ''}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ\u00D0]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '');

/**
 * A dated citation is its own document (numbers restart each year); an undated one joins the single
 * dated document with the same number and symbol, or stands alone when there is none or several.
 */
export function buildRegister(records: CitationRecord[]): RegisterEntry[] {
  const groups = new Map<string, CitationRecord[]>();
  const groupKey = (r: CitationRecord) => (r.year === undefined ? r.key : `${r.key}@${r.year}`);
  const datedYearsByKey = new Map<string, Set<number>>();
  for (const r of records) {
    if (r.year !== undefined) {
      const years = datedYearsByKey.get(r.key) ?? new Set<number>();
      years.add(r.year);
      datedYearsByKey.set(r.key, years);
    }
  }
  for (const r of records) {
    let key = groupKey(r);
    if (r.year === undefined) {
      const years = datedYearsByKey.get(r.key);
      if (years?.size === 1) key = `${r.key}@${[...years][0]}`;
    }
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const entries = [...groups.values()].map((list): RegisterEntry => {
    const first = list[0] as CitationRecord;
    const year = list.find((r) => r.year !== undefined)?.year;
    const citedAt = new Map<string, CitedAt>();
    for (const r of list) {
      const at = `${r.documentId}#${r.anchor}`;
      const existing = citedAt.get(at);
      if (existing) existing.count++;
      else citedAt.set(at, { documentId: r.documentId, anchor: r.anchor, sectionTitle: r.sectionTitle, count: 1 });
    }
    const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
    return {
      id: rowId(first.key, year),
      key: first.key,
      label: first.label,
      type: first.type,
      number: first.number,
      symbol: first.symbol,
      year,
      dates: unique(list.map((r) => r.dateText)),
      isoDate: list.find((r) => r.date)?.date,
      issuers: unique(list.map((r) => r.issuer)),
      published: list.find((r) => r.resolved)?.resolved,
      citedAt: [...citedAt.values()],
      occurrences: list.length,
    };
  });
  return entries.sort(
    (a, b) => (a.year ?? 0) - (b.year ?? 0) || a.key.localeCompare(b.key, 'vi', { numeric: true }),
  );
}

/** Path segment of the whole list of places citing a register row: "vb-2494-ctr-tld-2018" → "2494-ctr-tld-2018". */
export function registerListSlug(rowId: string): string {
  return rowId.replace(/^vb-/, '');
}

/** Address of the whole list of places citing a register row: /van-ban-dan-chieu/2494-ctr-tld-2018/. */
export function registerListHref(rowId: string): string {
  return routes.citationList(registerListSlug(rowId));
}

/** Address of the whole list of places citing a published programme: /chuong-trinh/2494-ctr-tld-2018/dan-chieu/. */
export function programmeListHref(programmeId: string): string {
  return routes.programmeCitations(programmeId);
}

/** Where a published document is cited, for its "Được dẫn chiếu tại" list. */
export function backlinksFor(records: CitationRecord[], publishedId: string): CitedAt[] {
  return buildRegister(records.filter((r) => r.resolved?.id === publishedId)).flatMap((e) => e.citedAt);
}

export interface RegisterSummary {
  /** Distinct cited documents. */
  documents: number;
  /** Citations counted one by one. */
  occurrences: number;
  /** Distinct cited documents the site publishes. */
  published: number;
  resolvedOccurrences: number;
}

export function registerSummary(register: RegisterEntry[]): RegisterSummary {
  return {
    documents: register.length,
    occurrences: register.reduce((sum, e) => sum + e.occurrences, 0),
    published: register.filter((e) => e.published).length,
    resolvedOccurrences: register.filter((e) => e.published).reduce((sum, e) => sum + e.occurrences, 0),
  };
}
