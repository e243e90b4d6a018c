// Shared queries over the documents collection, with the integrity checks every page relies on.
import { buildTimeline, type ScheduleItem, type TimelineEntry } from './schedule.ts';
import { missingAnchorProblems } from './content-refs.ts';
import { formatProblems } from '../problems/problem.ts';
import { documentAnchors } from './anchors.ts';
import { foldVietnamese } from '../text/vietnamese.ts';

export interface DocumentLike {
  id: string;
  filePath?: string;
  body?: string;
  data: { title: string; shortTitle: string; order: number; schedule: ScheduleItem[] };
}

export function sortDocuments<T extends DocumentLike>(docs: T[]): T[] {
  return [...docs].sort((a, b) => a.data.order - b.data.order);
}

/** Throws (failing the build) when a schedule entry points at an anchor the document lacks. */
export function assertScheduleAnchors(doc: DocumentLike, headingSlugs: string[]): void {
  const problems = missingAnchorProblems(doc.filePath ?? doc.id, doc.data.schedule, documentAnchors(doc.body ?? '', headingSlugs));
  if (problems.length > 0) throw new Error(formatProblems(problems));
}

export function timelineOf(docs: DocumentLike[]): TimelineEntry[] {
  return buildTimeline(
    sortDocuments(docs).map((d) => ({ id: d.id, title: d.data.shortTitle, schedule: d.data.schedule })),
  );
}

/**
 * A document's other names to show and index: its aliases without those that repeat the short
 * name or each other (compared folded, so "Công văn xin ý kiến" and "cong van xin y kien" are one).
 */
export function documentAliases(shortTitle: string, aliases: readonly string[]): string[] {
  const seen = new Set([foldVietnamese(shortTitle).replace(/\s+/g, ' ').trim()]);
  return aliases.filter((alias) => {
    const key = foldVietnamese(alias).replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
