// Where an edition keeps each kind of content, from the project root: the input-side twin of
// src/lib/site/routes.ts. Readers, checks, commands and the Astro collections name a content path
// through this table only, so a folder renamed here is renamed everywhere.

/** The edition file's path, as its messages name it (a constant of its own: the browser's form check carries it without the table). */
export const EDITION_FILE = 'content/cau-hinh.yaml';

export const contentPaths = {
  /** The whole edition: every path below is inside it. */
  root: 'content',
  /** The edition file (src/lib/edition/schema.ts). */
  edition: EDITION_FILE,
  /** Documents (MDX), one file a document: content/van-ban/<id>.mdx. */
  documents: 'content/van-ban',
  /** Programmes (MDX front matter), one file a programme. */
  programmes: 'content/chuong-trinh',
  /** The office's notices (MDX). */
  notices: 'content/thong-bao',
  /** Indicator definitions (YAML), one file an indicator. */
  indicators: 'content/chi-tieu',
  /** Reporting units (YAML), one file a unit: its code is the file's name. */
  units: 'content/don-vi',
  /** Results (CSV), the dataset's metadata, receipts and the units' targets. */
  results: 'content/so-lieu',
  /** The dataset's metadata (status, source, term). */
  datasetMeta: 'content/so-lieu/bo-du-lieu.yaml',
  /** Optional: the day each unit's report was received. */
  receipts: 'content/so-lieu/nop-bao-cao.yaml',
  /** Optional: each unit's own term targets and allocations; not a results file. */
  unitTargets: 'content/so-lieu/muc-tieu-don-vi.csv',
  /** The official source text the documents are checked against. */
  sourceText: 'content/nguon/van-ban-goc.txt',
} as const;

/**
 * The folder of an MDX collection, by Astro's collection name. A function, not a second table:
 * the browser's form check bundles this module for EDITION_FILE, and a table of property reads
 * would be carried along.
 */
export function mdxCollectionDir(collection: 'van-ban' | 'chuong-trinh' | 'thong-bao'): string {
  return { 'van-ban': contentPaths.documents, 'chuong-trinh': contentPaths.programmes, 'thong-bao': contentPaths.notices }[collection];
}

/** A document's file, from its id (the file name without .mdx). */
export const documentFile = (id: string): string => `${contentPaths.documents}/${id}.mdx`;
/** A programme's file, from its id. */
export const programmeFile = (id: string): string => `${contentPaths.programmes}/${id}.mdx`;
